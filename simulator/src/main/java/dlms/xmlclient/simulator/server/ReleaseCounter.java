package dlms.xmlclient.simulator.server;

/**
 * The invocation counter of the glo-initiate-response a ciphered release response (RLRE)
 * carries in its user-information: {@code 63 L [80 01 r] BE L 04 L 28 L SC IC IC IC IC …}.
 */
final class ReleaseCounter {

    private static final int USER_INFORMATION = 0xBE;
    private static final int OCTET_STRING = 0x04;
    private static final int GLO_INITIATE_RESPONSE = 0x28;

    private ReleaseCounter() {
    }

    /** @return the counter, or -1 when the RLRE carries no ciphered initiate-response */
    static long used(byte[] rlre) {
        int[] at = {1};
        int length = BerLength.read(rlre, at);
        int end = Math.min(rlre.length, at[0] + Math.max(0, length));
        while (at[0] + 1 < end) {
            int tag = rlre[at[0]++] & 0xFF;
            int fieldLength = BerLength.read(rlre, at);
            if (fieldLength < 0) {
                return -1;
            }
            if (tag == USER_INFORMATION) {
                int p = at[0];
                if (p + 2 >= end || (rlre[p] & 0xFF) != OCTET_STRING) {
                    return -1;
                }
                int[] inner = {p + 1};
                BerLength.read(rlre, inner);
                if (inner[0] + 7 > end || (rlre[inner[0]] & 0xFF) != GLO_INITIATE_RESPONSE) {
                    return -1;
                }
                int[] header = {inner[0] + 1};
                BerLength.read(rlre, header);
                int ic = header[0] + 1; // after the security control byte
                if (ic + 4 > end) {
                    return -1;
                }
                return (rlre[ic] & 0xFFL) << 24 | (rlre[ic + 1] & 0xFF) << 16 | (rlre[ic + 2] & 0xFF) << 8
                        | rlre[ic + 3] & 0xFF;
            }
            at[0] += fieldLength;
        }
        return -1;
    }
}
