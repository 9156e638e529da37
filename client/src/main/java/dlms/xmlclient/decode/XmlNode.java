package dlms.xmlclient.decode;

import java.util.ArrayList;
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
        if (name.equals(nodeName)) {
            return this;
        }
        for (XmlNode c : children) {
            XmlNode found = c.find(nodeName);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Every node below of that name, in document order, not looking inside a match. */
    public List<XmlNode> findAll(String nodeName) {
        List<XmlNode> found = new ArrayList<>();
        collect(nodeName, found);
        return found;
    }

    private void collect(String nodeName, List<XmlNode> found) {
        for (XmlNode c : children) {
            if (c.name.equals(nodeName)) {
                found.add(c);
            } else {
                c.collect(nodeName, found);
            }
        }
    }
}
