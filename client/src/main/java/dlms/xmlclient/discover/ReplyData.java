package dlms.xmlclient.discover;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringReader;
import java.io.StringWriter;

/** What a reply says, for the access-rights check: the data read, or the result of a refusal or a Set. */
final class ReplyData {

    private ReplyData() {
    }

    /** The one data element of a GetResponse, as XML without comments; null when there is none. */
    static String data(String replyXml) {
        Element data = find(parse(replyXml), "Data");
        if (data == null) {
            return null;
        }
        for (Node n = data.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                strip(e);
                return write(e);
            }
        }
        return null;
    }

    /** The data-access-result of a refused Get, or the Result of a Set or an Action (e.g. "ReadWriteDenied", "Success"); null when none. */
    static String result(String replyXml) {
        Element root = parse(replyXml);
        Element error = find(root, "DataAccessError");
        if (error != null) {
            return error.getAttribute("Value");
        }
        Element result = find(root, "Result");
        return result != null && result.hasAttribute("Value") ? result.getAttribute("Value") : null;
    }

    private static void strip(Element e) {
        Node n = e.getFirstChild();
        while (n != null) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.COMMENT_NODE
                    || n.getNodeType() == Node.TEXT_NODE && n.getTextContent().isBlank()) {
                e.removeChild(n);
            } else if (n instanceof Element child) {
                strip(child);
            }
            n = next;
        }
    }

    private static Element find(Element root, String name) {
        if (root == null) {
            return null;
        }
        if (root.getTagName().equals(name)) {
            return root;
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                Element found = find(e, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Element parse(String xml) {
        if (xml == null) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            return doc.getDocumentElement();
        } catch (Exception e) {
            return null; // not XML: nothing to read from it
        }
    }

    private static String write(Element e) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(e), new StreamResult(out));
            return out.toString();
        } catch (Exception ex) {
            throw new IllegalStateException("cannot write XML: " + ex.getMessage(), ex);
        }
    }
}
