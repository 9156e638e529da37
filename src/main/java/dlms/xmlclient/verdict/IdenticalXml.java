package dlms.xmlclient.verdict;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The common case first: a reply identical to its expectation (same elements in the same order,
 * same attributes, same text, whitespace around text aside, {@code *} matching anything) needs no xmlunit diff, which builds
 * a comparison object for every node and costs more than the exchange itself. Anything else,
 * wildcards and placeholders included, is left to the full comparison.
 */
final class IdenticalXml {

    private IdenticalXml() {
    }

    static boolean same(Element expected, Element actual) {
        if (!expected.getTagName().equals(actual.getTagName()) || !sameAttributes(expected, actual)) {
            return false;
        }
        Node e = next(expected.getFirstChild());
        Node a = next(actual.getFirstChild());
        while (e != null && a != null) {
            boolean same = e instanceof Element ee
                    ? a instanceof Element ae && same(ee, ae)
                    : !(a instanceof Element) && sameValue(e.getNodeValue().strip(), a.getNodeValue().strip());
            if (!same) {
                return false;
            }
            e = next(e.getNextSibling());
            a = next(a.getNextSibling());
        }
        return e == null && a == null;
    }

    private static boolean sameAttributes(Element expected, Element actual) {
        NamedNodeMap e = expected.getAttributes();
        NamedNodeMap a = actual.getAttributes();
        if (e.getLength() != a.getLength()) {
            return false;
        }
        for (int i = 0; i < e.getLength(); i++) {
            Attr attr = (Attr) e.item(i);
            Attr other = (Attr) a.getNamedItem(attr.getName());
            if (other == null || !sameValue(attr.getValue(), other.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** {@code *} matches any value, as {@link ReplyComparator}'s wildcard evaluator has it. */
    private static boolean sameValue(String expected, String actual) {
        return expected.equals(actual) || Templates.ANY.equals(expected);
    }

    /**
     * What xmlunit's ignoreWhitespace() does, in place: text is trimmed, and text that is only
     * whitespace (indentation) removed, so that only elements and real text remain to compare.
     */
    static void stripWhitespace(Node parent) {
        Node n = parent.getFirstChild();
        while (n != null) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = n.getNodeValue().strip();
                if (text.isEmpty()) {
                    parent.removeChild(n);
                } else {
                    n.setNodeValue(text);
                }
            } else if (n instanceof Element) {
                stripWhitespace(n);
            }
            n = next;
        }
    }

    /** Skips what the comparison ignores: whitespace-only text, comments, processing instructions. */
    private static Node next(Node n) {
        while (n != null && !(n instanceof Element)
                && !((n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)
                        && !n.getNodeValue().isBlank())) {
            n = n.getNextSibling();
        }
        return n;
    }
}
