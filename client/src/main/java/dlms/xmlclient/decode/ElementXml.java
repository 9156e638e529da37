package dlms.xmlclient.decode;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;

/**
 * One element of a message or expected file back to XML text, as the JDK's identity transform
 * writes it (the text the reports show and the translator reads). Written here for the nodes a
 * parsed file holds (elements, attributes, text, CDATA, comments, processing instructions): the
 * transform's set-up and its serializer cost a cold run more than all the elements of a batch
 * (ElementXmlTest holds the two to the same text). Any other node goes to the transform, made
 * on first need. Not thread-safe; one per loader.
 */
public final class ElementXml {

    private Transformer serializer;

    public String toXml(Node node) {
        StringBuilder out = new StringBuilder(256);
        return write(node, out) ? out.toString() : transformed(node);
    }

    /** @return false when the tree holds a node written only by the transform */
    private static boolean write(Node node, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                String name = node.getNodeName();
                out.append('<').append(name);
                NamedNodeMap attributes = node.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr a = (Attr) attributes.item(i);
                    out.append(' ').append(a.getName()).append("=\"");
                    escape(a.getValue(), true, out);
                    out.append('"');
                }
                Node child = node.getFirstChild();
                if (child == null) {
                    out.append("/>");
                    return true;
                }
                out.append('>');
                for (; child != null; child = child.getNextSibling()) {
                    if (!write(child, out)) {
                        return false;
                    }
                }
                out.append("</").append(name).append('>');
            }
            case Node.TEXT_NODE -> escape(node.getNodeValue(), false, out);
            case Node.CDATA_SECTION_NODE -> {
                String text = node.getNodeValue();
                if (text.contains("]]>") || !plain(text)) {
                    return false; // split or escaped by the transform's own rules
                }
                out.append("<![CDATA[").append(text).append("]]>");
            }
            case Node.COMMENT_NODE -> out.append("<!--").append(node.getNodeValue()).append("-->");
            case Node.PROCESSING_INSTRUCTION_NODE -> {
                String data = node.getNodeValue();
                out.append("<?").append(node.getNodeName());
                if (data != null && !data.isEmpty()) {
                    out.append(' ').append(data);
                }
                out.append("?>");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * The transform's escapes: markup characters by name; in attributes also the quote and the
     * white-space characters a parser would fold; by number carriage returns, characters beyond
     * the 16-bit plane, and in text DEL and the C1 controls.
     */
    private static void escape(String text, boolean attribute, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (!attribute && c >= 0x7F && c <= 0x9F) {
                        out.append("&#").append((int) c).append(';');
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append("&#").append(Character.toCodePoint(c, text.charAt(++i))).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    private String transformed(Node node) {
        try {
            if (serializer == null) {
                // The JDK's own: newInstance() may give ours (ElementTransformerFactory), which writes with this class.
                serializer = TransformerFactory.newDefaultInstance().newTransformer();
                serializer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            }
            StringWriter out = new StringWriter();
            serializer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
