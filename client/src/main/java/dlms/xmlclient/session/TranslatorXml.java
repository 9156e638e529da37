package dlms.xmlclient.session;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Corrections to the XML gurux.dlms 4.0.47's translator writes, shared by recorded replies and
 * {@code translate}: it writes an AARQ's or AARE's protocol-version twice where the wire has it
 * once (TranslatorXmlTest shows it).
 */
public final class TranslatorXml {

    private static final Pattern DOUBLED_PROTOCOL_VERSION =
            Pattern.compile("(<ProtocolVersion Value=\"[^\"]*\" />)(\\r?\\n\\s*)\\1");

    private TranslatorXml() {
    }

    /**
     * @return the XML of a with-list or access response, written by {@link ListReplyXml} since the
     *         translator drops its error items or cannot read it; empty for any other APDU
     * @throws IllegalStateException when the APDU breaks the response's grammar
     */
    public static Optional<String> listReply(byte[] apdu) {
        return ListReplyXml.handles(apdu) ? Optional.of(new ListReplyXml().toXml(apdu)) : Optional.empty();
    }

    /** @param apdu the APDU the XML was written from: only an ACSE APDU with one such field is touched */
    public static String corrected(String xml, byte[] apdu) {
        if (apdu.length == 0 || (apdu[0] & 0xFF) < AcseApdu.AARQ || (apdu[0] & 0xFF) > AcseApdu.AARE) {
            return xml;
        }
        return DOUBLED_PROTOCOL_VERSION.matcher(xml).replaceFirst("$1");
    }
}
