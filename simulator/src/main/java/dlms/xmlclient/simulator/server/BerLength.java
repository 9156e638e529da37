package dlms.xmlclient.simulator.server;

import java.io.ByteArrayOutputStream;

/**
 * BER (and A-XDR) length fields: one byte below 128, else 0x81 or 0x82 and the length in one
 * or two bytes.
 */
final class BerLength {

    private BerLength() {
    }

    /**
     * Reads a length at at[0] and moves past it.
     *
     * @return the length, -1 when the field is cut short or longer than two bytes
     */
    static int read(byte[] data, int[] at) {
        if (at[0] >= data.length) {
            return -1;
        }
        int first = data[at[0]++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int count = first & 0x7F;
        if (count == 0 || count > 2 || at[0] + count > data.length) {
            return -1;
        }
        int value = 0;
        for (int n = 0; n != count; ++n) {
            value = value << 8 | data[at[0]++] & 0xFF;
        }
        return value;
    }

    /** Writes the length field of {@code length} (0..65535). */
    static void write(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length);
        }
    }

    /** Writes a tag, the length of {@code value} and {@code value}. */
    static void writeTlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        write(out, value.length);
        out.writeBytes(value);
    }
}
