package dlms.xmlclient.decode;

import org.w3c.dom.Attr;
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
 * parsed file holds (elements and attributes without namespaces, text, CDATA, comments,
 * processing instructions): the transform's set-up and its serializer cost a cold run more than
 * all the elements of a batch (ElementXmlTest holds the two to the same text). Any other node,
 * and any the transform writes by rules of its own (namespace declarations, an empty CDATA, a
 * comment XML does not allow, an instruction to the transform), goes to the transform, made on
 * first need. Not thread-safe; one per loader.
 */
public final class ElementXml {

    private Transformer serializer;
    /** What the transform writes for a line feed in text: the line separator the JVM started with. */
    private final String lineSeparator = System.lineSeparator();

    public String toXml(Node node) {
        StringBuilder out = new StringBuilder(256);
        return write(node, out) ? out.toString() : transformed(node);
    }

    /** @return false when the tree holds a node the transform writes by rules of its own */
    private boolean write(Node node, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                if (node.getNamespaceURI() != null) {
                    return false; // the transform declares namespaces where it sees fit
                }
                String name = node.getNodeName();
                out.append('<').append(name);
                NamedNodeMap attributes = node.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr a = (Attr) attributes.item(i);
                    if (a.getName().startsWith("xmlns") || a.getNamespaceURI() != null) {
                        return false; // moved, merged or dropped by the transform
                    }
                    out.append(' ').append(a.getName()).append("=\"");
                    if (!escape(a.getValue(), true, out)) {
                        return false;
                    }
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
            case Node.TEXT_NODE -> {
                return escape(node.getNodeValue(), false, out);
            }
            case Node.CDATA_SECTION_NODE -> {
                String text = node.getNodeValue();
                if (text.isEmpty() || text.contains("]]>") || !plain(text)) {
                    return false; // dropped, split or escaped by the transform's own rules
                }
                out.append("<![CDATA[").append(text).append("]]>");
            }
            case Node.COMMENT_NODE -> {
                String text = node.getNodeValue();
                if (text.contains("--") || text.endsWith("-")) {
                    return false; // not a comment XML allows: the transform's to mend
                }
                out.append("<!--").append(text).append("-->");
            }
            case Node.PROCESSING_INSTRUCTION_NODE -> {
                String target = node.getNodeName();
                String data = node.getNodeValue();
                if (target.startsWith("javax.xml.transform.") || data != null && !data.isEmpty()
                        && Character.isWhitespace(data.charAt(0))) {
                    return false; // an instruction to the transform itself, or data it trims
                }
                out.append("<?").append(target);
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
     * the 16-bit plane, and in text DEL and the C1 controls; a line feed in text as the line
     * separator.
     *
     * @return false for a lone surrogate, which the transform refuses
     */
    private boolean escape(String text, boolean attribute, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : lineSeparator);
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (!attribute && c >= 0x7F && c <= 0x9F) {
                        out.append("&#").append((int) c).append(';');
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append("&#").append(Character.toCodePoint(c, text.charAt(++i))).append(';');
                    } else if (Character.isSurrogate(c)) {
                        return false;
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return true;
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
