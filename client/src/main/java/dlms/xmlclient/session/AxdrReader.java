package dlms.xmlclient.session;

/**
 * A cursor over A-XDR bytes from the meter (IEC 62056-6-2 data types, the Green Book's lengths):
 * reads fields, walks Data values, and words where the bytes run short or say something the
 * encoding does not allow. {@link XdlmsReplyGrammar} walks the APDUs with it.
 */
class AxdrReader {

    /**
     * Nesting past this is not walked (the bytes come from the meter, and the walk recurses);
     * such a value is neither called right nor wrong.
     */
    static final int MAX_DEPTH = 256;
    /** What the label-free skip of a Data value returns instead of its end. */
    private static final int BROKEN = -1;
    private static final int TOO_DEEP = -2;

    /** A value nested past {@link #MAX_DEPTH}. */
    static final class TooDeep extends Exception {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super(null, null, false, false);
        }
    }

    /** Where the walk stopped: the finding, worded. */
    static final class Deviation extends Exception {
        private static final long serialVersionUID = 1L;

        Deviation(String message) {
            super(message, null, false, false);
        }
    }

    final byte[] b;
    int at;

    AxdrReader(byte[] bytes) {
        this.b = bytes;
    }

    /**
     * An A-XDR Data value (Blue Book, the data types of attributes): skipped without a word where
     * it is whole, walked again with its labels only to word what is wrong (a profile of
     * thousands of values is checked without building a label for each).
     */
    void data(String what) throws Deviation, TooDeep {
        int end = skipData(at, 0);
        if (end == TOO_DEEP) {
            throw new TooDeep();
        }
        if (end >= 0) {
            at = end;
            return;
        }
        data(what, 0);
    }

    /** @return the index after the Data value at {@code from}, {@link #BROKEN} or {@link #TOO_DEEP} */
    private int skipData(int from, int depth) {
        if (depth > MAX_DEPTH) {
            return TOO_DEEP;
        }
        if (from >= b.length) {
            return BROKEN;
        }
        int type = b[from] & 0xFF;
        int p = from + 1;
        switch (type) {
            case 0:
                return p;
            case 1:
            case 2: {
                long[] count = new long[1];
                p = skipLength(p, count);
                for (long i = 0; i < count[0] && p >= 0; i++) {
                    p = skipData(p, depth + 1);
                }
                return p;
            }
            case 3: case 13: case 15: case 17: case 22:
                return fixed(p, 1);
            case 5: case 6: case 23: case 27:
                return fixed(p, 4);
            case 16: case 18:
                return fixed(p, 2);
            case 20: case 21: case 24:
                return fixed(p, 8);
            case 25:
                return fixed(p, 12);
            case 26:
                return fixed(p, 5);
            case 4: {
                long[] bits = new long[1];
                p = skipLength(p, bits);
                return p < 0 ? p : fixed(p, (bits[0] + 7) / 8);
            }
            case 9: case 10: case 12: {
                long[] length = new long[1];
                p = skipLength(p, length);
                return p < 0 ? p : fixed(p, length[0]);
            }
            default:
                return BROKEN; // compact arrays and the rest: the labelled walk
        }
    }

    private int fixed(int from, long size) {
        return size <= b.length - from ? from + (int) size : BROKEN;
    }

    private int skipLength(int from, long[] value) {
        if (from >= b.length) {
            return BROKEN;
        }
        int first = b[from] & 0xFF;
        if (first < 0x80) {
            value[0] = first;
            return from + 1;
        }
        int n = first & 0x7F;
        if (n == 0 || n > 4 || from + n >= b.length) {
            return BROKEN;
        }
        long v = 0;
        for (int i = 1; i <= n; i++) {
            v = v << 8 | (b[from + i] & 0xFF);
        }
        value[0] = v;
        return from + 1 + n;
    }

    private void data(String what, int depth) throws Deviation, TooDeep {
        if (depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        int start = at;
        int type = u8(what + ": the data type");
        switch (type) {
            case 0 -> {
                // null-data
            }
            case 1, 2 -> {
                long count = length(what + ": the " + (type == 1 ? "array" : "structure") + " count");
                for (long i = 0; i < count; i++) {
                    data(what + (type == 1 ? " array" : " structure") + " element " + (i + 1) + " of " + count
                            + " (from byte " + start + ")", depth + 1);
                }
            }
            case 3, 13, 15, 17, 22 -> bytes(1, what + ": " + typeName(type));
            case 4 -> bytes((length(what + ": the bit-string length") + 7) / 8, what + ": bit-string");
            case 5, 6, 23, 27 -> bytes(4, what + ": " + typeName(type));
            case 9, 10, 12 -> octetString(what + ": " + typeName(type));
            case 16, 18 -> bytes(2, what + ": " + typeName(type));
            case 20, 21, 24 -> bytes(8, what + ": " + typeName(type));
            case 25 -> bytes(12, what + ": date-time");
            case 26 -> bytes(5, what + ": date");
            case 19 -> {
                typeDescription(what + ": the compact-array contents-description", depth + 1);
                octetString(what + ": the compact-array contents");
            }
            default -> throw new Deviation(what + " at byte " + start + ": " + hex(type)
                    + " is not an A-XDR data type");
        }
    }

    private void typeDescription(String what, int depth) throws Deviation, TooDeep {
        if (depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        int type = u8(what);
        if (type == 1) {
            bytes(2, what + ": the array's number of elements");
            typeDescription(what, depth + 1);
        } else if (type == 2) {
            long count = length(what + ": the structure's count");
            for (long i = 0; i < count; i++) {
                typeDescription(what, depth + 1);
            }
        }
    }

    /**
     * @param at where a Data value starts
     * @return the index after it, or -1 when the bytes there are not one whole Data value (or it is
     *         nested past {@link #MAX_DEPTH})
     */
    static int dataEnd(byte[] b, int at) {
        AxdrReader walk = new AxdrReader(b);
        walk.at = at;
        try {
            walk.data("");
            return walk.at;
        } catch (Deviation | TooDeep e) {
            return -1;
        }
    }

    /**
     * Reads an A-XDR length.
     *
     * @param position where it starts; moved past it
     * @return the length, -1 when there is none or it is above {@link Integer#MAX_VALUE}
     */
    static int length(byte[] b, int[] position) {
        AxdrReader walk = new AxdrReader(b);
        walk.at = position[0];
        try {
            long value = walk.length("");
            position[0] = walk.at;
            return value > Integer.MAX_VALUE ? -1 : (int) value;
        } catch (Deviation e) {
            return -1;
        }
    }

    private static String typeName(int type) {
        return switch (type) {
            case 3 -> "boolean";
            case 5 -> "double-long";
            case 6 -> "double-long-unsigned";
            case 9 -> "octet-string";
            case 10 -> "visible-string";
            case 12 -> "utf8-string";
            case 13 -> "bcd";
            case 15 -> "integer";
            case 16 -> "long";
            case 17 -> "unsigned";
            case 18 -> "long-unsigned";
            case 20 -> "long64";
            case 21 -> "long64-unsigned";
            case 22 -> "enum";
            case 23 -> "float32";
            case 24 -> "float64";
            case 27 -> "time";
            default -> "type " + type;
        };
    }

    /** A length-prefixed string of bytes: its length must fit what is left. */
    void octetString(String what) throws Deviation {
        int start = at;
        long length = length(what + " length");
        if (length > b.length - at) {
            throw new Deviation(what + ": the length at byte " + start + " says " + length + " bytes, "
                    + (b.length - at) + " follow");
        }
        at += (int) length;
    }

    /** A-XDR length: one byte below 0x80, else 0x8N and N bytes. */
    long length(String what) throws Deviation {
        int start = at;
        int first = u8(what);
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7F;
        if (n == 0 || n > 4) {
            throw new Deviation(what + " at byte " + start + ": " + hex(first) + " is not an A-XDR length");
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            value = value << 8 | u8(what);
        }
        return value;
    }

    int u8(String what) throws Deviation {
        if (at >= b.length) {
            throw new Deviation(ends(what));
        }
        return b[at++] & 0xFF;
    }

    void bytes(long n, String what) throws Deviation {
        if (n > b.length - at) {
            throw new Deviation(ends(what) + " (" + n + (n == 1 ? " byte" : " bytes") + ", "
                    + (b.length - at) + " left)");
        }
        at += (int) n;
    }

    String ends(String what) {
        return what + " is missing: the APDU ends at byte " + b.length;
    }

    String window(int from) {
        int to = Math.min(b.length, from + 8);
        return Trace.hex(java.util.Arrays.copyOfRange(b, from, to)) + (to < b.length ? " …" : "");
    }

    static String hex(int value) {
        return String.format("%02X", value);
    }
}
