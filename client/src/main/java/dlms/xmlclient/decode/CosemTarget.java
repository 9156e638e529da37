package dlms.xmlclient.decode;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What one request addresses: an attribute or method of an object (logical name referencing), or
 * a short-name variable. Read from the request's Gurux XML.
 *
 * @param classId   the interface class, 0 for a short name
 * @param obis      the logical name, dotted ("1.0.1.8.0.255"), or the short name in hex ("00A8")
 * @param index     the attribute or method index, 0 for a short name
 * @param method    a method (Action) rather than an attribute
 * @param selector  the selective access selector (1 by range, 2 by entry), 0 for none
 */
public record CosemTarget(int classId, String obis, int index, boolean method, int selector) {

    /** The objects a request addresses, in order; empty for one that addresses none (a next block). */
    public static List<CosemTarget> of(XmlNode request) {
        List<CosemTarget> targets = new ArrayList<>();
        if (request == null) {
            return targets;
        }
        XmlNode access = request.find("AccessRequestSpecification");
        if (access != null) {
            // In the request's order; an action item may name its method in an AttributeDescriptor
            // (the translator's own form).
            for (XmlNode item : access.children()) {
                boolean wrapped = item.name().startsWith("_") && !item.children().isEmpty();
                XmlNode choice = wrapped ? item.children().get(0) : item;
                boolean action = choice.name().equals("AccessRequestAction");
                XmlNode d = choice.child("MethodDescriptor") != null ? choice.child("MethodDescriptor")
                        : choice.child("AttributeDescriptor");
                if (d != null) {
                    add(targets, d, d.name().equals("MethodDescriptor") ? "MethodId" : "AttributeId", action, 0);
                }
            }
            return targets;
        }
        for (XmlNode d : request.findAll("AttributeDescriptor")) {
            add(targets, d, "AttributeId", false, selector(request, d));
        }
        for (XmlNode d : request.findAll("MethodDescriptor")) {
            add(targets, d, "MethodId", true, 0);
        }
        for (XmlNode v : request.findAll("VariableName")) {
            if (v.value() != null) {
                targets.add(new CosemTarget(0, v.value().toUpperCase(java.util.Locale.ROOT), 0, false, 0));
            }
        }
        return targets;
    }

    private static void add(List<CosemTarget> targets, XmlNode descriptor, String indexName, boolean method,
            int selector) {
        Integer classId = number(descriptor.childValue("ClassId"));
        String obis = dotted(descriptor.childValue("InstanceId"));
        Integer index = number(descriptor.childValue(indexName));
        if (classId != null && obis != null && index != null) {
            targets.add(new CosemTarget(classId, obis, index, method, selector));
        }
    }

    /** The access selector that goes with this descriptor (a normal Get's or a list item's sits beside it). */
    private static int selector(XmlNode request, XmlNode descriptor) {
        XmlNode normal = request.find("GetRequestNormal");
        for (XmlNode item : request.findAll("AttributeDescriptorWithSelection")) {
            normal = item.child("AttributeDescriptor") == descriptor ? item : normal;
        }
        if (normal == null || normal.child("AttributeDescriptor") != descriptor) {
            return 0;
        }
        XmlNode selection = normal.child("AccessSelection");
        Integer selector = selection == null ? null : number(selection.childValue("AccessSelector"));
        return selector == null ? 0 : selector;
    }

    /** "Register 1.0.1.8.0.255 attribute 2 (value)", "Clock 0.0.1.0.0.255 method 1 (adjust_to_quarter)", "00A8". */
    public String describe() {
        if (classId == 0) {
            return obis;
        }
        String name = method ? CosemNames.methodName(classId, index) : CosemNames.attributeName(classId, index);
        StringBuilder s = new StringBuilder(CosemNames.className(classId)).append(' ').append(obis)
                .append(method ? " method " : " attribute ").append(index);
        if (name != null) {
            s.append(" (").append(name).append(')');
        }
        if (selector == 1) {
            s.append(" by range");
        } else if (selector == 2) {
            s.append(" by entry");
        } else if (selector != 0) {
            s.append(" with selector ").append(selector);
        }
        return s.toString();
    }

    /** The OBIS table's description of this object, or null (short names have none). */
    public String obisDescription() {
        return classId == 0 ? null : CosemNames.obisDescription(obis);
    }

    /** "1.0.1.8.0.255" from "0100010800FF"; null when not 6 octets of hex. */
    static String dotted(String hex) {
        String h = hex == null ? "" : hex.strip();
        if (h.length() != 12) {
            return null;
        }
        StringBuilder s = new StringBuilder(23);
        for (int i = 0; i < 12; i += 2) {
            // ASCII hex digits only (Character.digit takes other scripts' digits too)
            if (!HexFormat.isHexDigit(h.charAt(i)) || !HexFormat.isHexDigit(h.charAt(i + 1))) {
                return null;
            }
            s.append(i == 0 ? "" : ".").append(HexFormat.fromHexDigits(h, i, i + 2));
        }
        return s.toString();
    }

    static Integer number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.decode(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
