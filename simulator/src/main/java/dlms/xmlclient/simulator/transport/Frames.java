package dlms.xmlclient.simulator.transport;

import java.util.Arrays;

/**
 * Just enough of the HDLC and WRAPPER frame formats to find the start of the APDU a frame
 * carries and to put another APDU in its place, keeping the frame's addresses and control field
 * (so the HDLC sequence numbers stay right). HDLC frames are IEC 62056-46 type 3
 * frames: flag, format (2 bytes), destination and source address (1, 2 or 4 bytes, the last
 * with bit 0 set), control, header check sequence, information, frame check sequence, flag.
 */
public final class Frames {

    private static final int FLAG = 0x7E;
    public static final int WRAPPER_HEADER = 8;
    private static final int LLC_SIZE = 3;
    /** LLC bytes before an APDU: E6 E6 00 from the client, E6 E7 00 from the server. */
    private static final int LLC_DESTINATION = 0xE6;

    private Frames() {
    }

    /**
     * @param frame one frame, as received or about to be sent
     * @param wrapper true for a WRAPPER frame, false for HDLC
     * @return offset of the APDU's first byte when the frame starts an APDU (a WRAPPER frame,
     *         or an HDLC I-frame whose information field starts with the LLC bytes), else -1
     */
    public static int apduOffset(final byte[] frame, final boolean wrapper) {
        if (frame == null) {
            return -1;
        }
        if (wrapper) {
            return frame.length > WRAPPER_HEADER ? WRAPPER_HEADER : -1;
        }
        int control = controlOffset(frame);
        if (control < 0 || (frame[control] & 0x01) != 0) {
            return -1; // not an I-frame
        }
        int info = control + 3; // control, then the 2-byte header check sequence
        if (info + LLC_SIZE >= frame.length - 3 || (frame[info] & 0xFF) != LLC_DESTINATION
                || (frame[info + 1] & 0xFE) != LLC_DESTINATION || frame[info + 2] != 0) {
            return -1;
        }
        return info + LLC_SIZE;
    }

    /**
     * @param frame one frame
     * @param wrapper true for WRAPPER, false for HDLC
     * @return the first byte of the APDU the frame starts, -1 when it starts none
     */
    public static int apduTag(final byte[] frame, final boolean wrapper) {
        int offset = apduOffset(frame, wrapper);
        return offset < 0 ? -1 : frame[offset] & 0xFF;
    }

    /**
     * @param frame one whole frame that starts an APDU (see {@link #apduOffset})
     * @param wrapper true for WRAPPER, false for HDLC
     * @return the APDU bytes it carries: for HDLC up to the frame check sequence
     */
    public static byte[] apdu(final byte[] frame, final boolean wrapper) {
        int offset = apduOffset(frame, wrapper);
        if (offset < 0) {
            throw new IllegalArgumentException("frame carries no APDU start");
        }
        return Arrays.copyOfRange(frame, offset, wrapper ? frame.length : frame.length - 3);
    }

    /**
     * @param data bytes received in one read
     * @param wrapper true for WRAPPER, false for HDLC
     * @return true when they are exactly one complete frame
     */
    public static boolean isWhole(final byte[] data, final boolean wrapper) {
        if (wrapper) {
            return data.length >= WRAPPER_HEADER
                    && ((data[6] & 0xFF) << 8 | data[7] & 0xFF) == data.length - WRAPPER_HEADER;
        }
        return data.length >= 9 && (data[0] & 0xFF) == FLAG
                && (data[data.length - 1] & 0xFF) == FLAG
                && ((data[1] & 0x07) << 8 | data[2] & 0xFF) == data.length - 2;
    }

    /**
     * @param frame one whole frame
     * @param wrapper true for WRAPPER, false for HDLC
     * @return true when it is an HDLC frame with the segmentation bit: a part of an APDU
     */
    public static boolean isSegment(final byte[] frame, final boolean wrapper) {
        return !wrapper && (frame[1] & 0x08) != 0;
    }

    /**
     * @param frame a frame that starts an APDU (see {@link #apduOffset})
     * @param wrapper true for WRAPPER, false for HDLC
     * @param apdu the APDU to carry instead; small enough for one frame
     * @return the same frame (addresses, control field, LLC bytes) carrying {@code apdu}
     */
    public static byte[] withApdu(final byte[] frame, final boolean wrapper, final byte[] apdu) {
        int offset = apduOffset(frame, wrapper);
        if (offset < 0) {
            throw new IllegalArgumentException("frame carries no APDU start");
        }
        if (wrapper) {
            byte[] out = Arrays.copyOf(frame, WRAPPER_HEADER + apdu.length);
            out[6] = (byte) (apdu.length >>> 8);
            out[7] = (byte) apdu.length;
            System.arraycopy(apdu, 0, out, WRAPPER_HEADER, apdu.length);
            return out;
        }
        // Flag, header up to the control field, HCS, LLC, APDU, FCS, flag.
        byte[] out = new byte[offset + apdu.length + 3];
        System.arraycopy(frame, 0, out, 0, offset);
        System.arraycopy(apdu, 0, out, offset, apdu.length);
        int length = out.length - 2; // everything between the flags
        out[1] = (byte) (0xA0 | (length >>> 8) & 0x07); // one frame: no segmentation bit
        out[2] = (byte) length;
        int control = controlOffset(out);
        putFcs(out, 1, control + 1);
        putFcs(out, 1, out.length - 3);
        out[out.length - 1] = FLAG;
        return out;
    }

    /**
     * @param frame a WRAPPER frame the meter sends
     * @param wPort the source wPort to put in it
     * @return a copy with that source wPort
     */
    public static byte[] withWrapperSource(final byte[] frame, final int wPort) {
        byte[] out = frame.clone();
        if (out.length >= WRAPPER_HEADER) {
            out[2] = (byte) (wPort >>> 8);
            out[3] = (byte) wPort;
        }
        return out;
    }

    /**
     * Puts another source (secondary station) address in an HDLC frame. The address may have
     * another length than the one it replaces, so the frame length, header check sequence and
     * frame check sequence are written again.
     *
     * @param frame one whole HDLC frame the meter sends
     * @param address the source address as gurux.dlms numbers it: below 0x80 one byte, below
     *            0x4000 two (upper &lt;&lt; 7 | lower), else four (upper &lt;&lt; 14 | lower)
     * @return the frame with that source address; the frame unchanged when it is not one
     */
    public static byte[] withHdlcSource(final byte[] frame, final int address) {
        int control = controlOffset(frame);
        if (control < 0 || !isWhole(frame, false)) {
            return frame;
        }
        int source = 3;
        while ((frame[source] & 0x01) == 0) {
            ++source; // past the destination address
        }
        ++source;
        byte[] encoded = hdlcAddress(address);
        boolean hasInfo = frame.length > control + 4; // flag after the check sequence
        byte[] info = hasInfo ? Arrays.copyOfRange(frame, control + 3, frame.length - 3)
                : new byte[0];
        int header = source + encoded.length + 1; // up to and with the control field
        byte[] out = new byte[header + 2 + (hasInfo ? info.length + 2 : 0) + 1];
        System.arraycopy(frame, 0, out, 0, source);
        System.arraycopy(encoded, 0, out, source, encoded.length);
        out[header - 1] = frame[control];
        int length = out.length - 2;
        out[1] = (byte) (frame[1] & 0xF8 | (length >>> 8) & 0x07);
        out[2] = (byte) length;
        putFcs(out, 1, header);
        if (hasInfo) {
            System.arraycopy(info, 0, out, header + 2, info.length);
            putFcs(out, 1, out.length - 3);
        }
        out[out.length - 1] = FLAG;
        return out;
    }

    /** @return the HDLC address bytes of a 1-, 2- or 4-byte address, the last with bit 0 set */
    private static byte[] hdlcAddress(final int address) {
        if (address < 0x80) {
            return new byte[] {(byte) (address << 1 | 1)};
        }
        if (address < 0x4000) {
            return new byte[] {(byte) (address >>> 7 << 1), (byte) (address << 1 | 1)};
        }
        int upper = address >>> 14;
        int lower = address & 0x3FFF;
        return new byte[] {(byte) (upper >>> 7 << 1), (byte) (upper << 1),
            (byte) (lower >>> 7 << 1), (byte) (lower << 1 | 1)};
    }

    /** @return offset of the control field of an HDLC frame, -1 when it is not one */
    public static int controlOffset(final byte[] frame) {
        if (frame.length < 9 || (frame[0] & 0xFF) != FLAG || (frame[1] & 0xF0) != 0xA0) {
            return -1;
        }
        int i = 3;
        for (int address = 0; address != 2; ++address) {
            while (i < frame.length && (frame[i] & 0x01) == 0) {
                ++i;
            }
            ++i;
        }
        return i < frame.length ? i : -1;
    }

    /** Writes the check sequence of frame[from, to) at frame[to], frame[to + 1]. */
    public static void putFcs(final byte[] frame, final int from, final int to) {
        int fcs = fcs16(frame, from, to);
        frame[to] = (byte) fcs;
        frame[to + 1] = (byte) (fcs >>> 8);
    }

    /** @return the HDLC frame check sequence (CRC-16/X-25) of data[from, to) */
    public static int fcs16(final byte[] data, final int from, final int to) {
        int fcs = 0xFFFF;
        for (int i = from; i != to; ++i) {
            fcs ^= data[i] & 0xFF;
            for (int bit = 0; bit != 8; ++bit) {
                fcs = (fcs & 1) != 0 ? (fcs >>> 1) ^ 0x8408 : fcs >>> 1;
            }
        }
        return ~fcs & 0xFFFF;
    }
}
