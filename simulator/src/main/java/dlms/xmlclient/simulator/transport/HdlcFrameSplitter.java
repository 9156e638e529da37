package dlms.xmlclient.simulator.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the bytes of one TCP connection into whole HDLC frames (flag, frame format with the
 * 11-bit length, ..., flag), however the reads split them, so that each frame can go to the
 * meter it is addressed to. Bytes that do not start a frame are skipped up to the next flag, as
 * a station on a line does.
 */
final class HdlcFrameSplitter {

    private static final int FLAG = 0x7E;
    /** Flag, frame format (2 bytes): enough to know the frame's length. */
    private static final int HEADER = 3;

    private byte[] pending = new byte[0];

    /**
     * @param data bytes read
     * @return the frames they complete, in order, each with its opening and closing flag
     */
    List<byte[]> add(final byte[] data) {
        byte[] bytes = Arrays.copyOf(pending, pending.length + data.length);
        System.arraycopy(data, 0, bytes, pending.length, data.length);
        List<byte[]> frames = new ArrayList<>();
        int start = 0;
        while (true) {
            while (start < bytes.length && (bytes[start] & 0xFF) != FLAG) {
                ++start;
            }
            if (bytes.length - start < HEADER) {
                break;
            }
            int format = bytes[start + 1] & 0xFF;
            if ((format & 0xF0) != 0xA0) {
                ++start; // a closing flag, or a flag shared between two frames
                continue;
            }
            int total = ((format & 0x07) << 8 | bytes[start + 2] & 0xFF) + 2;
            if (bytes.length - start < total) {
                break;
            }
            if ((bytes[start + total - 1] & 0xFF) != FLAG) {
                ++start; // not a frame after all
                continue;
            }
            frames.add(Arrays.copyOfRange(bytes, start, start + total));
            start += total;
        }
        pending = Arrays.copyOfRange(bytes, start, bytes.length);
        return frames;
    }

    /**
     * @param frame one whole HDLC frame from a client
     * @return the physical device part of its 4-byte destination (server) address, -1 when it
     *         has a 1- or 2-byte destination, which names no meter of a shared port
     */
    static int physicalDestination(final byte[] frame) {
        int end = HEADER;
        while (end < frame.length && (frame[end] & 0x01) == 0) {
            ++end;
        }
        if (end - HEADER != 3 || end >= frame.length) {
            return -1;
        }
        return (frame[end - 1] & 0xFF) >>> 1 << 7 | (frame[end] & 0xFF) >>> 1;
    }
}
