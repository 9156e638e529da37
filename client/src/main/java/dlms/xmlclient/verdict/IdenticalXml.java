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

    /** Whether a value the reply has matches the value expected: equal, or by a rule such as a placeholder. */
    interface Values {
        /**
         * @param expected the expected attribute or text node
         * @param actual   the reply's node in the same place
         */
        boolean match(Node expected, String expectedValue, Node actual, String actualValue);
    }

    /** Equal values, and {@code *} for any value. */
    static final Values LITERAL = (e, expectedValue, a, actualValue) -> expectedValue.equals(actualValue)
            || Templates.ANY.equals(expectedValue);

    static boolean same(Element expected, Element actual) {
        return same(expected, actual, LITERAL);
    }

    static boolean same(Element expected, Element actual, Values values) {
        if (!expected.getTagName().equals(actual.getTagName()) || !sameAttributes(expected, actual, values)) {
            return false;
        }
        Node e = next(expected.getFirstChild());
        Node a = next(actual.getFirstChild());
        while (e != null && a != null) {
            boolean same = e instanceof Element ee
                    ? a instanceof Element ae && same(ee, ae, values)
                    : a.getNodeType() == e.getNodeType()
                            && values.match(e, trim(e.getNodeValue()), a, trim(a.getNodeValue()));
            if (!same) {
                return false;
            }
            e = next(e.getNextSibling());
            a = next(a.getNextSibling());
        }
        return e == null && a == null;
    }

    private static boolean sameAttributes(Element expected, Element actual, Values values) {
        NamedNodeMap e = expected.getAttributes();
        NamedNodeMap a = actual.getAttributes();
        if (e.getLength() != a.getLength()) {
            return false;
        }
        for (int i = 0; i < e.getLength(); i++) {
            Attr attr = (Attr) e.item(i);
            Attr other = (Attr) a.getNamedItem(attr.getName());
            if (other == null || !values.match(attr, attr.getValue(), other, other.getValue())) {
                return false;
            }
        }
        return true;
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
                String text = trim(n.getNodeValue());
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

    /** Skips what the comparison ignores: whitespace-only text and comments (processing instructions count). */
    private static Node next(Node n) {
        while (n != null && (n.getNodeType() == Node.COMMENT_NODE
                || (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)
                        && isXmlSpace(n.getNodeValue()))) {
            n = n.getNextSibling();
        }
        return n;
    }

    /** XML's white space (space, tab, CR, LF), as xmlunit trims it: not Unicode's other spaces. */
    static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static boolean isXmlSpace(String text) {
        return trim(text).isEmpty();
    }

    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isXmlSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isXmlSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
