package dlms.xmlclient.wire.hdlc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the bytes of one connection into whole HDLC frames (flag, type 3 frame format with the
 * 11-bit length, ..., flag), however its reads split them. Bytes that do not start a frame are
 * skipped up to the next flag, as a station on a line does; one flag may close a frame and open
 * the next. Check sequences are not checked: the station a frame goes to judges it. Not thread
 * safe.
 */
public final class HdlcStream {

    /** Flag and frame format: enough to know the frame's length. */
    private static final int HEADER = 3;

    private byte[] pending = new byte[0];

    /**
     * @param data bytes read
     * @return the frames they complete, in order, each a new array with its opening and closing flag
     */
    public List<byte[]> add(byte[] data) {
        byte[] bytes = Arrays.copyOf(pending, pending.length + data.length);
        System.arraycopy(data, 0, bytes, pending.length, data.length);
        List<byte[]> frames = new ArrayList<>();
        int start = 0;
        while (true) {
            while (start < bytes.length && (bytes[start] & 0xFF) != HdlcDecoder.FLAG) {
                ++start;
            }
            if (bytes.length - start < HEADER) {
                break;
            }
            if (!HdlcFormat.isType3(bytes, start + 1)) {
                ++start; // a closing flag, or a flag shared between two frames
                continue;
            }
            int total = HdlcFormat.length(bytes, start + 1) + 2;
            if (bytes.length - start < total) {
                break;
            }
            if ((bytes[start + total - 1] & 0xFF) != HdlcDecoder.FLAG) {
                ++start; // not a frame after all
                continue;
            }
            frames.add(Arrays.copyOfRange(bytes, start, start + total));
            start += total - 1; // the closing flag may open the next frame
        }
        pending = Arrays.copyOfRange(bytes, start, bytes.length);
        return frames;
    }
}
