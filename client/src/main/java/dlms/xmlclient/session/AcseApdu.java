package dlms.xmlclient.session;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ACSE APDU (AARQ, AARE, RLRQ, RLRE) read field by field from its BER encoding (IEC 62056-5-3
 * / Green Book, ACSE APDUs), without the library: the session judges an association by what the
 * meter put on the wire, and names every length that disagrees with its content.
 *
 * <p>Only the top level and the one level of context tags DLMS uses are walked; the values are
 * kept as bytes. A structure that cannot be walked at all (a length running past the end, not an
 * ACSE tag) throws {@link Malformed}; lengths that disagree with what follows are
 * {@link #findings()}, and the fields before them are still read.
 */
public final class AcseApdu {

    public static final int AARQ = 0x60;
    public static final int AARE = 0x61;
    public static final int RLRQ = 0x62;
    public static final int RLRE = 0x63;

    /** The OID prefix 2.16.756.5.8 (DLMS UA), then 1 for context names, 2 for mechanism names. */
    private static final byte[] DLMS_UA = {0x60, (byte) 0x85, 0x74, 0x05, 0x08};

    private final int tag;
    /** Field tag to its content bytes, in wire order. */
    private final Map<Integer, byte[]> fields;
    private final List<String> findings;

    private AcseApdu(int tag, Map<Integer, byte[]> fields, List<String> findings) {
        this.tag = tag;
        this.fields = fields;
        this.findings = List.copyOf(findings);
    }

    /** The structure cannot be read: what is wrong, and at which byte. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** @param apdu the whole APDU, starting with its tag */
    public static AcseApdu parse(byte[] apdu) throws Malformed {
        if (apdu.length < 2) {
            throw new Malformed("only " + apdu.length + (apdu.length == 1 ? " byte" : " bytes"));
        }
        int tag = apdu[0] & 0xFF;
        if (tag < AARQ || tag > RLRE) {
            throw new Malformed(String.format("byte 0 is %02X, not an ACSE APDU tag (60 AARQ, 61 AARE, 62 RLRQ,"
                    + " 63 RLRE)", tag));
        }
        String name = name(tag);
        List<String> findings = new ArrayList<>();
        int[] header = length(apdu, 1);
        if (header == null) {
            throw new Malformed(name + ": unreadable length " + hex(apdu[1]) + " at byte 1");
        }
        int declared = header[0];
        int start = header[1];
        int actual = apdu.length - start;
        if (declared != actual) {
            findings.add(name + ": its length (byte 1) says " + declared + " bytes, " + actual + " follow");
        }
        Map<Integer, byte[]> fields = new LinkedHashMap<>();
        for (int at = start; at < apdu.length; ) {
            int fieldTag = apdu[at] & 0xFF;
            int[] field = at + 1 < apdu.length ? length(apdu, at + 1) : null;
            if (field == null || field[1] + field[0] > apdu.length) {
                // What is left cannot be a field: a length above ran short or long (named already, if so).
                if (findings.isEmpty()) findings.add(name + ": " + (apdu.length - at) + " stray bytes from byte " + at + " ("
                        + Trace.hex(java.util.Arrays.copyOfRange(apdu, at, Math.min(apdu.length, at + 8)))
                        + (apdu.length - at > 8 ? " …" : "") + ") are not a whole field");
                break;
            }
            int end = field[1] + field[0];
            byte[] content = java.util.Arrays.copyOfRange(apdu, field[1], end);
            if ((fieldTag & 0x20) != 0) { // constructed: its one inner TLV must fill it exactly
                String inner = innerFinding(content, fieldName(tag, fieldTag), at);
                if (inner != null) {
                    findings.add(name + ": " + inner);
                }
            }
            fields.putIfAbsent(fieldTag, content);
            at = end;
        }
        return new AcseApdu(tag, fields, findings);
    }

    /** @return {length, offset of the content}, BER short or long form (up to 4 length bytes), or null */
    private static int[] length(byte[] b, int at) {
        int first = b[at] & 0xFF;
        if (first < 0x80) {
            return new int[] {first, at + 1};
        }
        int count = first & 0x7F;
        if (count == 0 || count > 3 || at + count >= b.length) {
            return null;
        }
        int value = 0;
        for (int i = 1; i <= count; i++) {
            value = value << 8 | (b[at + i] & 0xFF);
        }
        return new int[] {value, at + 1 + count};
    }

    /** A constructed field holds one TLV (an OID, an integer, a choice, an octet string): does it fit? */
    private static String innerFinding(byte[] content, String field, int fieldOffset) {
        if (content.length < 2) {
            return field + " at byte " + fieldOffset + " is too short to hold a value (" + content.length
                    + (content.length == 1 ? " byte)" : " bytes)");
        }
        int first = content[1] & 0xFF;
        int lengthBytes = first < 0x80 ? 1 : 1 + (first & 0x7F);
        if (first >= 0x80 && ((first & 0x7F) == 0 || (first & 0x7F) > 4 || 1 + lengthBytes > content.length)) {
            return field + " at byte " + fieldOffset + " holds an unreadable length";
        }
        long declared = first;
        if (first >= 0x80) {
            declared = 0;
            for (int i = 2; i <= lengthBytes; i++) {
                declared = declared << 8 | (content[i] & 0xFF);
            }
        }
        long needed = 1 + lengthBytes + declared;
        if (needed != content.length) {
            return field + " at byte " + fieldOffset + " says " + content.length + " bytes, its content ("
                    + hex(content[0]) + " of " + declared + " bytes) takes " + needed;
        }
        return null;
    }

    public int tag() {
        return tag;
    }

    /** Lengths that disagree with their content, each in one line; empty for a well-formed APDU. */
    public List<String> findings() {
        return findings;
    }

    /** @return the content of a field (its context tag as on the wire, e.g. 0xA2), or null */
    public byte[] field(int fieldTag) {
        return fields.get(fieldTag);
    }

    /** The last arc of the application-context-name (1 LN, 2 SN, 3 LN ciphered, 4 SN ciphered), or -1. */
    public int applicationContext() {
        return dlmsArc(innerValue(field(0xA1)), 1);
    }

    /** The last arc of the mechanism-name (0 lowest, 1 low, 2 high … 7 high-ECDSA), or -1 when absent. */
    public int mechanism() {
        return dlmsArc(field(tag == AARQ ? 0x8B : 0x89), 2);
    }

    /** AARE: the result (0 accepted, 1 rejected-permanent, 2 rejected-transient), or -1. */
    public int result() {
        return integer(innerValue(field(0xA2)));
    }

    /** AARE: the result-source-diagnostic's source (0xA1 acse-service-user, 0xA2 acse-service-provider), or -1. */
    public int diagnosticSource() {
        byte[] d = field(0xA3);
        return d == null || d.length == 0 ? -1 : d[0] & 0xFF;
    }

    /** AARE: the diagnostic value, or -1. */
    public int diagnostic() {
        byte[] d = field(0xA3);
        return d == null ? -1 : integer(innerValue(innerValue(d)));
    }

    /** AARE: the responding-authentication-value (the meter's challenge, StoC), or null. */
    public byte[] respondingAuthenticationValue() {
        byte[] v = field(tag == AARQ ? 0xAC : 0xAA);
        return innerValue(v);
    }

    /** RLRQ/RLRE: the reason (0x80 field), or -1. */
    public int reason() {
        byte[] r = field(0x80);
        return r == null || r.length != 1 ? -1 : r[0] & 0xFF;
    }

    /** The content of the single TLV inside a constructed field, or null. */
    private static byte[] innerValue(byte[] content) {
        if (content == null || content.length < 2) {
            return null;
        }
        int first = content[1] & 0xFF;
        int offset = 2;
        int length = first;
        if (first >= 0x80) {
            int count = first & 0x7F;
            if (count == 0 || count > 4 || 2 + count > content.length) {
                return null;
            }
            long value = 0;
            for (int i = 0; i < count; i++) {
                value = value << 8 | (content[2 + i] & 0xFF);
            }
            if (value > content.length) {
                return null; // a length beyond the field: named by the walk as a finding already
            }
            length = (int) value;
            offset = 2 + count;
        }
        return java.util.Arrays.copyOfRange(content, offset, Math.min(content.length, offset + length));
    }

    private static int integer(byte[] value) {
        if (value == null || value.length == 0 || value.length > 4) {
            return -1;
        }
        int v = 0;
        for (byte b : value) {
            v = v << 8 | (b & 0xFF);
        }
        return v;
    }

    /** The arc after 2.16.756.5.8.{kind}, or -1 for no OID or another one. */
    private static int dlmsArc(byte[] oid, int kind) {
        if (oid == null || oid.length != DLMS_UA.length + 2) {
            return -1;
        }
        for (int i = 0; i < DLMS_UA.length; i++) {
            if (oid[i] != DLMS_UA[i]) {
                return -1;
            }
        }
        return (oid[DLMS_UA.length] & 0xFF) == kind ? oid[DLMS_UA.length + 1] & 0xFF : -1;
    }

    public static String name(int tag) {
        return switch (tag) {
            case AARQ -> "AARQ";
            case AARE -> "AARE";
            case RLRQ -> "RLRQ";
            case RLRE -> "RLRE";
            default -> "APDU " + hex(tag);
        };
    }

    private static String fieldName(int apdu, int fieldTag) {
        String name = switch (fieldTag) {
            case 0x80 -> apdu >= RLRQ ? "reason" : "protocol-version";
            case 0xA1 -> "application-context-name";
            case 0xA2 -> "result";
            case 0xA3 -> "result-source-diagnostic";
            case 0xA4 -> "responding-AP-title";
            case 0xA6 -> "calling-AP-title";
            case 0x88, 0x8A -> "acse-requirements";
            case 0x89 -> "mechanism-name";
            case 0x8B -> "mechanism-name";
            case 0xAA -> "responding-authentication-value";
            case 0xAC -> "calling-authentication-value";
            case 0xBE -> "user-information";
            default -> "field " + hex(fieldTag);
        };
        return name + " (" + hex(fieldTag) + ")";
    }

    /** "0B" for 11: String.format is slow to start, and every association names its fields. */
    private static String hex(int b) {
        return HexFormat.of().withUpperCase().toHexDigits((byte) b);
    }

    /** An application context name in words, as the Green Book names it. */
    public static String contextName(int arc) {
        return switch (arc) {
            case 1 -> "logical-name (1)";
            case 2 -> "short-name (2)";
            case 3 -> "logical-name-with-ciphering (3)";
            case 4 -> "short-name-with-ciphering (4)";
            case -1 -> "none";
            default -> "unknown (" + arc + ")";
        };
    }

    /** A mechanism name in words, as the Green Book names it. */
    public static String mechanismName(int arc) {
        return switch (arc) {
            case 0 -> "lowest-level-security (0)";
            case 1 -> "low-level-security (1)";
            case 2 -> "high-level-security (2)";
            case 3 -> "high-level-security-MD5 (3)";
            case 4 -> "high-level-security-SHA-1 (4)";
            case 5 -> "high-level-security-GMAC (5)";
            case 6 -> "high-level-security-SHA-256 (6)";
            case 7 -> "high-level-security-ECDSA (7)";
            case -1 -> "none";
            default -> "unknown (" + arc + ")";
        };
    }

    /** An acse-service-user diagnostic in words (Green Book, AARE result-source-diagnostic). */
    public static String userDiagnosticName(int value) {
        return switch (value) {
            case 0 -> "null (0)";
            case 1 -> "no-reason-given (1)";
            case 2 -> "application-context-name-not-supported (2)";
            case 3 -> "calling-AP-title-not-recognized (3)";
            case 4 -> "calling-AP-invocation-identifier-not-recognized (4)";
            case 5 -> "calling-AE-qualifier-not-recognized (5)";
            case 6 -> "calling-AE-invocation-identifier-not-recognized (6)";
            case 7 -> "called-AP-title-not-recognized (7)";
            case 8 -> "called-AP-invocation-identifier-not-recognized (8)";
            case 9 -> "called-AE-qualifier-not-recognized (9)";
            case 10 -> "called-AE-invocation-identifier-not-recognized (10)";
            case 11 -> "authentication-mechanism-name-not-recognised (11)";
            case 12 -> "authentication-mechanism-name-required (12)";
            case 13 -> "authentication-failure (13)";
            case 14 -> "authentication-required (14)";
            default -> "undefined (" + value + ")";
        };
    }
}
