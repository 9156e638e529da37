package dlms.xmlclient.session;

import gurux.dlms.enums.Command;

import java.util.List;

/**
 * Walks a reply APDU by the xDLMS grammar (Green Book, xDLMS APDUs in A-XDR) and says where its
 * bytes and the grammar part: a length that disagrees with its content, bytes after the end, an
 * APDU that ends where a field belongs (a missing optional-field byte). The walk is the client's
 * own, independent of gurux.dlms, whose XML-to-PDU encoder cannot serve as the reference: it
 * drops the absent-return-parameters byte of an ActionResponse and doubles the data choice of a
 * present one, and drops the choice of every ReadResponse item after the first (shown in
 * MeterEncodingTest).
 */
final class XdlmsReplyGrammar {

    /**
     * Nesting past this is not walked (the bytes come from the meter, and the walk recurses);
     * such a value is neither called right nor wrong.
     */
    static final int MAX_DEPTH = 256;

    /** A value nested past {@link #MAX_DEPTH}. */
    private static final class TooDeep extends Exception {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super(null, null, false, false);
        }
    }

    /** Where the walk stopped: the finding, worded. */
    private static final class Deviation extends Exception {
        private static final long serialVersionUID = 1L;

        Deviation(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] b;
    private int at;

    private XdlmsReplyGrammar(byte[] apdu) {
        this.b = apdu;
    }

    /**
     * @return the deviations of a reply APDU, empty when it follows the grammar or is not a reply
     *         APDU this walk knows (it then says nothing rather than guess)
     */
    static List<String> findings(byte[] apdu) {
        if (apdu.length == 0) {
            return List.of();
        }
        XdlmsReplyGrammar walk = new XdlmsReplyGrammar(apdu);
        String name;
        try {
            name = walk.apdu();
            if (name == null) {
                return List.of();
            }
        } catch (Deviation d) {
            return List.of(d.getMessage());
        } catch (TooDeep d) {
            return List.of();
        }
        if (walk.at < apdu.length) {
            int extra = apdu.length - walk.at;
            return List.of(name + ": " + extra + (extra == 1 ? " byte" : " bytes") + " after its end, from byte "
                    + walk.at + ": " + walk.window(walk.at));
        }
        return List.of();
    }

    /** @return the APDU's name, or null for one this walk does not know */
    private String apdu() throws Deviation, TooDeep {
        int tag = u8("the APDU tag");
        return switch (tag) {
            case 0xC4 -> getResponse();
            case 0xC5 -> setResponse();
            case 0xC7 -> actionResponse();
            case 0x0C -> readResponse();
            case 0x0D -> writeResponse();
            case 0xD8 -> exceptionResponse();
            case 0x0E -> {
                bytes(3, "the confirmed-service-error (service, error class, error)");
                yield "ConfirmedServiceError";
            }
            case 0xC2 -> eventNotification();
            case 0x0F -> dataNotification();
            case 0xE0 -> generalBlockTransfer();
            // glo- and ded- replies, general-glo- and general-ded-ciphering: a length, then ciphertext.
            case Command.GLO_GET_RESPONSE, Command.GLO_SET_RESPONSE, Command.GLO_METHOD_RESPONSE,
                    Command.GLO_READ_RESPONSE, Command.GLO_WRITE_RESPONSE, Command.GLO_EVENT_NOTIFICATION_REQUEST, Command.GLO_CONFIRMED_SERVICE_ERROR,
                    Command.DED_GET_RESPONSE, Command.DED_SET_RESPONSE, Command.DED_METHOD_RESPONSE,
                    Command.DED_READ_RESPONSE, Command.DED_WRITE_RESPONSE, Command.DED_EVENT_NOTIFICATION, Command.DED_CONFIRMED_SERVICE_ERROR,
                    Command.GENERAL_GLO_CIPHERING, Command.GENERAL_DED_CIPHERING -> ciphered(tag);
            default -> null;
        };
    }

    private String getResponse() throws Deviation, TooDeep {
        String name = "GetResponse";
        switch (u8(name + " choice")) {
            case 1 -> {
                u8("invoke-id-and-priority");
                getDataResult(name + "-normal");
                return name + "-normal";
            }
            case 2 -> {
                u8("invoke-id-and-priority");
                u8("last-block");
                bytes(4, "block-number");
                if (u8("the block's result choice") == 0) {
                    octetString(name + "-with-datablock raw-data");
                } else {
                    u8("data-access-result");
                }
                return name + "-with-datablock";
            }
            case 3 -> {
                u8("invoke-id-and-priority");
                long count = length(name + "-with-list count");
                for (long i = 0; i < count; i++) {
                    getDataResult(name + "-with-list item " + (i + 1) + " of " + count);
                }
                return name + "-with-list";
            }
            default -> {
                return null;
            }
        }
    }

    private void getDataResult(String what) throws Deviation, TooDeep {
        int choice = u8(what + ": the result choice (00 data, 01 data-access-result)");
        if (choice == 0) {
            data(what);
        } else if (choice == 1) {
            u8(what + ": data-access-result");
        } else {
            throw new Deviation(what + " at byte " + (at - 1) + ": result choice " + hex(choice)
                    + ", the grammar has 00 (data) and 01 (data-access-result)");
        }
    }

    private String setResponse() throws Deviation {
        String name = "SetResponse";
        int choice = u8(name + " choice");
        u8("invoke-id-and-priority");
        switch (choice) {
            case 1 -> u8("result");
            case 2 -> bytes(4, "block-number");
            case 3 -> {
                u8("result");
                bytes(4, "block-number");
            }
            case 4 -> {
                bytes((int) length("result count"), "results");
                bytes(4, "block-number");
            }
            case 5 -> bytes((int) length("result count"), "results");
            default -> {
                return null;
            }
        }
        return name;
    }

    private String actionResponse() throws Deviation, TooDeep {
        String name = "ActionResponse";
        switch (u8(name + " choice")) {
            case 1 -> {
                u8("invoke-id-and-priority");
                actionResult(name + "-normal");
                return name + "-normal";
            }
            case 2 -> {
                u8("invoke-id-and-priority");
                u8("last-block");
                bytes(4, "block-number");
                octetString(name + "-with-pblock raw-data");
                return name + "-with-pblock";
            }
            case 3 -> {
                u8("invoke-id-and-priority");
                long count = length(name + "-with-list count");
                for (long i = 0; i < count; i++) {
                    actionResult(name + "-with-list item " + (i + 1) + " of " + count);
                }
                return name + "-with-list";
            }
            case 4 -> {
                u8("invoke-id-and-priority");
                bytes(4, "block-number");
                return name + "-next-pblock";
            }
            default -> {
                return null;
            }
        }
    }

    /** Action-Response-With-Optional-Data: result, then return-parameters OPTIONAL (00 absent, 01 present). */
    private void actionResult(String what) throws Deviation, TooDeep {
        u8(what + ": the action-result");
        int flag = u8(what + ": the return-parameters flag after the action-result (00 absent, 01 present)");
        if (flag == 1) {
            getDataResult(what + " return-parameters");
        } else if (flag != 0) {
            throw new Deviation(what + " at byte " + (at - 1) + ": return-parameters flag " + hex(flag)
                    + ", the grammar has 00 (absent) and 01 (present)");
        }
    }

    private String readResponse() throws Deviation, TooDeep {
        String name = "ReadResponse";
        long count = length(name + " count");
        for (long i = 0; i < count; i++) {
            String item = name + " item " + (i + 1) + " of " + count;
            int choice = u8(item + ": its choice");
            switch (choice) {
                case 0 -> data(item);
                case 1 -> u8(item + ": data-access-error");
                case 2 -> {
                    u8(item + ": last-block");
                    bytes(2, item + ": block-number");
                    octetString(item + ": raw-data");
                }
                case 3 -> bytes(2, item + ": block-number");
                default -> throw new Deviation(item + " at byte " + (at - 1) + ": choice " + hex(choice)
                        + ", the grammar has 00 data, 01 data-access-error, 02 data-block-result, 03 block-number");
            }
        }
        return name;
    }

    private String writeResponse() throws Deviation {
        String name = "WriteResponse";
        long count = length(name + " count");
        for (long i = 0; i < count; i++) {
            String item = name + " item " + (i + 1) + " of " + count;
            int choice = u8(item + ": its choice");
            if (choice == 1) {
                u8(item + ": data-access-error");
            } else if (choice == 2) {
                bytes(2, item + ": block-number");
            } else if (choice != 0) {
                throw new Deviation(item + " at byte " + (at - 1) + ": choice " + hex(choice)
                        + ", the grammar has 00 success, 01 data-access-error, 02 block-number");
            }
        }
        return name;
    }

    /** state-error, service-error; an invocation-counter-error (6) carries the expected counter. */
    private String exceptionResponse() throws Deviation {
        int state = u8("ExceptionResponse state-error");
        if (state != 1 && state != 2) {
            throw new Deviation("ExceptionResponse at byte 1: state-error " + hex(state) + ", the grammar has 01"
                    + " service-not-allowed and 02 service-unknown (an exception-response has no ciphered form)");
        }
        int service = u8("ExceptionResponse service-error");
        if (service < 1 || service > 6) {
            throw new Deviation("ExceptionResponse at byte 2: service-error " + hex(service) + ", the grammar has"
                    + " 01 to 06");
        }
        if (service == 6 && at < b.length) {
            bytes(4, "the invocation counter of an invocation-counter-error");
        }
        return "ExceptionResponse";
    }

    private String eventNotification() throws Deviation, TooDeep {
        String name = "EventNotificationRequest";
        if (u8(name + " time flag (00 absent, 01 present)") == 1) {
            octetString(name + " time");
        }
        bytes(2 + 6 + 1, name + " attribute descriptor (class, logical name, attribute)");
        data(name + " attribute-value");
        return name;
    }

    private String dataNotification() throws Deviation, TooDeep {
        String name = "DataNotification";
        bytes(4, name + " long-invoke-id-and-priority");
        octetString(name + " date-time");
        data(name + " notification-body");
        return name;
    }

    private String generalBlockTransfer() throws Deviation {
        String name = "general-block-transfer";
        bytes(1 + 2 + 2, name + " block-control, block-number, block-number-ack");
        octetString(name + " block-data");
        return name;
    }

    private String ciphered(int tag) throws Deviation {
        String name = "ciphered APDU " + hex(tag);
        if (tag == Command.GENERAL_GLO_CIPHERING || tag == Command.GENERAL_DED_CIPHERING) { // system title first
            octetString(name + " system-title");
        }
        octetString(name + " ciphered content");
        return name;
    }

    /**
     * An A-XDR Data value (Blue Book, the data types of attributes): skipped without a word where
     * it is whole, walked again with its labels only to word what is wrong (a profile of
     * thousands of values is checked without building a label for each).
     */
    private void data(String what) throws Deviation, TooDeep {
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

    private static final int BROKEN = -1;
    private static final int TOO_DEEP = -2;

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
            case 4 -> bytes((int) ((length(what + ": the bit-string length") + 7) / 8), what + ": bit-string");
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
        XdlmsReplyGrammar walk = new XdlmsReplyGrammar(b);
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
        XdlmsReplyGrammar walk = new XdlmsReplyGrammar(b);
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
    private void octetString(String what) throws Deviation {
        int start = at;
        long length = length(what + " length");
        if (length > b.length - at) {
            throw new Deviation(what + ": the length at byte " + start + " says " + length + " bytes, "
                    + (b.length - at) + " follow");
        }
        at += (int) length;
    }

    /** A-XDR length: one byte below 0x80, else 0x8N and N bytes. */
    private long length(String what) throws Deviation {
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

    private int u8(String what) throws Deviation {
        if (at >= b.length) {
            throw new Deviation(ends(what));
        }
        return b[at++] & 0xFF;
    }

    private void bytes(int n, String what) throws Deviation {
        if (n > b.length - at) {
            throw new Deviation(ends(what) + " (" + n + (n == 1 ? " byte" : " bytes") + ", "
                    + (b.length - at) + " left)");
        }
        at += n;
    }

    private String ends(String what) {
        return what + " is missing: the APDU ends at byte " + b.length;
    }

    private String window(int from) {
        int to = Math.min(b.length, from + 8);
        return Trace.hex(java.util.Arrays.copyOfRange(b, from, to)) + (to < b.length ? " …" : "");
    }

    private static String hex(int value) {
        return String.format("%02X", value);
    }
}
