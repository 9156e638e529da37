package dlms.xmlclient.decode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One element of a Gurux translator XML text, with the line its start tag is on: enough of a
 * tree to read a PDU's meaning and to say which line a decoded value belongs to.
 */
public record XmlNode(String name, Map<String, String> attributes, List<XmlNode> children, int line) {

    /** The {@code Value} attribute, or null. */
    public String value() {
        return attributes.get("Value");
    }

    /** The first child of that name, or null. */
    public XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** The {@code Value} of the first child of that name, or null. */
    public String childValue(String childName) {
        XmlNode c = child(childName);
        return c == null ? null : c.value();
    }

    /** The first node below (depth first, this one included) of that name, or null. */
    public XmlNode find(String nodeName) {
        // Without recursion: a hostile reply may nest thousands deep.
        Deque<XmlNode> todo = new ArrayDeque<>();
        todo.push(this);
        while (!todo.isEmpty()) {
            XmlNode n = todo.pop();
            if (n.name.equals(nodeName)) {
                return n;
            }
            for (int i = n.children.size() - 1; i >= 0; i--) {
                todo.push(n.children.get(i));
            }
        }
        return null;
    }

    /** Every node below of that name, in document order, not looking inside a match. */
    public List<XmlNode> findAll(String nodeName) {
        List<XmlNode> found = new ArrayList<>();
        Deque<XmlNode> todo = new ArrayDeque<>();
        for (int i = children.size() - 1; i >= 0; i--) {
            todo.push(children.get(i));
        }
        while (!todo.isEmpty()) {
            XmlNode n = todo.pop();
            if (n.name.equals(nodeName)) {
                found.add(n);
                continue;
            }
            for (int i = n.children.size() - 1; i >= 0; i--) {
                todo.push(n.children.get(i));
            }
        }
        return found;
    }
}
