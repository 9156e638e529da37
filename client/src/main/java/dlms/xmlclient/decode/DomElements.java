package dlms.xmlclient.decode;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/** Walking a DOM by its elements, the text and comments between them left out. */
public final class DomElements {

    private DomElements() {
    }

    /** The element children, in order. */
    public static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }

    /** The first element named {@code name}, {@code root} included, depth first; null when none. */
    public static Element find(Element root, String name) {
        if (root == null) {
            return null;
        }
        if (root.getTagName().equals(name)) {
            return root;
        }
        for (Element child : children(root)) {
            Element found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
