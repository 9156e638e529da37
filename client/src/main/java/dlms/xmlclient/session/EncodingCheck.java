package dlms.xmlclient.session;

import java.util.ArrayList;
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
public final class EncodingCheck {

    private EncodingCheck() {
    }

    /** @return the findings of a reply's APDUs, one line each; empty when each follows its grammar */
    static List<String> findings(ReceivedReply reply) {
        List<byte[]> apdus = reply.apdus.apdus();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < apdus.size(); i++) {
            byte[] apdu = apdus.get(i);
            String where = apdus.size() == 1 ? "" : "APDU " + (i + 1) + " of " + apdus.size() + ": ";
            List<String> each = ofApdu(apdu);
            each.forEach(f -> found.add(where + f));
        }
        String blocks = reply.serviceError == null ? ShortNameBlocks.finding(reply.data, reply.requestCommand) : null;
        if (blocks != null) {
            found.add(blocks);
        }
        return found;
    }

    /** The findings of one whole APDU (a reply's, or an AARQ, AARE, RLRQ, RLRE), one line each. */
    public static List<String> ofApdu(byte[] apdu) {
        return isAcse(apdu) ? acseFindings(apdu) : XdlmsReplyGrammar.findings(apdu);
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
}
