package dlms.xmlclient.session;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSTranslator;
import gurux.dlms.TranslatorOutputType;
import gurux.dlms.enums.Command;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XML of the replies whose every item the expected files must see, which gurux.dlms 4.0.47's
 * translator gets wrong: a GET-Response-With-List (C4 03) loses its data-access-result items,
 * and an ACTION-Response-With-List (C7 03) or ACCESS-Response (DA) is not translated at all. Written
 * here from the Green Book's ASN.1 in the translator's own vocabulary; each Data value and result
 * name is still the translator's, so they read as in every other reply.
 */
final class ListReplyXml {

    private static final int GET_WITH_LIST = 3;
    private static final int ACTION_WITH_LIST = 3;
    private static final Pattern RESULT_NAME = Pattern.compile("<Result Value=\"([^\"]*)\"");

    private final GXDLMSTranslator translator = new GXDLMSTranslator(TranslatorOutputType.SIMPLE_XML);
    private final Map<Integer, String> resultNames = new HashMap<>();

    ListReplyXml() {
        translator.setHex(false);
        translator.setComments(false);
        translator.setOmitXmlDeclaration(true);
        translator.setOmitXmlNameSpace(true);
    }

    /** True for the APDUs written here. */
    static boolean handles(byte[] apdu) {
        if (apdu == null || apdu.length < 2) {
            return false;
        }
        int tag = apdu[0] & 0xFF;
        return tag == Command.GET_RESPONSE && apdu[1] == GET_WITH_LIST
                || tag == Command.METHOD_RESPONSE && apdu[1] == ACTION_WITH_LIST
                || tag == Command.ACCESS_RESPONSE;
    }

    /**
     * @throws IllegalStateException when the APDU breaks its grammar (the grammar's walk names how)
     */
    String toXml(byte[] apdu) {
        Reading in = new Reading(apdu);
        StringBuilder xml = new StringBuilder();
        int tag = in.u8();
        if (tag == Command.ACCESS_RESPONSE) {
            access(in, xml);
        } else if (tag == Command.GET_RESPONSE) {
            in.u8();
            xml.append("<GetResponse>\n  <GetResponseWithList>\n");
            xml.append("    <InvokeIdAndPriority Value=\"").append(in.u8()).append("\" />\n");
            int count = in.length();
            xml.append("    <Result Qty=\"").append(count).append("\">\n");
            for (int i = 0; i < count; i++) {
                getDataResult(in, xml, "      ");
            }
            xml.append("    </Result>\n  </GetResponseWithList>\n</GetResponse>");
        } else {
            in.u8();
            xml.append("<ActionResponse>\n  <ActionResponseWithList>\n");
            xml.append("    <InvokeIdAndPriority Value=\"").append(in.u8()).append("\" />\n");
            int count = in.length();
            xml.append("    <Result Qty=\"").append(count).append("\">\n");
            for (int i = 0; i < count; i++) {
                // Action-Response-With-Optional-Data: result, return-parameters OPTIONAL (Get-Data-Result)
                xml.append("      <ActionResult>\n");
                xml.append("        <Result Value=\"").append(resultName(in.u8())).append("\" />\n");
                if (in.u8() != 0) {
                    xml.append("        <ReturnParameters>\n");
                    getDataResult(in, xml, "          ");
                    xml.append("        </ReturnParameters>\n");
                }
                xml.append("      </ActionResult>\n");
            }
            xml.append("    </Result>\n  </ActionResponseWithList>\n</ActionResponse>");
        }
        in.atEnd();
        return xml.toString();
    }

    /**
     * ACCESS-Response: long-invoke-id-and-priority, date-time OCTET STRING, access-response-body:
     * access-request-specification OPTIONAL, List-Of-Data, SEQUENCE OF Access-Response-Specification
     * (get [1], set [2], action [3], each its result).
     */
    private void access(Reading in, StringBuilder xml) {
        xml.append("<AccessResponse>\n");
        xml.append("  <LongInvokeIdAndPriority Value=\"").append(in.u32()).append("\" />\n");
        xml.append("  <DateTime Value=\"").append(HexFormat.of().withUpperCase().formatHex(in.bytes(in.length())))
                .append("\" />\n");
        xml.append("  <AccessResponseBody>\n");
        if (in.u8() != 0) {
            throw new IllegalStateException("an ACCESS-Response that repeats its request's specification"
                    + " (access-request-specification present) is not shown as XML");
        }
        int data = in.length();
        xml.append("    <AccessResponseListOfData Qty=\"").append(data).append("\">\n");
        for (int i = 0; i < data; i++) {
            xml.append(indented(in.data(), "      "));
        }
        xml.append("    </AccessResponseListOfData>\n");
        int results = in.length();
        xml.append("    <AccessResponseSpecification Qty=\"").append(results).append("\">\n");
        for (int i = 0; i < results; i++) {
            String kind = switch (in.u8()) {
                case 1 -> "AccessResponseGet";
                case 2 -> "AccessResponseSet";
                case 3 -> "AccessResponseAction";
                default -> throw new IllegalStateException("access-response-specification item " + (i + 1)
                        + ": choice " + in.last() + ", the grammar has 1 get, 2 set, 3 action");
            };
            xml.append("      <").append(kind).append(">\n        <Result Value=\"").append(resultName(in.u8()))
                    .append("\" />\n      </").append(kind).append(">\n");
        }
        xml.append("    </AccessResponseSpecification>\n  </AccessResponseBody>\n</AccessResponse>");
    }

    /** Get-Data-Result ::= CHOICE { data [0] Data, data-access-result [1] Data-Access-Result }. */
    private void getDataResult(Reading in, StringBuilder xml, String indent) {
        int choice = in.u8();
        if (choice == 0) {
            xml.append(indent).append("<Data>\n").append(indented(in.data(), indent + "  ")).append(indent)
                    .append("</Data>\n");
        } else if (choice == 1) {
            xml.append(indent).append("<DataAccessError Value=\"").append(resultName(in.u8())).append("\" />\n");
        } else {
            throw new IllegalStateException("Get-Data-Result: choice " + choice + ", the grammar has 0 data, 1"
                    + " data-access-result");
        }
    }

    /** The translator's name of a data-access-result or action-result (one enumeration in gurux.dlms). */
    private String resultName(int code) {
        return resultNames.computeIfAbsent(code, c -> {
            Matcher m = RESULT_NAME.matcher(translator.pduToXml(new byte[] {(byte) Command.SET_RESPONSE, 1, 0,
                    (byte) (int) c}));
            return m.find() ? m.group(1) : Integer.toString(c);
        });
    }

    private String indented(byte[] value, String indent) {
        String xml = translator.dataToXml(new GXByteBuffer(value)).strip();
        StringBuilder out = new StringBuilder();
        for (String line : xml.split("\\R")) {
            out.append(indent).append(line.strip().isEmpty() ? "" : line.replaceFirst("\\s+$", "")).append('\n');
        }
        return out.toString();
    }

    /** A walk over the APDU that names where it ends too soon. */
    private static final class Reading {
        private final byte[] b;
        private int at;

        Reading(byte[] b) {
            this.b = b;
        }

        int u8() {
            need(1);
            return b[at++] & 0xFF;
        }

        int last() {
            return b[at - 1] & 0xFF;
        }

        long u32() {
            need(4);
            long v = 0;
            for (int i = 0; i < 4; i++) {
                v = v << 8 | (b[at++] & 0xFF);
            }
            return v;
        }

        int length() {
            int[] position = {at};
            int n = AxdrReader.length(b, position);
            if (n < 0) {
                throw new IllegalStateException("no length at byte " + at);
            }
            at = position[0];
            return n;
        }

        byte[] bytes(int n) {
            need(n);
            at += n;
            return Arrays.copyOfRange(b, at - n, at);
        }

        byte[] data() {
            int end = AxdrReader.dataEnd(b, at);
            if (end < 0) {
                throw new IllegalStateException("no whole Data value at byte " + at);
            }
            byte[] value = Arrays.copyOfRange(b, at, end);
            at = end;
            return value;
        }

        void atEnd() {
            if (at != b.length) {
                throw new IllegalStateException((b.length - at) + " bytes after the reply's end at byte " + at);
            }
        }

        private void need(int n) {
            if (at + n > b.length) {
                throw new IllegalStateException("the APDU ends at byte " + b.length + " where " + n
                        + " more bytes are due");
            }
        }
    }
}
