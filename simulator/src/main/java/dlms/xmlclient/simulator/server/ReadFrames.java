package dlms.xmlclient.simulator.server;

import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import dlms.xmlclient.wire.wrapper.WrapperHeader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one read from a connection holds, frame by frame. TCP keeps no frame boundaries: a
 * client that writes two frames at once, or a meter that reads late, gets both in one read, and
 * gurux.dlms 4.0.47's server serves the first frame of what it is given and drops the rest
 * ({@code FramesInOneReadTest}). The whole frames at the start are split off; what is left (a
 * frame's first part, bytes that are no frame) goes on as it is, for the library to keep or judge.
 */
final class ReadFrames {

    private ReadFrames() {
    }

    /** @return the frames, then any rest; {@code data} itself when it is one frame or none whole */
    static List<byte[]> of(byte[] data, boolean wrapper) {
        List<byte[]> frames = new ArrayList<>(2);
        int start = 0;
        while (start < data.length) {
            int end = end(data, start, wrapper);
            if (end < 0) {
                break;
            }
            if (start == 0 && end == data.length) {
                return List.of(data);
            }
            frames.add(Arrays.copyOfRange(data, start, end));
            // HDLC frames may share a flag: the one that closes a frame opens the next.
            boolean sharedFlag = !wrapper && end < data.length && end(data, end, false) < 0
                    && end(data, end - 1, false) > 0;
            start = sharedFlag ? end - 1 : end;
        }
        if (frames.isEmpty()) {
            return List.of(data);
        }
        if (start < data.length) {
            frames.add(Arrays.copyOfRange(data, start, data.length));
        }
        return frames;
    }

    /** @return the index after the whole frame that starts at {@code start}, or -1 */
    private static int end(byte[] data, int start, boolean wrapper) {
        if (wrapper) {
            if (!WrapperHeader.isAt(data, start, data.length)) {
                return -1;
            }
            int end = start + WrapperHeader.SIZE + WrapperHeader.decode(data, start, data.length).length();
            return end <= data.length ? end : -1;
        }
        HdlcFrame frame = HdlcDecoder.whole(data, start, data.length);
        return frame == null ? -1 : frame.end();
    }
}
