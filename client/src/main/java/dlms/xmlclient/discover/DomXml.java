package dlms.xmlclient.discover;

import dlms.xmlclient.decode.QuietDom;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** The DOM steps discover takes on reply and expected XML: parse, find, list, write. */
final class DomXml {

    private DomXml() {
    }

    /** The root element, or null when the text is not XML (nothing printed to stderr). */
    static Element parse(String xml) {
        return QuietDom.parse(xml);
    }

    /** The element children, in order. */
    static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }

    /** The first element named {@code name}, {@code root} included, depth first; null when none. */
    static Element find(Element root, String name) {
        if (root == null) {
            return null;
        }
        if (root.getTagName().equals(name)) {
            return root;
        }
        for (Element child : elements(root)) {
            Element found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
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
