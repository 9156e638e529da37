package dlms.xmlclient.wire.hdlc;

/**
 * The LLC bytes that start an APDU in the information field of an HDLC I-frame (IEC 62056-46):
 * destination LSAP E6, source LSAP E6 (command, client to server) or E7 (response), quality 00.
 * The following segments of a segmented APDU carry none.
 */
public final class LlcHeader {

    public static final int SIZE = 3;

    private static final int LSAP = 0xE6;
    private static final int RESPONSE = 0x01;

    private LlcHeader() {
    }

    /** @return E6 E6 00, before a client's APDU */
    public static byte[] command() {
        return new byte[] {(byte) LSAP, (byte) LSAP, 0};
    }

    /** @return E6 E7 00, before a server's APDU */
    public static byte[] response() {
        return new byte[] {(byte) LSAP, (byte) (LSAP | RESPONSE), 0};
    }

    /** @return true when data[at, end) starts with the LLC bytes of a command or a response */
    public static boolean isAt(byte[] data, int at, int end) {
        return end - at >= SIZE && (data[at] & 0xFF) == LSAP && (data[at + 1] & ~RESPONSE & 0xFF) == LSAP
                && data[at + 2] == 0;
    }
}
