package dlms.xmlclient.wire.hdlc;

/**
 * The HDLC check sequence of IEC 62056-46 (the Green Book's FCS-16, CRC-16/X.25 of RFC 1662):
 * reflected polynomial 0x8408, preset 0xFFFF, complemented, sent low byte first. The header
 * check sequence (HCS) is the same function over the header, from the frame format to the
 * control field; the frame check sequence (FCS) covers everything between the flags before it.
 */
public final class Fcs16 {

    private Fcs16() {
    }

    /** @return the check sequence of data[from, to) */
    public static int of(byte[] data, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        return ~crc & 0xFFFF;
    }

    /** Writes the check sequence of data[from, to) at data[to] and data[to + 1], low byte first. */
    public static void put(byte[] data, int from, int to) {
        int crc = of(data, from, to);
        data[to] = (byte) crc;
        data[to + 1] = (byte) (crc >>> 8);
    }

    /** @return true when data[to] and data[to + 1] hold the check sequence of data[from, to) */
    public static boolean matches(byte[] data, int from, int to) {
        return found(data, to) == of(data, from, to);
    }

    /** @return the check sequence written at data[at], data[at + 1] (low byte first) */
    public static int found(byte[] data, int at) {
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8;
    }
}
