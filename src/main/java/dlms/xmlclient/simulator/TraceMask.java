package dlms.xmlclient.simulator;

import gurux.dlms.enums.Command;

/**
 * Hides a Low-level-security password in a traced frame. An AARQ carries the password in clear
 * in its calling-authentication-value (tag AC); with HLS that field is a random challenge,
 * which stays visible. The frame is only masked for the trace: the meter gets it unchanged.
 */
final class TraceMask {

    /** Shown instead of each password byte. */
    static final String MASK = "**";

    private static final int CALLING_AUTHENTICATION_VALUE = 0xAC;
    private static final int MECHANISM_NAME = 0x8B;
    /** Mechanism ids below this are no authentication (0) and Low (1). */
    private static final int FIRST_HLS_MECHANISM = 2;

    private TraceMask() {
    }

    /**
     * @param frame bytes received or sent (a whole frame or a part of one)
     * @return them in hex, bytes separated by spaces, the password bytes of an AARQ shown as
     *         {@link #MASK}
     */
    static String toHex(final byte[] frame) {
        boolean[] hidden = new boolean[frame.length];
        markPassword(frame, hidden);
        StringBuilder sb = new StringBuilder(frame.length * 3);
        for (int i = 0; i != frame.length; ++i) {
            if (i != 0) {
                sb.append(' ');
            }
            if (hidden[i]) {
                sb.append(MASK);
            } else {
                sb.append(Character.toUpperCase(Character.forDigit((frame[i] >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(frame[i] & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    private static void markPassword(final byte[] frame, final boolean[] hidden) {
        int apdu = Frames.apduOffset(frame, frame.length != 0 && frame[0] != 0x7E);
        if (apdu < 0 || (frame[apdu] & 0xFF) != Command.AARQ) {
            return;
        }
        int[] header = header(frame, apdu);
        if (header == null) {
            return;
        }
        int end = Math.min(frame.length, header[0] + header[1]);
        int mechanism = -1;
        int passwordFrom = -1;
        int passwordTo = -1;
        for (int i = header[0]; i < end;) {
            int[] element = header(frame, i);
            if (element == null) {
                break;
            }
            int tag = frame[i] & 0xFF;
            int valueEnd = Math.min(end, element[0] + element[1]);
            if (tag == MECHANISM_NAME && element[1] > 0) {
                mechanism = frame[valueEnd - 1] & 0xFF;
            } else if (tag == CALLING_AUTHENTICATION_VALUE) {
                // The value is itself tagged: 80 (GraphicString) length password.
                int[] inner = header(frame, element[0]);
                passwordFrom = inner == null ? element[0] : inner[0];
                passwordTo = valueEnd;
            }
            i = valueEnd;
        }
        if (passwordFrom >= 0 && mechanism < FIRST_HLS_MECHANISM) {
            for (int i = passwordFrom; i < passwordTo; ++i) {
                hidden[i] = true;
            }
        }
    }

    /**
     * @return offset of the value and its length of the BER element (tag, length) at offset,
     *         null when it is cut short
     */
    private static int[] header(final byte[] data, final int offset) {
        int i = offset + 1;
        if (i >= data.length) {
            return null;
        }
        int length = data[i++] & 0xFF;
        if (length > 0x80) {
            int count = length & 0x7F;
            if (count > 2 || i + count > data.length) {
                return null;
            }
            length = 0;
            for (int n = 0; n != count; ++n) {
                length = length << 8 | data[i++] & 0xFF;
            }
        }
        return new int[] {i, length};
    }
}
