package dlms.xmlclient.hostile;

import java.io.ByteArrayOutputStream;

/** Hostile inputs nested very deep: A-XDR data in a reply, and XML elements in a file. */
public final class DeepInputs {

    private DeepInputs() {
    }

    /** A get-response-normal (invoke id 1) whose data is {@code depth} structures of one element each, then null-data. */
    public static byte[] nestedGetResponse(int depth) {
        ByteArrayOutputStream apdu = new ByteArrayOutputStream();
        apdu.writeBytes(ForgedFrames.hex("C4 01 C1 00"));
        for (int i = 0; i < depth; i++) {
            apdu.write(0x02);
            apdu.write(0x01);
        }
        apdu.writeBytes(ForgedFrames.hex("11 00"));
        return apdu.toByteArray();
    }

    /**
     * A reply element as an expected file holds it, with its data nested {@code depth}
     * structures deep: {@code <GetResponse>…<Structure Qty="1"><Structure…>…}.
     */
    public static String nestedExpectedFile(int depth) {
        StringBuilder xml = new StringBuilder(depth * 40 + 400);
        xml.append("<Messages>\n<GetResponse>\n<GetResponseNormal>\n<InvokeIdAndPriority Value=\"193\" />\n<Result>\n<Data>\n");
        for (int i = 0; i < depth; i++) {
            xml.append("<Structure Qty=\"1\">");
        }
        xml.append("<UInt8 Value=\"0\" />");
        for (int i = 0; i < depth; i++) {
            xml.append("</Structure>");
        }
        return xml.append("\n</Data>\n</Result>\n</GetResponseNormal>\n</GetResponse>\n</Messages>\n").toString();
    }

    /** A message file whose one request carries {@code depth} nested elements in its first line after the root. */
    public static String nestedMessageFile(int depth) {
        StringBuilder xml = new StringBuilder(depth * 8 + 200);
        xml.append("<Messages>\n<GetRequest>");
        for (int i = 0; i < depth; i++) {
            xml.append("<a>");
        }
        for (int i = 0; i < depth; i++) {
            xml.append("</a>");
        }
        return xml.append("</GetRequest>\n</Messages>\n").toString();
    }
}
