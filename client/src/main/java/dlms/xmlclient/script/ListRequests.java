package dlms.xmlclient.script;

import dlms.xmlclient.decode.DomElements;
import gurux.dlms.enums.Command;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The requests gurux.dlms 4.0.47 encodes wrongly or not at all, encoded here from the Green Book's
 * ASN.1 (DLMS UA 1000-2, xDLMS APDUs, A-XDR; ACSE RLRQ in BER):
 * GET-Request-With-List (C0 03) and SET-Request-With-List (C1 04), where the translator writes a
 * stray 1D before each {@code <AttributeDescriptorWithSelection>}; ACTION-Request-With-List
 * (C3 03) and ACCESS-Request (D9), which its XML loader does not read; and RLRQ (62), which it
 * encodes one byte past its length. Each value is still encoded by the translator
 * ({@link DataEncoder}), so the value work-arounds of {@link RequestValues} apply to it too.
 */
final class ListRequests {

    /** Encodes one Data element as A-XDR. */
    interface DataEncoder {
        byte[] encode(Element value) throws ScriptException;
    }

    private static final int GET_WITH_LIST = 3;
    private static final int SET_WITH_LIST = 4;
    private static final int ACTION_WITH_LIST = 3;
    /** RLRQ's reason: [0] IMPLICIT Release-request-reason, BER context-specific primitive. */
    private static final int RLRQ_REASON_TAG = 0x80;

    private final String relativePath;
    private final DataEncoder data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private ListRequests(String relativePath, DataEncoder data) {
        this.relativePath = relativePath;
        this.data = data;
    }

    /** The command of a request encoded here, or empty for one the translator encodes right. */
    static Optional<Integer> commandOf(Element request) {
        Element body = firstChild(request);
        return Optional.ofNullable(switch (request.getTagName()) {
            case "GetRequest" -> is(body, "GetRequestWithList") ? Command.GET_REQUEST : null;
            case "SetRequest" -> is(body, "SetRequestWithList") ? Command.SET_REQUEST : null;
            case "ActionRequest" -> is(body, "ActionRequestWithList") ? Command.METHOD_REQUEST : null;
            case "AccessRequest" -> Command.ACCESS_REQUEST;
            case "ReleaseRequest" -> onlyReason(request) ? Command.RELEASE_REQUEST : null;
            default -> null;
        });
    }

    /** The APDU of a request for which {@link #commandOf} is present. */
    static byte[] encode(Element request, String relativePath, DataEncoder data) throws ScriptException {
        ListRequests encoder = new ListRequests(relativePath, data);
        switch (request.getTagName()) {
            case "GetRequest" -> encoder.getWithList(firstChild(request));
            case "SetRequest" -> encoder.setWithList(firstChild(request));
            case "ActionRequest" -> encoder.actionWithList(firstChild(request));
            case "AccessRequest" -> encoder.access(request);
            case "ReleaseRequest" -> encoder.release(request);
            default -> throw new IllegalArgumentException(request.getTagName());
        }
        return encoder.out.toByteArray();
    }

    /** Get-Request-With-List: invoke-id-and-priority, SEQUENCE OF Cosem-Attribute-Descriptor-With-Selection. */
    private void getWithList(Element body) throws ScriptException {
        header(Command.GET_REQUEST, GET_WITH_LIST, body);
        attributeDescriptors(required(body, "AttributeDescriptorList"));
    }

    /** Set-Request-With-List: the Get's list, then value-list SEQUENCE OF Data, one per descriptor. */
    private void setWithList(Element body) throws ScriptException {
        header(Command.SET_REQUEST, SET_WITH_LIST, body);
        int items = attributeDescriptors(required(body, "AttributeDescriptorList"));
        dataList(required(body, "ValueList"), items);
    }

    /**
     * Action-Request-With-List: cosem-method-descriptor-list SEQUENCE OF Cosem-Method-Descriptor,
     * method-invocation-parameters SEQUENCE OF Data (one per method; null-data for none).
     */
    private void actionWithList(Element body) throws ScriptException {
        header(Command.METHOD_REQUEST, ACTION_WITH_LIST, body);
        List<Element> methods = counted(required(body, "MethodDescriptorList"));
        length(methods.size());
        for (Element m : methods) {
            expect(m, "MethodDescriptor");
            descriptorOnly(m, "MethodId");
        }
        dataList(required(body, "MethodInvocationParameters"), methods.size());
    }

    /**
     * Access-Request (DLMS 8+): long-invoke-id-and-priority (Unsigned32), date-time OCTET STRING
     * (empty for none), access-request-body: SEQUENCE OF Access-Request-Specification (CHOICE: get
     * [1], set [2], action [3], each a descriptor), then List-Of-Data, one per specification.
     */
    private void access(Element request) throws ScriptException {
        out.write(Command.ACCESS_REQUEST);
        long invoke = number(required(request, "LongInvokeIdAndPriority"), 0xFFFF_FFFFL);
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (invoke >>> shift) & 0xFF);
        }
        Element dateTime = required(request, "DateTime");
        byte[] time = hex(dateTime);
        if (time.length != 0 && time.length != 12) {
            throw mistake(dateTime, "<DateTime Value=\"…\"/>: a date-time is 12 bytes of hex, or empty for none");
        }
        length(time.length);
        out.writeBytes(time);
        Element body = required(request, "AccessRequestBody");
        List<Element> specifications = counted(required(body, "AccessRequestSpecification"));
        length(specifications.size());
        for (Element s : specifications) {
            Element choice = s.getTagName().equals("_AccessRequestSpecification") ? only(s) : s;
            int tag = switch (choice.getTagName()) {
                case "AccessRequestGet" -> 1;
                case "AccessRequestSet" -> 2;
                case "AccessRequestAction" -> 3;
                default -> throw mistake(choice, "<" + choice.getTagName() + ">: expected <AccessRequestGet>,"
                        + " <AccessRequestSet> or <AccessRequestAction>");
            };
            out.write(tag);
            Element descriptor = only(choice);
            // Cosem-Attribute-Descriptor or Cosem-Method-Descriptor: no access selection here.
            if (tag == 3 && descriptor.getTagName().equals("MethodDescriptor")) {
                descriptorOnly(descriptor, "MethodId");
            } else {
                expect(descriptor, "AttributeDescriptor");
                descriptorOnly(descriptor, "AttributeId");
            }
        }
        dataList(required(body, "AccessRequestListOfData"), specifications.size());
    }

    /** RLRQ ::= [APPLICATION 2] IMPLICIT SEQUENCE { reason [0] IMPLICIT Release-request-reason OPTIONAL, … }. */
    private void release(Element request) throws ScriptException {
        out.write(Command.RELEASE_REQUEST);
        Element reason = firstChild(request);
        if (reason == null) {
            out.write(0);
            return;
        }
        int value = switch (reason.getAttribute("Value")) {
            case "Normal", "0" -> 0;
            case "Urgent", "1" -> 1;
            case "UserDefined", "30" -> 30;
            default -> throw mistake(reason, "<Reason Value=\"" + reason.getAttribute("Value")
                    + "\"/>: expected Normal, Urgent or UserDefined (0, 1, 30)");
        };
        out.writeBytes(new byte[] {3, (byte) RLRQ_REASON_TAG, 1, (byte) value});
    }

    private void header(int command, int type, Element body) throws ScriptException {
        out.write(command);
        out.write(type);
        out.write((int) number(required(body, "InvokeIdAndPriority"), 0xFF));
    }

    /** The descriptors of a list, each bare or in {@code <AttributeDescriptorWithSelection>}. */
    private int attributeDescriptors(Element list) throws ScriptException {
        List<Element> items = counted(list);
        length(items.size());
        for (Element item : items) {
            if (item.getTagName().equals("AttributeDescriptorWithSelection")) {
                Element descriptor = required(item, "AttributeDescriptor");
                descriptorOnly(descriptor, "AttributeId");
                selection(child(item, "AccessSelection"));
            } else {
                expect(item, "AttributeDescriptor");
                descriptorOnly(item, "AttributeId");
                selection(null);
            }
        }
        return items.size();
    }

    /** class-id Unsigned16, instance-id OCTET STRING (SIZE(6)), attribute-id or method-id Integer8. */
    private void descriptorOnly(Element descriptor, String memberTag) throws ScriptException {
        int classId = (int) number(required(descriptor, "ClassId"), 0xFFFF);
        out.write(classId >> 8);
        out.write(classId & 0xFF);
        Element instance = required(descriptor, "InstanceId");
        byte[] name = hex(instance);
        if (name.length != 6) {
            throw mistake(instance, "<InstanceId>: a logical name is 6 bytes");
        }
        out.writeBytes(name);
        out.write((int) number(required(descriptor, memberTag), 0xFF));
    }

    /** access-selection Selective-Access-Descriptor OPTIONAL: 00, or 01 selector parameters. */
    private void selection(Element selection) throws ScriptException {
        if (selection == null) {
            out.write(0);
            return;
        }
        out.write(1);
        out.write((int) number(required(selection, "AccessSelector"), 0xFF));
        out.writeBytes(data.encode(only(required(selection, "AccessParameters"))));
    }

    private void dataList(Element list, int expected) throws ScriptException {
        List<Element> values = counted(list);
        if (values.size() != expected) {
            throw mistake(list, "<" + list.getTagName() + ">: holds " + values.size() + " values for " + expected
                    + " items (one each, <None /> for none)");
        }
        length(values.size());
        for (Element value : values) {
            out.writeBytes(data.encode(value));
        }
    }

    /** An A-XDR length or count: one byte up to 127, else 0x8n and n bytes. */
    private void length(int n) {
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xFF);
        }
    }

    /** The child elements, checked against the element's {@code Qty} when it has one. */
    private List<Element> counted(Element list) throws ScriptException {
        List<Element> items = DomElements.children(list);
        if (list.hasAttribute("Qty") && !list.getAttribute("Qty").strip().equals(Integer.toString(items.size()))
                && !isHexCount(list.getAttribute("Qty"), items.size())) {
            throw mistake(list, "<" + list.getTagName() + " Qty=\"" + list.getAttribute("Qty") + "\">: holds "
                    + items.size() + " elements (Qty must count them)");
        }
        return items;
    }

    /** The translator writes counts in hex ({@code Qty="02"}): a file it wrote is read as it wrote it. */
    private static boolean isHexCount(String qty, int count) {
        try {
            return qty.strip().length() % 2 == 0 && Integer.parseInt(qty.strip(), 16) == count;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private long number(Element e, long max) throws ScriptException {
        String value = e.getAttribute("Value").strip();
        try {
            long n = Long.parseLong(value);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e2) {
            // named below
        }
        throw mistake(e, "<" + e.getTagName() + " Value=\"" + value + "\"/>: expected a number, 0 to " + max);
    }

    private byte[] hex(Element e) throws ScriptException {
        try {
            return HexFormat.of().parseHex(e.getAttribute("Value").replaceAll("\\s", ""));
        } catch (IllegalArgumentException x) {
            throw mistake(e, "<" + e.getTagName() + " Value=\"" + e.getAttribute("Value") + "\"/>: expected hex");
        }
    }

    private Element required(Element parent, String tag) throws ScriptException {
        Element found = child(parent, tag);
        if (found == null) {
            throw mistake(parent, "<" + parent.getTagName() + "> has no <" + tag + ">");
        }
        return found;
    }

    private Element only(Element parent) throws ScriptException {
        List<Element> inside = DomElements.children(parent);
        if (inside.size() != 1) {
            throw mistake(parent, "<" + parent.getTagName() + "> must hold one element, not " + inside.size());
        }
        return inside.get(0);
    }

    private void expect(Element e, String tag) throws ScriptException {
        if (!e.getTagName().equals(tag)) {
            throw mistake(e, "<" + e.getTagName() + ">: expected <" + tag + "> here");
        }
    }

    private ScriptException mistake(Element e, String message) {
        return new ScriptException(relativePath + ":" + LineNumberedXml.lineOf(e), message, null);
    }

    private static Element child(Element parent, String tag) {
        for (Element e : DomElements.children(parent)) {
            if (e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static Element firstChild(Element parent) {
        List<Element> inside = DomElements.children(parent);
        return inside.isEmpty() ? null : inside.get(0);
    }

    private static boolean is(Element e, String tag) {
        return e != null && e.getTagName().equals(tag);
    }

    private static boolean onlyReason(Element release) {
        List<Element> inside = DomElements.children(release);
        return inside.isEmpty() || inside.size() == 1 && inside.get(0).getTagName().equals("Reason");
    }
}
