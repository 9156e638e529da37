package dlms.xmlclient.session;

import dlms.xmlclient.wire.hdlc.Fcs16;
import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;

/**
 * The few things the client reads in an HDLC frame itself, with the wire module's codec: where a
 * frame starts, its check sequences, whether it is an SNRM, and the poll/final bit of the meter's
 * I-frames. A meter sending a window of segments sets
 * it on the last one only and is not to be sent an RR before that (IEC 62056-46, normal
 * response mode). gurux.dlms 4.0.47 compares a received control field with the one it
 * expects, final bit included, so it drops every frame of a window but the last as "Invalid
 * HDLC Frame": such a frame is handed to it with the bit set (and its check sequences made
 * again), and the session remembers that the window is still open.
 */
public final class HdlcFrames {

    private static final int SNRM = HdlcControl.unnumbered(HdlcControl.Kind.SNRM, true);

    private HdlcFrames() {
    }

    /**
     * Sets the final bit of the I-frame that starts at {@code start}, when it is whole and the
     * bit is clear.
     *
     * @return true when the frame was not final (a window goes on after it)
     */
    public static boolean markFinal(byte[] buffer, int start, int end) {
        HdlcFrame frame = HdlcDecoder.whole(buffer, start, end);
        if (frame == null || !HdlcControl.isInformation(frame.control()) || HdlcControl.isPollFinal(frame.control())) {
            return false; // not an I-frame, or final already
        }
        if (!frame.hasRightFcs()) {
            return false; // a damaged frame keeps its wrong check sequence: the library drops it
        }
        buffer[frame.controlAt()] |= HdlcControl.POLL_FINAL;
        HdlcEncoder.seal(frame);
        return true;
    }

    /**
     * True when a frame starts at {@code start} whose header check sequence (or, for a frame
     * without information field, frame check sequence) is right: a frame, not bytes that look
     * like the start of one.
     */
    static boolean isFrameStart(byte[] buffer, int start, int end) {
        HdlcFrame frame = HdlcDecoder.header(buffer, start, end);
        return frame != null && frame.hasRightHcs();
    }

    /**
     * The control field of the whole frame at {@code start}, or -1 when no whole frame starts
     * there or its header check sequence (which covers the control field) is wrong.
     */
    static int control(byte[] buffer, int start, int end) {
        HdlcFrame frame = HdlcDecoder.whole(buffer, start, end);
        return frame == null || !frame.hasRightHcs() ? -1 : frame.control();
    }

    /**
     * Where the frame the library will take starts: the first whole frame from {@code start} with a
     * right header check sequence whose destination is the client (one address byte). Bytes
     * before it (line noise, the echo of our own frame on an optical head) it skips.
     *
     * @param client the client address as it is on the wire ((SAP &lt;&lt; 1) | 1)
     * @return its offset, or -1 when there is none yet
     */
    static int frameFor(byte[] buffer, int start, int end, int client) {
        HdlcAddress destination = HdlcAddress.of(client >>> 1);
        for (int at = start; at + HdlcDecoder.SHORTEST <= end; at++) {
            HdlcFrame frame = HdlcDecoder.whole(buffer, at, end);
            if (frame != null && destination.equals(frame.destination()) && frame.hasRightHcs()) {
                return at;
            }
        }
        return -1;
    }

    /** The whole frame at {@code start} ends with the frame check sequence its bytes give. */
    static boolean hasRightFcs(byte[] buffer, int start, int end) {
        HdlcFrame frame = HdlcDecoder.whole(buffer, start, end);
        return frame != null && frame.hasRightFcs();
    }

    /** Offset of the closing flag of the whole frame at {@code start}, or -1. */
    static int closingFlag(byte[] buffer, int start, int end) {
        HdlcFrame frame = HdlcDecoder.whole(buffer, start, end);
        return frame == null ? -1 : frame.closingFlag();
    }

    /** The frame is an SNRM (control field 0x93). */
    static boolean isSnrm(byte[] frame) {
        int control = HdlcDecoder.controlAt(frame, 0, frame.length);
        return control >= 0 && (frame[control] & 0xFF) == SNRM;
    }

    /** CRC-16/X.25 of buffer[from, to): an HDLC frame's HCS or FCS (see {@link Fcs16}). */
    public static int fcs16(byte[] buffer, int from, int to) {
        return Fcs16.of(buffer, from, to);
    }
}
