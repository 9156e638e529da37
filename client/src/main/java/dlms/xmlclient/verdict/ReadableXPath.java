package dlms.xmlclient.verdict;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XPath of a node as a person reads it: {@code /GetResponse/GetResponseNormal/Result/Data/UInt32/@Value}.
 * An index appears only where siblings share a name ({@code Structure/UInt8[2]}), so the path
 * still selects exactly one node.
 */
final class ReadableXPath {

    private ReadableXPath() {
    }

    static String of(Node node) {
        if (node == null) {
            return "";
        }
        if (node instanceof Attr attr) {
            return of(attr.getOwnerElement()) + "/@" + attr.getName();
        }
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            return of(node.getParentNode()) + "/text()";
        }
        if (!(node instanceof Element element)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (Node n = element; n instanceof Element e; n = e.getParentNode()) {
            path.insert(0, "/" + e.getTagName() + index(e));
        }
        return path.toString();
    }

    /** "[n]" when a sibling has the same name, else "". */
    private static String index(Element element) {
        int position = 0;
        int same = 0;
        Node parent = element.getParentNode();
        if (parent == null) {
            return "";
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(element.getTagName())) {
                same++;
                if (e == element) {
                    position = same;
                }
            }
        }
        return same > 1 ? "[" + position + "]" : "";
    }
}
