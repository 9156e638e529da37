package dlms.xmlclient.session;

import java.util.Set;

/**
 * The invocation counter a ciphered APDU carries in its security header (IEC 62056-5-3: the
 * security control byte, then the 4-byte invocation counter), read from the bytes as they were
 * on the wire: glo- and ded- service APDUs, general-glo- and general-ded-ciphering (after the
 * system title), and the ciphered user-information of an AARE or RLRE.
 */
final class CipheredCounter {

    /** The key the APDU is ciphered with: the global one for glo-, the association's own for ded-. */
    enum Key { GLOBAL, DEDICATED }

    /** What a ciphered APDU says of its counter. */
    record Found(Key key, long counter) {
    }

    private static final Set<Integer> GLOBAL = Set.of(0x28, 0x2C, 0x2D, 0x2E, 0x38, 0xCA, 0xCC, 0xCD, 0xCF);
    private static final Set<Integer> DEDICATED = Set.of(0x48, 0x4C, 0x4D, 0x4E, 0x58, 0xD2, 0xD4, 0xD5, 0xD7);
    private static final int GENERAL_GLO = 0xDB;
    private static final int GENERAL_DED = 0xDC;
    private static final int AARE = 0x61;
    private static final int RLRE = 0x63;
    private static final int USER_INFORMATION = 0xBE;
    private static final int OCTET_STRING = 0x04;

    private CipheredCounter() {
    }

    /** @return the counter of a ciphered response APDU, or null when it carries none (plain, or too short) */
    static Found of(byte[] apdu) {
        if (apdu == null || apdu.length == 0) {
            return null;
        }
        int tag = apdu[0] & 0xFF;
        if (tag == AARE || tag == RLRE) {
            return ofAcse(apdu);
        }
        Key key = GLOBAL.contains(tag) || tag == GENERAL_GLO ? Key.GLOBAL
                : DEDICATED.contains(tag) || tag == GENERAL_DED ? Key.DEDICATED : null;
        if (key == null) {
            return null;
        }
        int at = 1;
        if (tag == GENERAL_GLO || tag == GENERAL_DED) {
            int[] title = length(apdu, at); // the system title, an A-XDR octet string
            if (title == null) {
                return null;
            }
            at = title[0] + title[1];
        }
        int[] content = length(apdu, at);
        if (content == null || content[1] < 5 || content[0] + 5 > apdu.length) {
            return null;
        }
        int ic = content[0] + 1; // after the security control byte
        long counter = 0;
        for (int i = 0; i < 4; i++) {
            counter = counter << 8 | (apdu[ic + i] & 0xFF);
        }
        return new Found(key, counter);
    }

    /** The glo-initiate-response inside an AARE's or RLRE's user-information, if ciphered. */
    private static Found ofAcse(byte[] acse) {
        try {
            byte[] user = AcseApdu.parse(acse).field(USER_INFORMATION);
            if (user == null || user.length < 3 || (user[0] & 0xFF) != OCTET_STRING) {
                return null;
            }
            int[] inner = length(user, 1);
            if (inner == null || inner[0] + inner[1] > user.length) {
                return null;
            }
            byte[] initiate = java.util.Arrays.copyOfRange(user, inner[0], inner[0] + inner[1]);
            return initiate.length > 0 && (initiate[0] & 0xFF) != AARE && (initiate[0] & 0xFF) != RLRE
                    ? of(initiate) : null;
        } catch (AcseApdu.Malformed e) {
            return null; // named by the AARE check
        }
    }

    /** {offset of the content, its length} of the A-XDR/BER length at {@code at}, or null. */
    private static int[] length(byte[] b, int at) {
        if (at >= b.length) {
            return null;
        }
        int first = b[at] & 0xFF;
        if (first < 0x80) {
            return new int[] {at + 1, first};
        }
        int count = first & 0x7F;
        if (count == 0 || count > 3 || at + 1 + count > b.length) {
            return null;
        }
        int value = 0;
        for (int i = 0; i < count; i++) {
            value = value << 8 | (b[at + 1 + i] & 0xFF);
        }
        return new int[] {at + 1 + count, value};
    }
}
