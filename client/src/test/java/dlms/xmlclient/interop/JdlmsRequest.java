package dlms.xmlclient.interop;

import java.io.IOException;
import java.util.HexFormat;

import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.GetResult;
import org.openmuc.jdlms.MethodParameter;
import org.openmuc.jdlms.MethodResult;
import org.openmuc.jdlms.ObisCode;
import org.openmuc.jdlms.SelectiveAccessDescription;
import org.openmuc.jdlms.SetParameter;
import org.openmuc.jdlms.datatypes.DataObject;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One request of a sample script (Gurux simple XML: GetRequestNormal, SetRequestNormal,
 * ActionRequestNormal) made through jDLMS's client API, and jDLMS's decoded result written
 * back as the Gurux XML reply the expected files hold. The invoke-id-and-priority is left out:
 * jDLMS numbers its requests itself and does not show the number.
 */
final class JdlmsRequest {

    private JdlmsRequest() {
    }

    /**
     * @param request the request element of a script
     * @return the reply as Gurux XML
     * @throws IllegalArgumentException for a request this replay does not make
     */
    static String send(DlmsConnection connection, Element request)
            throws IOException {
        Element normal = only(request, request.getTagName() + "Normal");
        switch (request.getTagName()) {
        case "GetRequest":
            return get(connection, normal);
        case "SetRequest":
            return set(connection, normal);
        case "ActionRequest":
            return action(connection, normal);
        default:
            throw new IllegalArgumentException("no jDLMS replay of <" + request.getTagName() + ">");
        }
    }

    /**
     * @param request the request element of a script
     * @return the object it addresses as class id and logical name, e.g. "8 0000010000FF"
     */
    static String object(Element request) {
        Element normal = only(request, request.getTagName() + "Normal");
        Element descriptor = child(normal, "AttributeDescriptor");
        if (descriptor == null) {
            descriptor = only(normal, "MethodDescriptor");
        }
        return number(descriptor, "ClassId") + " "
                + only(descriptor, "InstanceId").getAttribute("Value");
    }

    private static String get(DlmsConnection connection, Element normal)
            throws IOException {
        Element selection = child(normal, "AccessSelection");
        SelectiveAccessDescription access = selection == null ? null
                : new SelectiveAccessDescription(number(selection, "AccessSelector"),
                        GuruxXmlData.toData(firstElement(only(selection, "AccessParameters"))));
        Element descriptor = only(normal, "AttributeDescriptor");
        GetResult result = connection.get(new AttributeAddress(number(descriptor, "ClassId"),
                instance(descriptor), number(descriptor, "AttributeId"), access));
        String outcome = result.requestSuccessful()
                ? "<Data>" + GuruxXmlData.toXml(result.getResultData()) + "</Data>"
                : "<DataAccessError Value=\"" + ResultNames.of(result.getResultCode().getCode())
                        + "\" />";
        return "<GetResponse><GetResponseNormal><Result>" + outcome
                + "</Result></GetResponseNormal></GetResponse>";
    }

    private static String set(DlmsConnection connection, Element normal)
            throws IOException {
        Element descriptor = only(normal, "AttributeDescriptor");
        DataObject value = GuruxXmlData.toData(firstElement(only(normal, "Value")));
        AccessResultCode result = connection.set(new SetParameter(new AttributeAddress(
                number(descriptor, "ClassId"), instance(descriptor),
                number(descriptor, "AttributeId")), value));
        return "<SetResponse><SetResponseNormal><Result Value=\""
                + ResultNames.of(result.getCode()) + "\" /></SetResponseNormal></SetResponse>";
    }

    private static String action(DlmsConnection connection, Element normal)
            throws IOException {
        Element descriptor = only(normal, "MethodDescriptor");
        Element parameters = child(normal, "MethodInvocationParameters");
        int classId = number(descriptor, "ClassId");
        int method = number(descriptor, "MethodId");
        MethodResult result = connection.action(parameters == null
                ? new MethodParameter(classId, instance(descriptor), method)
                : new MethodParameter(classId, instance(descriptor), method,
                        GuruxXmlData.toData(firstElement(parameters))));
        String returned = result.getResultData() == null ? ""
                : "<ReturnParameters><Data>" + GuruxXmlData.toXml(result.getResultData())
                        + "</Data></ReturnParameters>";
        return "<ActionResponse><ActionResponseNormal><Result Value=\""
                + ResultNames.of(result.getResultCode().getCode()) + "\" />" + returned
                + "</ActionResponseNormal></ActionResponse>";
    }

    private static ObisCode instance(Element descriptor) {
        // Any form a message file may use (hex, dotted, A-B:C.D.E*F), read as the xmlclient reads it.
        String written = only(descriptor, "InstanceId").getAttribute("Value");
        return new ObisCode(HexFormat.of().parseHex(dlms.xmlclient.script.ObisCode.hex(written).orElseThrow()));
    }

    private static int number(Element parent, String name) {
        return Integer.parseInt(only(parent, name).getAttribute("Value"));
    }

    private static Element only(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            throw new IllegalArgumentException("no jDLMS replay of <" + parent.getTagName()
                    + "> without <" + name + ">");
        }
        return e;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalArgumentException("<" + parent.getTagName() + "> holds no data");
    }
}
