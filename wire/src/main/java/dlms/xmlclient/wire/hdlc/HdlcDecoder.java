package dlms.xmlclient.wire.hdlc;

import dlms.xmlclient.wire.FrameException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds HDLC frames in bytes (IEC 62056-46 frame format type 3). Frames from client to server
 * and from server to client have the same format, destination address first, so one decoder
 * reads both. {@link #header} and {@link #whole} look at one offset and check no check
 * sequence (the caller asks the {@link HdlcFrame}); {@link #frames} takes a captured stream
 * apart and checks every HCS and FCS. For the frames of a connection as its reads come, see
 * {@link HdlcStream}.
 * <p>
 * An address field ends at its first byte with the extension bit set, however long: a frame
 * whose addresses are 3 or more than 4 bytes is found, and its {@link HdlcFrame#destination}
 * or {@link HdlcFrame#source} is null.
 */
public final class HdlcDecoder {

    public static final int FLAG = 0x7E;
    /** Flag, format (2 bytes), 1-byte destination and source, control, FCS (2 bytes), flag. */
    public static final int SHORTEST = 9;

    private HdlcDecoder() {
    }

    /**
     * @return offset of the control field of the frame that starts at {@code start} (at least
     *         {@link #SHORTEST} bytes before {@code end}, a flag, a type 3 format), -1 when no
     *         frame starts there or its addresses do not end before {@code end}
     */
    public static int controlAt(byte[] data, int start, int end) {
        if (end - start < SHORTEST || (data[start] & 0xFF) != FLAG || !HdlcFormat.isType3(data, start + 1)) {
            return -1;
        }
        int destination = HdlcAddress.length(data, start + 3, end);
        int source = destination < 0 ? -1 : HdlcAddress.length(data, start + 3 + destination, end);
        int control = start + 3 + destination + source;
        return source < 0 || control >= end ? -1 : control;
    }

    /**
     * @return the frame that starts at {@code start} when its header, up to and with the two
     *         bytes after the control field, is in data[start, end): whole when its closing flag
     *         is there too, where its frame format says; null when no frame starts there
     */
    public static HdlcFrame header(byte[] data, int start, int end) {
        int control = controlAt(data, start, end);
        if (control < 0 || control + 3 > end) {
            return null;
        }
        int last = start + HdlcFormat.length(data, start + 1) + 1;
        boolean whole = last < end && (data[last] & 0xFF) == FLAG && control + 3 <= last;
        return new HdlcFrame(data, start, control, whole ? last : -1);
    }

    /** @return the whole frame that starts at {@code start} and ends before {@code end}, or null */
    public static HdlcFrame whole(byte[] data, int start, int end) {
        HdlcFrame frame = header(data, start, end);
        return frame != null && frame.isWhole() ? frame : null;
    }

    /** @return the frame when {@code data} is exactly one whole frame, else null */
    public static HdlcFrame whole(byte[] data) {
        HdlcFrame frame = whole(data, 0, data.length);
        return frame != null && frame.end() == data.length ? frame : null;
    }

    /**
     * Takes a captured stream apart: frames one after the other, sharing a flag or each with
     * its own (7E 7E between them), nothing else before, between or after them.
     *
     * @return each frame, both flags included
     * @throws FrameException naming the first frame that is not whole or whose HCS or FCS is wrong
     */
    public static List<byte[]> frames(byte[] d) throws FrameException {
        List<byte[]> frames = new ArrayList<>();
        int p = 0;
        while (p < d.length) {
            int n = frames.size() + 1;
            if ((d[p] & 0xFF) != FLAG) {
                throw new FrameException(n, "expected the 7E flag at byte " + p + ", found " + hex(d[p]));
            }
            while (p + 1 < d.length && (d[p + 1] & 0xFF) == FLAG) {
                p++;
            }
            if (p == d.length - 1) {
                break; // the closing flag of the last frame
            }
            if (p + 2 >= d.length) {
                throw new FrameException(n, "truncated: the input ends inside the frame format field");
            }
            if (!HdlcFormat.isType3(d, p + 1)) {
                throw new FrameException(n, hex(d[p + 1]) + " " + hex(d[p + 2])
                        + " after the 7E flag is not an HDLC frame format (A0 to AF)");
            }
            int length = HdlcFormat.length(d, p + 1);
            int end = p + 1 + length; // where the closing flag must be
            if (length < SHORTEST - 2) {
                throw new FrameException(n, "the frame format gives " + length
                        + " bytes; an HDLC frame has at least 7");
            }
            if (end >= d.length) {
                throw new FrameException(n, "truncated: the frame format gives " + length
                        + " bytes between the flags, only " + (d.length - p - 1) + " follow the opening flag");
            }
            if ((d[end] & 0xFF) != FLAG) {
                throw new FrameException(n, "no closing 7E flag after the " + length
                        + " bytes the frame format gives (found " + hex(d[end]) + ")");
            }
            checkSequences(n, d, p, end);
            frames.add(Arrays.copyOfRange(d, p, end + 1));
            p = end; // the closing flag may open the next frame
        }
        if (frames.isEmpty()) {
            throw new FrameException("only 7E flags, no HDLC frame");
        }
        return frames;
    }

    /** HCS over format..control; FCS over format..information when there is an information field. */
    private static void checkSequences(int n, byte[] d, int start, int flag) throws FrameException {
        int control = controlAt(d, start, flag + 1);
        if (control < 0 || control + 2 >= flag) {
            throw new FrameException(n, "the addresses and control field leave no room for the HCS");
        }
        check(n, "HCS", d, start, control + 1);
        if (control + 3 < flag) {
            check(n, "FCS", d, start, flag - 2);
        }
    }

    private static void check(int n, String name, byte[] d, int start, int at) throws FrameException {
        int fcs = Fcs16.of(d, start + 1, at);
        int found = Fcs16.found(d, at);
        if (fcs != found) {
            throw new FrameException(n, String.format("bad %s: the frame has %02X %02X, its bytes give %02X %02X",
                    name, found & 0xFF, found >> 8, fcs & 0xFF, fcs >> 8));
        }
    }

    private static String hex(byte b) {
        return String.format("%02X", b & 0xFF);
    }
}
