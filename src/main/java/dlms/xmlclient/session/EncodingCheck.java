package dlms.xmlclient.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encoding findings: each APDU of a reply, as it was on the wire, walked by its grammar (A-XDR
 * for xDLMS, BER for the ACSE APDUs AARE and RLRE). A-XDR has one encoding for a value, so bytes
 * the grammar does not account for are the meter's: a length that disagrees with its content,
 * bytes after the end, a missing optional-field byte.
 *
 * <p>Departure from "hold the bytes against the translator's re-encoding of the recorded XML":
 * gurux.dlms 4.0.47's XML-to-PDU encoder gets ActionResponse and multi-item ReadResponse wrong
 * (MeterEncodingTest shows it), so it would report a right meter as wrong. The walk is ours.
 */
final class EncodingCheck {

    private static final int SHOWN = 8;

    private EncodingCheck() {
    }

    /** @return the findings of a reply's APDUs, one line each; empty when each follows its grammar */
    static List<String> findings(ReceivedReply reply) {
        List<byte[]> apdus = reply.apdus.apdus();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < apdus.size(); i++) {
            byte[] apdu = apdus.get(i);
            String where = apdus.size() == 1 ? "" : "APDU " + (i + 1) + " of " + apdus.size() + ": ";
            List<String> each = isAcse(apdu) ? acseFindings(apdu) : XdlmsReplyGrammar.findings(apdu);
            each.forEach(f -> found.add(where + f));
        }
        return found;
    }
    /** The BER length findings of an AARE, RLRE, … */
    static List<String> acseFindings(byte[] apdu) {
        try {
            return AcseApdu.parse(apdu).findings();
        } catch (AcseApdu.Malformed e) {
            return List.of(e.getMessage());
        }
    }

    private static boolean isAcse(byte[] apdu) {
        int tag = apdu.length == 0 ? -1 : apdu[0] & 0xFF;
        return tag >= AcseApdu.AARQ && tag <= AcseApdu.RLRE;
    }

    /**
     * @return null when the bytes are the same, else where they part, in one line with the
     *         bytes on both sides
     */
    static String compare(String what, byte[] received, byte[] reencoded) {
        if (Arrays.equals(received, reencoded)) {
            return null;
        }
        int at = Arrays.mismatch(received, reencoded);
        if (at == reencoded.length) {
            int extra = received.length - at;
            return what + ": " + extra + (extra == 1 ? " byte" : " bytes") + " after its end, from byte " + at
                    + ": " + window(received, at) + " (" + received.length + " bytes received, the content"
                    + " re-encodes to " + reencoded.length + ")";
        }
        if (at == received.length) {
            int missing = reencoded.length - at;
            return what + ": " + missing + (missing == 1 ? " byte" : " bytes") + " missing at its end (byte "
                    + at + "): the content re-encodes with " + window(reencoded, at) + " there";
        }
        return what + " at byte " + at + ": received " + window(received, at) + ", the content re-encodes as "
                + window(reencoded, at) + " (" + received.length + " and " + reencoded.length + " bytes)";
    }

    /** Up to {@link #SHOWN} bytes from {@code from}, in hex. */
    private static String window(byte[] b, int from) {
        int to = Math.min(b.length, from + SHOWN);
        return Trace.hex(Arrays.copyOfRange(b, from, to)) + (to < b.length ? " …" : "");
    }
}
