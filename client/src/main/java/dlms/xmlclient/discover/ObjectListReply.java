package dlms.xmlclient.discover;

import dlms.xmlclient.decode.XmlNode;
import dlms.xmlclient.decode.XmlNodes;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the object list out of the reply to a Get of an Association LN's attribute 2
 * (object_list: array of structure {class_id, version, logical_name, access_rights}), as the
 * run logs it in XML.
 */
public final class ObjectListReply {

    private ObjectListReply() {
    }

    /**
     * @param replyXml the GetResponse, blocks already joined
     * @return the objects, in the meter's order
     * @throws IllegalArgumentException when the reply is no object list, in words naming what is wrong
     */
    public static List<CosemObject> parse(String replyXml) {
        return parse(replyXml, RequestProtection.NONE);
    }

    /**
     * @param protection what the association's requests carry: an access mode that asks for more
     *                   grants nothing
     */
    public static List<CosemObject> parse(String replyXml, RequestProtection protection) {
        XmlNode root = XmlNodes.parse(replyXml);
        if (root == null) {
            throw new IllegalArgumentException("the reply is not XML");
        }
        XmlNode error = root.find("DataAccessError");
        if (error != null) {
            throw new IllegalArgumentException("the meter refused to read the object list: " + error.value());
        }
        XmlNode data = root.find("Data");
        XmlNode list = data == null || data.children().isEmpty() ? null : data.children().get(0);
        if (list == null || !list.name().equals("Array")) {
            throw new IllegalArgumentException("the reply holds no array of objects (object_list)");
        }
        AccessModes modes = new AccessModes(associationVersion(list), protection);
        List<CosemObject> objects = new ArrayList<>();
        int index = 0;
        for (XmlNode entry : list.children()) {
            index++;
            objects.add(entry(entry, index, modes));
        }
        return objects;
    }

    /** The version of the Association LN objects the list holds (their access modes' encoding); 0 when none. */
    private static int associationVersion(XmlNode list) {
        for (XmlNode entry : list.children()) {
            List<XmlNode> f = entry.children();
            if (f.size() >= 2 && "15".equals(f.get(0).value())) {
                try {
                    return Integer.parseInt(f.get(1).value());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static CosemObject entry(XmlNode entry, int index, AccessModes modes) {
        List<XmlNode> f = entry.children();
        if (!entry.name().equals("Structure") || f.size() < 3) {
            throw new IllegalArgumentException("object_list entry " + index + " is not a structure of class_id,"
                    + " version, logical_name and access_rights (found " + entry.name() + " of " + f.size() + ")");
        }
        int classId = number(f.get(0), index, "class_id");
        int version = number(f.get(1), index, "version");
        String ln = dotted(f.get(2).value(), index);
        List<CosemObject.AttributeAccess> attributes = new ArrayList<>();
        List<CosemObject.MethodAccess> methods = new ArrayList<>();
        if (f.size() > 3 && f.get(3).children().size() >= 1) {
            for (XmlNode item : f.get(3).children().get(0).children()) {
                List<XmlNode> a = item.children();
                if (a.size() >= 2) {
                    attributes.add(modes.attribute(number(a.get(0), index, "attribute_id"),
                            number(a.get(1), index, "access_mode"), a.size() > 2 ? selectors(a.get(2)) : List.of()));
                }
            }
            if (f.get(3).children().size() >= 2) {
                for (XmlNode item : f.get(3).children().get(1).children()) {
                    List<XmlNode> m = item.children();
                    if (m.size() >= 2) {
                        methods.add(modes.method(number(m.get(0), index, "method_id"), mode(m.get(1), index)));
                    }
                }
            }
        }
        return new CosemObject(classId, version, ln, attributes, methods);
    }

    private static List<Integer> selectors(XmlNode node) {
        List<Integer> found = new ArrayList<>();
        for (XmlNode s : node.children()) {
            try {
                found.add(Integer.parseInt(s.value()));
            } catch (NumberFormatException e) {
                // not a selector number: left out
            }
        }
        return found;
    }

    /** Version 0 lists method access as a boolean, later versions as an enum. */
    private static int mode(XmlNode node, int index) {
        if (node.name().equals("Boolean")) {
            String v = node.value();
            return "true".equalsIgnoreCase(v) || "1".equals(v) ? 1 : 0;
        }
        return number(node, index, "method access_mode");
    }

    private static int number(XmlNode node, int index, String field) {
        try {
            return Integer.parseInt(node.value());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("object_list entry " + index + ": " + field + " is not a number ("
                    + node.name() + " " + node.value() + ")");
        }
    }

    private static String dotted(String hex, int index) {
        if (hex == null || !hex.matches("[0-9A-Fa-f]{12}")) {
            throw new IllegalArgumentException("object_list entry " + index + ": logical_name is not 6 bytes ("
                    + hex + ")");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            b.append(b.length() == 0 ? "" : ".").append(Integer.parseInt(hex.substring(i, i + 2), 16));
        }
        return b.toString();
    }
}
