package dlms.xmlclient.session;

/**
 * Where an A-XDR encoded Data value ends (IEC 62056-6-2 data types), without decoding it: to
 * tell the form of joined block-transfer data by its bytes alone (see {@link ShortNameBlocks}).
 */
final class AxdrData {

    private static final int ARRAY = 1;
    private static final int STRUCTURE = 2;
    private static final int BIT_STRING = 4;
    private static final int COMPACT_ARRAY = 19;
    /** Nesting deeper than this is taken as malformed (the bytes come from the meter). */
    private static final int MAX_DEPTH = 64;
    /** Content size of the fixed-size types by tag, -1 for a tag of variable size or none. */
    private static final int[] FIXED = new int[28];

    static {
        java.util.Arrays.fill(FIXED, -1);
        FIXED[0] = 0; // null-data
        FIXED[3] = 1; // boolean
        FIXED[5] = 4; // double-long
        FIXED[6] = 4; // double-long-unsigned
        FIXED[13] = 1; // bcd
        FIXED[15] = 1; // integer
        FIXED[16] = 2; // long
        FIXED[17] = 1; // unsigned
        FIXED[18] = 2; // long-unsigned
        FIXED[20] = 8; // long64
        FIXED[21] = 8; // long64-unsigned
        FIXED[22] = 1; // enum
        FIXED[23] = 4; // float32
        FIXED[24] = 8; // float64
        FIXED[25] = 12; // date-time
        FIXED[26] = 5; // date
        FIXED[27] = 4; // time
    }

    private AxdrData() {
    }

    /**
     * @param raw encoded bytes
     * @param at where a Data value starts
     * @return where it ends (the index after it), -1 when the bytes are not one whole Data value
     */
    static int end(byte[] raw, int at) {
        return end(raw, at, 0);
    }

    private static int end(byte[] raw, int at, int depth) {
        if (at < 0 || at >= raw.length || depth > MAX_DEPTH) {
            return -1;
        }
        int tag = raw[at] & 0xFF;
        int[] position = {at + 1};
        if (tag == ARRAY || tag == STRUCTURE) {
            int count = length(raw, position);
            int next = position[0];
            for (int i = 0; i < count && next >= 0; ++i) {
                next = end(raw, next, depth + 1);
            }
            return count < 0 ? -1 : next;
        }
        if (tag == COMPACT_ARRAY) {
            int contents = skipTypeDescription(raw, position[0], depth);
            position[0] = contents;
            return contents < 0 ? -1 : within(raw, position, length(raw, position));
        }
        if (tag < FIXED.length && FIXED[tag] >= 0) {
            return within(raw, position, FIXED[tag]);
        }
        if (tag == 9 || tag == 10 || tag == 12) { // octet-string, visible-string, utf8-string
            return within(raw, position, length(raw, position));
        }
        if (tag == BIT_STRING) {
            int bits = length(raw, position);
            return within(raw, position, bits < 0 ? -1 : (bits + 7) / 8);
        }
        return -1;
    }

    /** @return where a compact array's type description starting at {@code at} ends, -1 if malformed */
    private static int skipTypeDescription(byte[] raw, int at, int depth) {
        if (at < 0 || at >= raw.length || depth > MAX_DEPTH) {
            return -1;
        }
        int tag = raw[at] & 0xFF;
        if (tag == ARRAY) {
            return at + 3 <= raw.length ? skipTypeDescription(raw, at + 3, depth + 1) : -1; // count: long-unsigned
        }
        if (tag == STRUCTURE) {
            int[] position = {at + 1};
            int count = length(raw, position);
            int next = position[0];
            for (int i = 0; i < count && next >= 0; ++i) {
                next = skipTypeDescription(raw, next, depth + 1);
            }
            return count < 0 ? -1 : next;
        }
        return at + 1;
    }

    private static int within(byte[] raw, int[] position, int size) {
        int end = position[0] + size;
        return size < 0 || position[0] < 0 || end > raw.length ? -1 : end;
    }

    /**
     * Reads an A-XDR length (one byte below 0x80, else 0x8n and n bytes).
     *
     * @param position where it starts; moved past it
     * @return the length, -1 when there is none or it is too large
     */
    static int length(byte[] raw, int[] position) {
        int at = position[0];
        if (at < 0 || at >= raw.length) {
            return -1;
        }
        int first = raw[at] & 0xFF;
        if (first < 0x80) {
            position[0] = at + 1;
            return first;
        }
        int bytes = first & 0x7F;
        if (bytes == 0 || bytes > 3 || at + 1 + bytes > raw.length) {
            return -1;
        }
        int value = 0;
        for (int i = 1; i <= bytes; ++i) {
            value = value << 8 | raw[at + i] & 0xFF;
        }
        position[0] = at + 1 + bytes;
        return value;
    }
}
