package dlms.xmlclient.simulator.server;

/**
 * Measures how deep the A-XDR data of a request APDU nest (arrays, structures, compact-array
 * type descriptions) before gurux.dlms parses them: its GXCommon.getData recurses once per
 * level, so one SetRequest of 5 KB nested 2,500 deep overflowed the stack of the meter's worker.
 * Real COSEM values nest a few levels (a profile row in a buffer in a selective-access range:
 * 4); {@link #MAX_DEPTH} leaves room for any device file's structures.
 * <p>
 * Walks iteratively the plain requests whose data gurux.dlms parses at once: Get, Set and Action
 * (normal, with list, first data block) and the SN Read and Write. A prefix of an APDU (the
 * HDLC segments received so far) is walked as far as it goes, so that a deep value is seen
 * before its last segment. Anything else (data blocks after the first, Access, ciphered APDUs)
 * is left to the worker's own guard ({@link OneClientAccess}), which drops a connection whose
 * request overflows the stack.
 */
final class NestingGuard {

    /** Deepest nesting of arrays and structures accepted in one value. */
    static final int MAX_DEPTH = 64;

    private static final int GET = 0xC0;
    private static final int SET = 0xC1;
    private static final int ACTION = 0xC3;
    private static final int READ = 0x05;
    private static final int WRITE = 0x06;

    /** Thrown where the bytes end or are not A-XDR: the walk stops there. */
    private static final class End extends Exception {
        private static final long serialVersionUID = 1L;

        End() {
            super(null, null, false, false);
        }
    }

    private final byte[] apdu;
    private final int length;
    private int pos;
    private int deepest;

    private NestingGuard(byte[] apdu, int from, int length) {
        this.apdu = apdu;
        this.pos = from;
        this.length = length;
    }

    /**
     * @param apdu bytes holding a request APDU, or its start
     * @param from offset of the APDU's first byte
     * @param to end of the bytes received of it
     * @return the deepest nesting found in its data (a walk stops beyond {@link #MAX_DEPTH})
     */
    static int depth(byte[] apdu, int from, int to) {
        NestingGuard walk = new NestingGuard(apdu, from, to);
        try {
            walk.request();
        } catch (End end) {
            // Cut short or not understood: the depth so far is what counts.
        }
        return walk.deepest;
    }

    /**
     * @param apdu bytes holding a request APDU, or its start
     * @param from offset of the APDU's first byte
     * @param to end of the bytes received of it
     * @return true when its data nest deeper than {@link #MAX_DEPTH}
     */
    static boolean tooDeep(byte[] apdu, int from, int to) {
        return depth(apdu, from, to) > MAX_DEPTH;
    }

    private void request() throws End {
        int tag = u8();
        if (tag == READ || tag == WRITE) {
            int count = count();
            for (int i = 0; i != count; ++i) {
                variableAccess();
            }
            if (tag == WRITE) {
                dataList();
            }
            return;
        }
        if (tag != GET && tag != SET && tag != ACTION) {
            return;
        }
        int type = u8();
        skip(1); // invoke-id-and-priority
        if (tag == GET) {
            get(type);
        } else if (tag == SET) {
            set(type);
        } else {
            action(type);
        }
    }

    private void get(int type) throws End {
        if (type == 1) {
            attributeWithSelection();
        } else if (type == 3) {
            int count = count();
            for (int i = 0; i != count; ++i) {
                attributeWithSelection();
            }
        }
    }

    private void set(int type) throws End {
        switch (type) {
        case 1:
            attributeWithSelection();
            data();
            break;
        case 2:
            attributeWithSelection();
            dataBlock(false);
            break;
        case 4:
        case 5:
            int count = count();
            for (int i = 0; i != count; ++i) {
                attributeWithSelection();
            }
            if (type == 4) {
                dataList();
            } else {
                dataBlock(true);
            }
            break;
        default:
            break;
        }
    }

    private void action(int type) throws End {
        switch (type) {
        case 1:
            skip(9); // class, instance, method
            if (u8() != 0) {
                data();
            }
            break;
        case 3:
            int count = count();
            skip(9 * count);
            dataList();
            break;
        case 4:
            skip(9);
            dataBlock(false);
            break;
        case 5:
            skip(9 * count());
            dataBlock(true);
            break;
        default:
            break;
        }
    }

    /** Cosem-attribute-descriptor and the optional selective-access-descriptor. */
    private void attributeWithSelection() throws End {
        skip(9);
        if (u8() != 0) {
            skip(1); // selector
            data();
        }
    }

    /** SN Variable-Access-Specification; parameterized-access carries a Data. */
    private void variableAccess() throws End {
        switch (u8()) {
        case 2: // variable-name
        case 5: // block-number-access
            skip(2);
            break;
        case 4: // parameterized-access
            skip(3);
            data();
            break;
        case 6: // read-data-block-access
            skip(3);
            skip(count());
            break;
        default:
            throw new End();
        }
    }

    /** DataBlock-SA/G: last-block, block-number, raw-data: the start of the value(s). */
    private void dataBlock(boolean list) throws End {
        skip(5);
        int size = count();
        int end = Math.min(length, pos + size);
        NestingGuard raw = new NestingGuard(apdu, pos, end);
        try {
            if (list) {
                raw.dataList();
            } else {
                raw.data();
            }
        } finally {
            deepest = Math.max(deepest, raw.deepest);
        }
    }

    private void dataList() throws End {
        int count = count();
        for (int i = 0; i != count; ++i) {
            data();
        }
    }

    /** One Data value, without recursion; stops past {@link #MAX_DEPTH}. */
    private void data() throws End {
        int[] left = new int[MAX_DEPTH + 2];
        int depth = 0;
        do {
            int tag = u8();
            if (tag == 1 || tag == 2) {
                int count = count();
                if (count != 0) {
                    left[++depth] = count;
                    deepest = Math.max(deepest, depth);
                    if (depth > MAX_DEPTH) {
                        throw new End();
                    }
                    continue;
                }
            } else if (tag == 0x13) {
                int typeDepth = typeDescription(depth);
                deepest = Math.max(deepest, typeDepth);
                skip(count()); // array-contents
            } else {
                simple(tag);
            }
            while (depth != 0 && --left[depth] == 0) {
                --depth;
            }
        } while (depth != 0);
    }

    /**
     * Walks a compact-array's type description (itself nested like the data it describes).
     *
     * @return the deepest level reached, counting from {@code base}
     */
    private int typeDescription(int base) throws End {
        int[] left = new int[MAX_DEPTH + 2];
        int depth = 0;
        int max = base + 1;
        do {
            int tag = u8();
            int count = 0;
            if (tag == 1) {
                skip(2); // number of elements, then the one element type
                count = 1;
            } else if (tag == 2) {
                count = count();
            }
            if (count != 0) {
                left[++depth] = count;
                max = Math.max(max, base + 1 + depth);
                if (base + depth > MAX_DEPTH) {
                    deepest = Math.max(deepest, max);
                    throw new End();
                }
                continue;
            }
            while (depth != 0 && --left[depth] == 0) {
                --depth;
            }
        } while (depth != 0);
        return max;
    }

    /** Skips a value of a type that does not nest. */
    private void simple(int tag) throws End {
        switch (tag) {
        case 0x00: // null-data
            break;
        case 0x03: case 0x0D: case 0x0F: case 0x11: case 0x16: // boolean .. enum
            skip(1);
            break;
        case 0x10: case 0x12: // long, long-unsigned
            skip(2);
            break;
        case 0x05: case 0x06: case 0x17: case 0x1B: // double-long(-unsigned), float32, time
            skip(4);
            break;
        case 0x1A: // date
            skip(5);
            break;
        case 0x14: case 0x15: case 0x18: // long64(-unsigned), float64
            skip(8);
            break;
        case 0x19: // date-time
            skip(12);
            break;
        case 0x04: // bit-string: length in bits
            skip((count() + 7) / 8);
            break;
        case 0x09: case 0x0A: case 0x0C: // octet-, visible-, utf8-string
            skip(count());
            break;
        default:
            throw new End(); // not A-XDR Data: gurux.dlms refuses it itself
        }
    }

    /** A-XDR length: one byte, or 0x8n followed by n bytes. */
    private int count() throws End {
        int first = u8();
        if (first < 0x80) {
            return first;
        }
        int bytes = first & 0x7F;
        if (bytes > 3) {
            throw new End();
        }
        int value = 0;
        for (int i = 0; i != bytes; ++i) {
            value = value << 8 | u8();
        }
        return value;
    }

    private int u8() throws End {
        if (pos >= length) {
            throw new End();
        }
        return apdu[pos++] & 0xFF;
    }

    private void skip(int count) throws End {
        if (count < 0 || count > length - pos) {
            pos = length;
            throw new End();
        }
        pos += count;
    }
}
