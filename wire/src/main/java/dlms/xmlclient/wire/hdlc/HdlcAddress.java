package dlms.xmlclient.wire.hdlc;

/**
 * One HDLC address field (IEC 62056-46): 1, 2 or 4 bytes, each carrying 7 bits of the address
 * above its extension bit (bit 0), which is set on the last byte only. A client address is one
 * byte (its SAP). A server address is its upper HDLC address (the logical device) alone in one
 * byte, or the upper and the lower HDLC address (the physical device) in one byte each (2-byte
 * form) or two bytes each (4-byte form).
 * <p>
 * {@link #value()} numbers an address as gurux.dlms does: upper alone, upper &lt;&lt; 7 | lower,
 * or upper &lt;&lt; 14 | lower.
 *
 * @param upper the client SAP or the server's upper HDLC address
 * @param lower the server's lower HDLC address; 0 in the 1-byte form, which has none
 * @param size 1, 2 or 4 bytes on the wire
 */
public record HdlcAddress(int upper, int lower, int size) {

    public HdlcAddress {
        int limit = size == 4 ? 0x4000 : 0x80;
        if (size != 1 && size != 2 && size != 4) {
            throw new IllegalArgumentException("an HDLC address has 1, 2 or 4 bytes, not " + size);
        }
        if (upper < 0 || upper >= limit || lower < 0 || lower >= limit || size == 1 && lower != 0) {
            throw new IllegalArgumentException("upper " + upper + " / lower " + lower
                    + " does not fit a " + size + "-byte HDLC address");
        }
    }

    /**
     * @param value an address numbered as gurux.dlms does: below 0x80 one byte, below 0x4000
     *            two, else four
     */
    public static HdlcAddress of(int value) {
        if (value < 0x80) {
            return new HdlcAddress(value, 0, 1);
        }
        if (value < 0x4000) {
            return new HdlcAddress(value >>> 7, value & 0x7F, 2);
        }
        return new HdlcAddress(value >>> 14, value & 0x3FFF, 4);
    }

    /** @return the address numbered as gurux.dlms does (see {@link #of}) */
    public int value() {
        return size == 1 ? upper : upper << (size == 2 ? 7 : 14) | lower;
    }

    /** @return the same form and lower address with another upper address */
    public HdlcAddress withUpper(int newUpper) {
        return new HdlcAddress(newUpper, lower, size);
    }

    /**
     * @return how many bytes the address field at {@code at} has: up to and with the first byte
     *         with the extension bit set before {@code end}; -1 when there is none
     */
    public static int length(byte[] data, int at, int end) {
        for (int i = at; i < end; i++) {
            if ((data[i] & 0x01) != 0) {
                return i - at + 1;
            }
        }
        return -1;
    }

    /**
     * @return the address field at {@code at}, null when it does not end before {@code end} or
     *         has another length than 1, 2 or 4 bytes
     */
    public static HdlcAddress decode(byte[] data, int at, int end) {
        int size = length(data, at, end);
        if (size == 1) {
            return new HdlcAddress(seven(data, at), 0, 1);
        }
        if (size == 2) {
            return new HdlcAddress(seven(data, at), seven(data, at + 1), 2);
        }
        if (size == 4) {
            return new HdlcAddress(seven(data, at) << 7 | seven(data, at + 1),
                    seven(data, at + 2) << 7 | seven(data, at + 3), 4);
        }
        return null;
    }

    /** @return the address field's bytes, the extension bit set on the last */
    public byte[] encode() {
        byte[] out = new byte[size];
        put(out, 0);
        return out;
    }

    /** Writes the address field at {@code at}; {@link #size} bytes. */
    public void put(byte[] data, int at) {
        if (size == 1) {
            data[at] = (byte) (upper << 1 | 1);
        } else if (size == 2) {
            data[at] = (byte) (upper << 1);
            data[at + 1] = (byte) (lower << 1 | 1);
        } else {
            data[at] = (byte) (upper >>> 7 << 1);
            data[at + 1] = (byte) (upper << 1);
            data[at + 2] = (byte) (lower >>> 7 << 1);
            data[at + 3] = (byte) (lower << 1 | 1);
        }
    }

    /** The 7 address bits of one byte, above its extension bit. */
    private static int seven(byte[] data, int at) {
        return (data[at] & 0xFF) >>> 1;
    }

    // equals and hashCode written out: a record's own bootstrap through ObjectMethods on first call
    // costs milliseconds of a cold start, and every frame compares its addresses.
    @Override
    public boolean equals(Object o) {
        return o instanceof HdlcAddress a && a.upper == upper && a.lower == lower && a.size == size;
    }

    @Override
    public int hashCode() {
        return (upper * 31 + lower) * 31 + size;
    }
}
