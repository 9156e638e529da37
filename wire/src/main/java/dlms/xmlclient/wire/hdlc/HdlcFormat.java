package dlms.xmlclient.wire.hdlc;

/**
 * The two bytes of the frame format field after the opening flag (IEC 62056-46 frame format
 * type 3): the type in the high nibble (0xA), the segmentation bit (the information goes on in
 * the next frame), and an 11-bit length that counts every byte between the flags.
 */
public final class HdlcFormat {

    /** The most the 11-bit frame length can count. */
    public static final int MAX_LENGTH = 0x7FF;

    private static final int TYPE_3 = 0xA0;
    private static final int SEGMENTATION = 0x08;

    private HdlcFormat() {
    }

    /** @param at offset of the format field (one after the opening flag) */
    public static boolean isType3(byte[] frame, int at) {
        return (frame[at] & 0xF0) == TYPE_3;
    }

    /** @return the frame length the field at {@code at} gives: the bytes between the flags */
    public static int length(byte[] frame, int at) {
        return (frame[at] & 0x07) << 8 | frame[at + 1] & 0xFF;
    }

    /** @return true when the field at {@code at} has the segmentation bit set */
    public static boolean isSegmented(byte[] frame, int at) {
        return (frame[at] & SEGMENTATION) != 0;
    }

    /** Writes a type 3 format field at {@code at}. */
    public static void put(byte[] frame, int at, int length, boolean segmented) {
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("an HDLC frame length is 0 to 2047, not " + length);
        }
        frame[at] = (byte) (TYPE_3 | (segmented ? SEGMENTATION : 0) | length >>> 8);
        frame[at + 1] = (byte) length;
    }
}
