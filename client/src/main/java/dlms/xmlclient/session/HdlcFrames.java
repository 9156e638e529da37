package dlms.xmlclient.session;

/**
 * The few things the client reads in an HDLC frame itself: where a frame starts, its check
 * sequences, whether it is an SNRM, and the poll/final bit of the meter's I-frames. A meter sending a window of segments sets
 * it on the last one only and is not to be sent an RR before that (IEC 62056-46, normal
 * response mode). gurux.dlms 4.0.47 compares a received control field with the one it
 * expects, final bit included, so it drops every frame of a window but the last as "Invalid
 * HDLC Frame": such a frame is handed to it with the bit set (and its check sequences made
 * again), and the session remembers that the window is still open.
 */
public final class HdlcFrames {

    private static final int FLAG = 0x7E;
    private static final int POLL_FINAL = 0x10;
    private static final int SNRM = 0x93;

    private HdlcFrames() {
    }

    /**
     * Sets the final bit of the I-frame that starts at {@code start}, when it is whole and the
     * bit is clear.
     *
     * @return true when the frame was not final (a window goes on after it)
     */
    public static boolean markFinal(byte[] buffer, int start, int end) {
        if (end - start < 9 || (buffer[start] & 0xFF) != FLAG || (buffer[start + 1] & 0xF0) != 0xA0) {
            return false;
        }
        int length = ((buffer[start + 1] & 0x07) << 8) | (buffer[start + 2] & 0xFF);
        int last = start + length + 1; // the closing flag
        if (last >= end || last - start < 8) {
            return false;
        }
        int control = controlOffset(buffer, start, last);
        if (control < 0 || control >= last - 2 || (buffer[control] & 0x01) != 0 || (buffer[control] & POLL_FINAL) != 0) {
            return false; // not an I-frame, or final already
        }
        int fcs = fcs16(buffer, start + 1, last - 2);
        if ((buffer[last - 2] & 0xFF) != (fcs & 0xFF) || (buffer[last - 1] & 0xFF) != fcs >>> 8) {
            return false; // a damaged frame keeps its wrong check sequence: the library drops it
        }
        buffer[control] |= POLL_FINAL;
        if (control + 3 < last - 2) { // an information field: header check sequence after the control field
            putFcs(buffer, start + 1, control + 1);
        }
        putFcs(buffer, start + 1, last - 2);
        return true;
    }

    /**
     * True when a frame starts at {@code start} whose header check sequence (or, for a frame
     * without information field, frame check sequence) is right: a frame, not bytes that look
     * like the start of one.
     */
    static boolean isFrameStart(byte[] buffer, int start, int end) {
        if (end - start < 9 || (buffer[start] & 0xFF) != FLAG || (buffer[start + 1] & 0xF0) != 0xA0) {
            return false;
        }
        int control = controlOffset(buffer, start, end);
        if (control < 0 || control + 3 > end) {
            return false;
        }
        int crc = fcs16(buffer, start + 1, control + 1);
        return (buffer[control + 1] & 0xFF) == (crc & 0xFF) && (buffer[control + 2] & 0xFF) == crc >>> 8;
    }

    /**
     * The control field of the whole frame at {@code start}, or -1 when no whole frame starts
     * there or its header check sequence (which covers the control field) is wrong.
     */
    static int control(byte[] buffer, int start, int end) {
        int last = frameEnd(buffer, start, end);
        if (last < 0 || !isFrameStart(buffer, start, end)) {
            return -1;
        }
        int control = controlOffset(buffer, start, last);
        return control < 0 || control >= last - 2 ? -1 : buffer[control] & 0xFF;
    }

    /**
     * The information field of the whole frame at {@code start}: {from, to}, or null when the
     * frame has none (or is not whole). The LLC header is part of it.
     */
    static int[] information(byte[] buffer, int start, int end) {
        int last = frameEnd(buffer, start, end);
        if (last < 0) {
            return null;
        }
        int control = controlOffset(buffer, start, last);
        int from = control + 3; // control field, header check sequence
        int to = last - 2; // frame check sequence, then the closing flag at last
        return control < 0 || from >= to ? null : new int[] {from, to};
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
        for (int at = start; at + 9 <= end; at++) {
            if ((buffer[at] & 0xFF) == FLAG && (buffer[at + 3] & 0xFF) == client && frameEnd(buffer, at, end) > 0
                    && isFrameStart(buffer, at, end)) {
                return at;
            }
        }
        return -1;
    }

    /** The whole frame at {@code start} ends with the frame check sequence its bytes give. */
    static boolean hasRightFcs(byte[] buffer, int start, int end) {
        int last = frameEnd(buffer, start, end);
        if (last < 0) {
            return false;
        }
        int fcs = fcs16(buffer, start + 1, last - 2);
        return (buffer[last - 2] & 0xFF) == (fcs & 0xFF) && (buffer[last - 1] & 0xFF) == fcs >>> 8;
    }

    /** Offset of the closing flag of the whole frame at {@code start}, or -1. */
    static int closingFlag(byte[] buffer, int start, int end) {
        return frameEnd(buffer, start, end);
    }

    /** The segmentation bit of the frame format: the APDU goes on in the next frame. */
    static boolean isSegmented(byte[] buffer, int start) {
        return (buffer[start + 1] & 0x08) != 0;
    }

    /**
     * Offset of the closing flag of the whole frame at {@code start}, or -1. The frame check
     * sequence is not computed again: the frames read here are the ones gurux.dlms has taken (it
     * checks it), our own, or checked by {@code translate}.
     */
    private static int frameEnd(byte[] buffer, int start, int end) {
        if (end - start < 9 || (buffer[start] & 0xFF) != FLAG || (buffer[start + 1] & 0xF0) != 0xA0) {
            return -1;
        }
        int length = ((buffer[start + 1] & 0x07) << 8) | (buffer[start + 2] & 0xFF);
        int last = start + length + 1;
        return last < end && (buffer[last] & 0xFF) == FLAG ? last : -1;
    }

    /** The frame is an SNRM (control field 0x93). */
    static boolean isSnrm(byte[] frame) {
        int control = frame.length > 0 && (frame[0] & 0xFF) == FLAG ? controlOffset(frame, 0, frame.length) : -1;
        return control >= 0 && (frame[control] & 0xFF) == SNRM;
    }

    /** Offset of the control field after the flag, format and two addresses, or -1. */
    private static int controlOffset(byte[] buffer, int start, int end) {
        int control = start + 3;
        for (int address = 0; address < 2; address++) { // destination, then source: the last byte has bit 0 set
            while (control < end && (buffer[control] & 0x01) == 0) {
                control++;
            }
            control++;
        }
        return control < end ? control : -1;
    }

    /** Writes the CRC-16/X.25 of buffer[from, to) at {@code to}, low byte first (IEC 62056-46 HCS and FCS). */
    private static void putFcs(byte[] buffer, int from, int to) {
        int crc = fcs16(buffer, from, to);
        buffer[to] = (byte) crc;
        buffer[to + 1] = (byte) (crc >>> 8);
    }

    /** CRC-16/X.25 of buffer[from, to): an HDLC frame's HCS or FCS (IEC 62056-46, RFC 1662). */
    public static int fcs16(byte[] buffer, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= buffer[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        return ~crc & 0xFFFF;
    }
}
