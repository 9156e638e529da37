package dlms.xmlclient.decode;

import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.util.function.Function;

/** A DOM as text, to hold two readers to the same tree: every node's type, name, attributes in the DOM's order and value. */
public final class DomDump {

    private DomDump() {
    }

    public static String of(Node node) {
        return of(node, n -> "");
    }

    /** @param extra what else to say of each node (its line, say) */
    public static String of(Node node, Function<Node, Object> extra) {
        StringBuilder out = new StringBuilder();
        dump(node, extra, out);
        return out.toString();
    }

    private static void dump(Node node, Function<Node, Object> extra, StringBuilder out) {
        out.append('[').append(node.getNodeType()).append(' ').append(node.getNodeName()).append(extra.apply(node));
        NamedNodeMap attributes = node.getAttributes();
        if (attributes != null) {
            for (int i = 0; i < attributes.getLength(); i++) {
                out.append(' ').append(attributes.item(i).getNodeName()).append("='")
                        .append(attributes.item(i).getNodeValue()).append('\'');
            }
        }
        if (node.getNodeValue() != null) {
            out.append(" value='").append(node.getNodeValue()).append('\'');
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            dump(c, extra, out);
        }
        out.append(']');
    }
}
