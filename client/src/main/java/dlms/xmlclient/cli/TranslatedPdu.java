package dlms.xmlclient.cli;

import dlms.xmlclient.decode.CommentedXml;
import dlms.xmlclient.decode.DecodedReply;
import dlms.xmlclient.decode.ScriptDecoding;
import dlms.xmlclient.decode.XmlNode;
import dlms.xmlclient.decode.XmlNodes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The translator's XML of one PDU with our words added: what a request asks for (class,
 * OBIS code, attribute by its Blue Book name, the OBIS description) and what each value of a
 * reply means. The translator's own comment on an octet string is dropped: it prints a
 * date-time in the JVM's locale ({@code 12/4/26, 4:35:59 PM}), which we write in ISO 8601.
 */
final class TranslatedPdu {

    private static final Pattern COMMENT = Pattern.compile("\\s*<!--.*-->\\s*");
    private static final Pattern OCTET_STRING = Pattern.compile("\\s*<OctetString\\b.*");

    private TranslatedPdu() {
    }

    static String decoded(String xml) {
        String text = withoutValueComments(xml);
        XmlNode root = XmlNodes.parse(text);
        XmlNode pdu = ScriptDecoding.pdu(root);
        if (pdu == null || pdu.name().equals("HDLC") || pdu.name().equals("WRAPPER")) {
            return xml;
        }
        boolean request = pdu.name().endsWith("Request");
        DecodedReply d = new ScriptDecoding(List.of(request ? new ScriptDecoding.Exchange(text, null)
                : new ScriptDecoding.Exchange(null, text))).reply(0);
        if (request) {
            String heading = d.request() + (d.description() == null ? "" : " - " + d.description());
            return "<!-- " + CommentedXml.comment(heading) + " -->\n" + text;
        }
        return CommentedXml.annotated(text, text, d.comments());
    }

    /** Drops each comment line that stands right above an {@code <OctetString>}. */
    static String withoutValueComments(String xml) {
        String[] lines = xml.split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            boolean valueComment = COMMENT.matcher(lines[i]).matches() && i + 1 < lines.length
                    && OCTET_STRING.matcher(lines[i + 1]).matches();
            if (!valueComment) {
                kept.add(lines[i]);
            }
        }
        return String.join("\n", kept);
    }
}
