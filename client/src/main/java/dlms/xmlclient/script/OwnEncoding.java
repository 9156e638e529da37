package dlms.xmlclient.script;

import dlms.xmlclient.decode.ElementXml;
import gurux.dlms.GXDLMSXmlPdu;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A request that {@link ListRequests} encodes instead of the translator: its values checked as
 * any request's are ({@link RequestValues}), each encoded by the translator inside a plain
 * set-request-normal whose 13-byte head is then cut off.
 */
final class OwnEncoding {

    /** The translator's encoding of one request element's XML. */
    interface Translator {
        GXDLMSXmlPdu translate(String xml, String location, String tag) throws ScriptException;
    }

    /** C1 01 C1, class 1, 0.0.0.0.0.255, attribute 2, no selection: the value follows. */
    private static final String CARRIER_HEAD = "<SetRequest><SetRequestNormal><InvokeIdAndPriority Value=\"193\" />"
            + "<AttributeDescriptor><ClassId Value=\"1\" /><InstanceId Value=\"0000000000FF\" />"
            + "<AttributeId Value=\"2\" /></AttributeDescriptor><Value>";
    private static final String CARRIER_TAIL = "</Value></SetRequestNormal></SetRequest>";
    private static final int CARRIER_HEAD_BYTES = 13;

    private final Translator translator;
    private final ElementXml elementXml;

    OwnEncoding(Translator translator, ElementXml elementXml) {
        this.translator = translator;
        this.elementXml = elementXml;
    }

    GXDLMSXmlPdu encode(Element request, int command, String relativePath) throws ScriptException {
        // An Access request's <DateTime> is its date-time field, not a value: kept out of the value checks.
        Element dateTime = request.getTagName().equals("AccessRequest") ? child(request, "DateTime") : null;
        Node after = dateTime == null ? null : dateTime.getNextSibling();
        RequestValues values;
        if (dateTime != null) {
            request.removeChild(dateTime);
        }
        try {
            values = RequestValues.check(request, relativePath);
        } finally {
            if (dateTime != null) {
                request.insertBefore(dateTime, after);
            }
        }
        List<Element> written = ScriptLoader.descendants(request);
        written.remove(dateTime);
        List<Element> copies = ScriptLoader.descendants(values.forTranslator());
        for (Element e : written) {
            if (RequestValues.NOW.equals(e.getAttribute("Value"))) {
                throw new ScriptException(relativePath + ":" + LineNumberedXml.lineOf(e), "<" + e.getTagName()
                        + " Value=\"" + RequestValues.NOW + "\"/>: the client's time goes only in a Get, Set or"
                        + " Action that is not with-list; write the date-time here", null);
            }
        }
        byte[] apdu = ListRequests.encode(request, relativePath, value -> {
            String location = relativePath + ":" + LineNumberedXml.lineOf(value);
            Optional<Element> unknown = GuruxTags.unknownIn(value);
            if (unknown.isPresent()) {
                String at = relativePath + ":" + LineNumberedXml.lineOf(unknown.get());
                throw new ScriptException(at, "unknown element <"
                        + unknown.get().getTagName() + "> (not a data type the Gurux translator knows)", null);
            }
            Element copy = copies.get(written.indexOf(value));
            byte[] carrier = translator.translate(CARRIER_HEAD + elementXml.toXml(copy) + CARRIER_TAIL, location,
                    value.getTagName()).getData();
            if (carrier == null || carrier.length <= CARRIER_HEAD_BYTES || (carrier[1] & 0xFF) != 1) {
                throw new ScriptException(location, "<" + value.getTagName() + "> cannot be encoded as a value", null);
            }
            return Arrays.copyOfRange(carrier, CARRIER_HEAD_BYTES, carrier.length);
        });
        return new GXDLMSXmlPdu(command, request, values.splice(apdu));
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }
}
