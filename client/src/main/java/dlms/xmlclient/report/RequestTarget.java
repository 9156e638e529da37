package dlms.xmlclient.report;

import dlms.xmlclient.decode.QuietDom;

import dlms.xmlclient.script.ObisCode;
import dlms.xmlclient.script.ScriptLoader;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a request asks of the meter, read from its Gurux translator XML: the service (Get, Set,
 * Action; Read and Write by short name), its form (normal, with a list, a block of a long
 * transfer) and the objects it names. It depends on the request alone, never on where the
 * request stands in its script, so names made from it survive editing the script.
 *
 * @param service     Get, Set, Action, Read, Write or Access; for any other request (Snrm,
 *                    AssociationRequest, ReleaseRequest, a ciphered glo_GetRequest, ...) its element name
 * @param form        which form of the service
 * @param members     the objects named, in order (none in a next-block request)
 * @param blockNumber the BlockNumber of a block request, or -1
 */
public record RequestTarget(String service, Form form, List<Member> members, long blockNumber) {

    /** The services the xDLMS request elements stand for. */
    private static final Map<String, String> SERVICES = Map.of("GetRequest", "Get", "SetRequest", "Set",
            "ActionRequest", "Action", "ReadRequest", "Read", "WriteRequest", "Write", "AccessRequest", "Access");

    public RequestTarget {
        members = List.copyOf(members);
    }

    /** The form of a service, from the element below the service's (GetRequestWithList: WITH_LIST). */
    public enum Form {
        NORMAL,
        WITH_LIST,
        /** GetRequestForNextDataBlock, ActionRequestForNextPBlock, an SN BlockNumberAccess. */
        NEXT_BLOCK,
        /** SetRequestFirstDataBlock, ActionRequestWithFirstBlock: an object and the first block. */
        FIRST_BLOCK,
        /** SetRequestWithDataBlock, ActionRequestWithBlock: a later block. */
        BLOCK,
        WITH_LIST_FIRST_BLOCK,
        /** Not an xDLMS get/set/action/read/write, or a form this class does not know. */
        OTHER
    }

    /**
     * One object a request names: by logical name, or by short name (then classId and index are -1
     * and logicalName is null). A number not given, or not a number, is -1.
     *
     * @param classId     the interface class
     * @param logicalName the OBIS code, dotted (1.0.1.8.0.255)
     * @param index       the attribute or method index
     * @param method      true for a method (MethodDescriptor), false for an attribute
     * @param shortName   the short-name address (VariableName)
     * @param selector    the selective access selector, or -1 for none
     */
    public record Member(int classId, String logicalName, int index, boolean method, int shortName, int selector) {

        public boolean byShortName() {
            return logicalName == null;
        }
    }

    /**
     * The target of one request element. XML that does not parse gives service "Request", form
     * OTHER and no members: a name for it, not a failure.
     */
    public static RequestTarget of(String requestXml) {
        // A fleet names the same few requests for every meter: parsed once each (bounded: a
        // request's XML may hold a meter's own values).
        RequestTarget known = requestXml == null ? null : KNOWN.get(requestXml);
        if (known == null) {
            known = parsed(requestXml);
            if (requestXml != null && KNOWN.size() < MAX_KNOWN) {
                KNOWN.put(requestXml, known);
            }
        }
        return known;
    }

    private static final int MAX_KNOWN = 4096;
    private static final Map<String, RequestTarget> KNOWN = new ConcurrentHashMap<>();

    private static RequestTarget parsed(String requestXml) {
        Element root = QuietDom.parse(requestXml);
        if (root == null) {
            return new RequestTarget("Request", Form.OTHER, List.of(), -1);
        }
        if (FrameTarget.isFrame(root)) {
            return new RequestTarget(FrameTarget.describe(root), Form.OTHER, List.of(), -1);
        }
        String tag = root.getTagName();
        String service = SERVICES.getOrDefault(tag, tag);
        List<Member> members = new ArrayList<>();
        long block = -1;
        boolean blockAccess = false;
        for (Element e : ScriptLoader.descendants(root)) {
            switch (e.getTagName()) {
                case "AttributeDescriptor", "MethodDescriptor" -> members.add(logicalName(e));
                case "VariableName" -> members.add(shortName(e));
                case "BlockNumber" -> block = block < 0 ? number(e, 10) : block;
                case "BlockNumberAccess" -> blockAccess = true;
                default -> {
                }
            }
        }
        return new RequestTarget(service, form(root, service, members.size(), blockAccess), members, block);
    }

    private static Form form(Element root, String service, int members, boolean blockAccess) {
        if (service.equals("Read") || service.equals("Write")) {
            // Short-name services have no forms of their own: a list is more than one variable.
            return blockAccess ? Form.NEXT_BLOCK : members > 1 ? Form.WITH_LIST : Form.NORMAL;
        }
        Element first = firstChild(root);
        if (!SERVICES.containsKey(root.getTagName()) || first == null
                || !first.getTagName().startsWith(root.getTagName())) {
            return Form.OTHER;
        }
        return switch (first.getTagName().substring(root.getTagName().length())) {
            case "Normal" -> Form.NORMAL;
            case "WithList" -> Form.WITH_LIST;
            case "ForNextDataBlock", "ForNextPBlock" -> Form.NEXT_BLOCK;
            case "FirstDataBlock", "WithFirstDataBlock", "WithFirstBlock" -> Form.FIRST_BLOCK;
            case "WithDataBlock", "WithBlock" -> Form.BLOCK;
            case "WithListAndFirstBlock", "WithListAndFirstDataBlock" -> Form.WITH_LIST_FIRST_BLOCK;
            default -> Form.OTHER;
        };
    }

    private static Member logicalName(Element descriptor) {
        int classId = -1;
        String name = "?";
        int index = -1;
        for (Element e = firstChild(descriptor); e != null; e = nextSibling(e)) {
            switch (e.getTagName()) {
                case "ClassId" -> classId = (int) number(e, 10);
                case "InstanceId" -> name = dotted(e.getAttribute("Value"));
                case "AttributeId", "MethodId" -> index = (int) number(e, 10);
                default -> {
                }
            }
        }
        // Selective access stands beside the descriptor: in GetRequestNormal or AttributeDescriptorWithSelection.
        int selector = -1;
        for (Element e = firstChild((Element) descriptor.getParentNode()); e != null; e = nextSibling(e)) {
            if (e.getTagName().equals("AccessSelection")) {
                for (Element s = firstChild(e); s != null; s = nextSibling(s)) {
                    selector = s.getTagName().equals("AccessSelector") ? (int) number(s, 10) : selector;
                }
            }
        }
        return new Member(classId, name, index, descriptor.getTagName().equals("MethodDescriptor"), -1, selector);
    }

    private static Member shortName(Element variable) {
        int selector = -1;
        Node parent = variable.getParentNode();
        if (parent instanceof Element access && access.getTagName().equals("ParameterisedAccess")) {
            for (Element e = firstChild(access); e != null; e = nextSibling(e)) {
                selector = e.getTagName().equals("Selector") ? (int) number(e, 10) : selector;
            }
        }
        return new Member(-1, null, -1, false, (int) number(variable, 16), selector);
    }

    /** An InstanceId as 1.0.1.8.0.255; a value that is no logical name stays as written. */
    private static String dotted(String value) {
        return ObisCode.hex(value).map(hex -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 12; i += 2) {
                s.append(i == 0 ? "" : ".").append(Integer.parseInt(hex.substring(i, i + 2), 16));
            }
            return s.toString();
        }).orElse(value);
    }

    /** The Value attribute as a number (the Gurux XML client reads decimal, short names in hex), or -1. */
    private static long number(Element e, int radix) {
        try {
            long value = Long.parseLong(e.getAttribute("Value").strip(), radix);
            return value < 0 || value > Integer.MAX_VALUE ? -1 : value;
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static Element firstChild(Element parent) {
        Node n = parent.getFirstChild();
        while (n != null && !(n instanceof Element)) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }

    private static Element nextSibling(Element e) {
        Node n = e.getNextSibling();
        while (n != null && !(n instanceof Element)) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }
}
