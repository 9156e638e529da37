package dlms.xmlclient.wire.gbt;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * One general-block-transfer APDU (Green Book, tag E0): block-control (bit 7 last-block, bit 6
 * streaming, bits 5..0 the window the sender can receive), block-number and block-number-ack
 * (Unsigned16 each), then block-data as an A-XDR octet string (length, then the bytes).
 * The block-data of the blocks 1..n of a stream, joined, is the APDU transferred (ciphered
 * already when the association ciphers).
 *
 * @param last          last-block: no block of this stream follows
 * @param streaming     more blocks of this window follow without waiting for an acknowledgement
 * @param window        the window the sender can receive, 0..63
 * @param number        block-number of this block
 * @param ack           block-number-ack: the last block the sender received in order
 * @param data          block-data
 */
public record GbtBlock(boolean last, boolean streaming, int window, int number, int ack, byte[] data) {

    public static final int TAG = 0xE0;
    public static final int MAX_WINDOW = 63;
    private static final int LAST = 0x80;
    private static final int STREAMING = 0x40;

    public GbtBlock {
        if (window < 0 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("GBT window " + window + ": must be 0..63");
        }
        if (number < 0 || number > 0xFFFF || ack < 0 || ack > 0xFFFF) {
            throw new IllegalArgumentException("GBT block numbers are Unsigned16: " + number + ", " + ack);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The block-control byte. */
    public int blockControl() {
        return (last ? LAST : 0) | (streaming ? STREAMING : 0) | window;
    }

    /** @return true when the APDU starting at {@code at} is a general-block-transfer APDU */
    public static boolean isAt(byte[] apdu, int at, int end) {
        return at < end && (apdu[at] & 0xFF) == TAG;
    }

    /**
     * @param apdu bytes holding the APDU from {@code at} to {@code end}
     * @return the block
     * @throws IllegalArgumentException naming what is wrong: not E0, too short, a length that
     *         does not match the bytes there
     */
    public static GbtBlock decode(byte[] apdu, int at, int end) {
        if (!isAt(apdu, at, end)) {
            throw new IllegalArgumentException("not a general-block-transfer APDU (tag E0)");
        }
        if (end - at < 7) {
            throw new IllegalArgumentException("general-block-transfer APDU of " + (end - at)
                    + " bytes: block-control, block-number, block-number-ack and block-data need at least 7");
        }
        int control = apdu[at + 1] & 0xFF;
        int number = u16(apdu, at + 2);
        int ack = u16(apdu, at + 4);
        int[] position = {at + 6};
        int length = length(apdu, position, end);
        if (position[0] + length != end) {
            throw new IllegalArgumentException("general-block-transfer block-data length " + length + " but "
                    + (end - position[0]) + " bytes follow");
        }
        return new GbtBlock((control & LAST) != 0, (control & STREAMING) != 0, control & MAX_WINDOW, number, ack,
                Arrays.copyOfRange(apdu, position[0], end));
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 10);
        out.write(TAG);
        out.write(blockControl());
        out.write(number >> 8);
        out.write(number);
        out.write(ack >> 8);
        out.write(ack);
        writeLength(out, data.length);
        out.write(data, 0, data.length);
        return out.toByteArray();
    }

    /** Bytes an encoded block adds to {@code dataLength} bytes of block-data. */
    public static int overhead(int dataLength) {
        return 6 + (dataLength < 0x80 ? 1 : dataLength < 0x100 ? 2 : dataLength < 0x10000 ? 3 : 5);
    }

    /** What the trace shows of a block. */
    public String describe() {
        return "GBT block " + number + " ack " + ack + " window " + window + (last ? " last" : "")
                + (streaming ? " streaming" : "") + ", " + data.length + " bytes";
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    /** A-XDR length: one byte below 0x80, else 0x8N and N bytes. */
    private static int length(byte[] b, int[] position, int end) {
        int first = b[position[0]++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int count = first & 0x7F;
        if (count == 0 || count > 4 || position[0] + count > end) {
            throw new IllegalArgumentException("general-block-transfer block-data has a malformed length ("
                    + String.format("%02X", first) + ")");
        }
        int value = 0;
        for (int i = 0; i < count; i++) {
            value = value << 8 | b[position[0]++] & 0xFF;
        }
        return value;
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x84);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write(length >> shift);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GbtBlock b && last == b.last && streaming == b.streaming && window == b.window
                && number == b.number && ack == b.ack && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + number;
    }

    @Override
    public String toString() {
        return describe();
    }
}
