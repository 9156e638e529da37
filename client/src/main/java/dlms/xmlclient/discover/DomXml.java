package dlms.xmlclient.discover;

import dlms.xmlclient.decode.DomElements;
import dlms.xmlclient.decode.QuietDom;

import org.w3c.dom.Element;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;

/** The DOM steps discover takes on reply and expected XML: parse and write (find and list: {@link DomElements}). */
final class DomXml {

    private DomXml() {
    }

    /** The root element, or null when the text is not XML (nothing printed to stderr). */
    static Element parse(String xml) {
        return QuietDom.parse(xml);
    }

    /** The element as XML text, without a declaration. */
    static String write(Element element) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
    }
}
