package dlms.xmlclient.script;

import dlms.xmlclient.wire.hdlc.Fcs16;
import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One link-layer step's frame: {@code <RawFrame Value="7E A0 07 03 21 93 0F 01 7E"/>} sent byte
 * for byte, or {@code <HdlcFrame Control="SNRM"/>} built by the tool with its format, addresses
 * and check sequences, so that a wrong check sequence is written on purpose ({@code Fcs="wrong"}
 * or its two bytes) and never by a slip of the pen.
 *
 * @param bytes             what is sent
 * @param replyWithinMillis how long to listen for the reply; 0 for the run's reply wait time
 */
public record LinkLayerFrame(byte[] bytes, int replyWithinMillis) {

    /** Commands a client sends by name, P bit set: the rest by their control field in hex. */
    private static final Map<String, HdlcControl.Kind> NAMED = Map.of("SNRM", HdlcControl.Kind.SNRM,
            "DISC", HdlcControl.Kind.DISC, "UI", HdlcControl.Kind.UI);
    private static final Set<String> RAW_ATTRIBUTES = Set.of("Value", "ReplyWithin");
    private static final Set<String> HDLC_ATTRIBUTES = Set.of("Control", "Server", "Client", "Information", "Hcs",
            "Fcs", "Segmented", "ReplyWithin");
    /** The longest wait a step may ask for: longer is a typo, not a test. */
    private static final int MAX_WAIT_MILLIS = 600_000;

    /**
     * @param location      file:line of the element, for a mistake's message
     * @param clientAddress the run's client address, where the element names none
     * @param serverAddress the run's server address (gurux.dlms numbering), where it names none
     */
    public static LinkLayerFrame of(Element e, String location, int clientAddress, int serverAddress)
            throws ScriptException {
        boolean raw = e.getTagName().equals("RawFrame");
        unknownAttributes(e, raw ? RAW_ATTRIBUTES : HDLC_ATTRIBUTES, location);
        int wait = e.hasAttribute("ReplyWithin") ? millis(e, location) : 0;
        if (raw) {
            byte[] bytes = hex(required(e, "Value", location), "Value", location);
            if (bytes.length == 0) {
                throw new ScriptException(location, "<RawFrame Value=\"\"/>: no bytes to send", null);
            }
            return new LinkLayerFrame(bytes, wait);
        }
        int control = control(required(e, "Control", location), location);
        HdlcAddress server = address(e, "Server", serverAddress, location);
        HdlcAddress client = address(e, "Client", clientAddress, location);
        byte[] info = e.hasAttribute("Information") ? hex(e.getAttribute("Information"), "Information", location)
                : new byte[0];
        if (info.length > 2000) {
            throw new ScriptException(location, "<HdlcFrame Information=…/>: " + info.length
                    + " bytes, more than an 11-bit frame length can count", null);
        }
        byte[] frame = HdlcEncoder.encode(server, client, control, info, "true".equals(e.getAttribute("Segmented")));
        int hcsAt = 3 + server.size() + client.size() + 1;
        if (info.length > 0) {
            checkSequence(e, "Hcs", frame, hcsAt, location);
            Fcs16.put(frame, 1, frame.length - 3); // the FCS right over the header as written: only the HCS is wrong
        } else if (e.hasAttribute("Hcs")) {
            throw new ScriptException(location, "<HdlcFrame Hcs=…/>: a frame without information field has one"
                    + " check sequence; write it as Fcs", null);
        }
        checkSequence(e, "Fcs", frame, frame.length - 3, location);
        return new LinkLayerFrame(frame, wait);
    }

    /** Replaces the computed check sequence at {@code at} by the one the element writes, if any. */
    private static void checkSequence(Element e, String name, byte[] frame, int at, String location)
            throws ScriptException {
        if (!e.hasAttribute(name)) {
            return;
        }
        String value = e.getAttribute(name).strip();
        if (value.equalsIgnoreCase("wrong")) {
            frame[at] ^= (byte) 0xFF; // the right one with every bit of its first byte flipped
            return;
        }
        byte[] given = hex(value, name, location);
        if (given.length != 2) {
            throw new ScriptException(location, "<HdlcFrame " + name + "=\"" + value
                    + "\"/>: two bytes (low byte first, as sent) or wrong", null);
        }
        frame[at] = given[0];
        frame[at + 1] = given[1];
        if (Fcs16.matches(frame, 1, at)) {
            throw new ScriptException(location, "<HdlcFrame " + name + "=\"" + value + "\"/>: that is the right "
                    + name.toUpperCase(Locale.ROOT) + "; leave it out to have it computed", null);
        }
    }

    private static int control(String value, String location) throws ScriptException {
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (NAMED.containsKey(v)) {
            return HdlcControl.unnumbered(NAMED.get(v), true);
        }
        byte[] b = v.startsWith("0X") ? hexOrNull(v.substring(2)) : hexOrNull(v);
        if (b == null || b.length != 1) {
            throw new ScriptException(location, "<HdlcFrame Control=\"" + value + "\"/>: SNRM, DISC, UI or one byte"
                    + " in hex (93, 0x10 for an I-frame with N(S)=0 N(R)=0 P=1)", null);
        }
        return b[0] & 0xFF;
    }

    private static HdlcAddress address(Element e, String name, int runs, String location) throws ScriptException {
        if (!e.hasAttribute(name)) {
            return HdlcAddress.of(runs);
        }
        String value = e.getAttribute(name).strip();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0 || parsed > 0x3FFF_FFFF) {
                throw new NumberFormatException();
            }
            return HdlcAddress.of(parsed);
        } catch (IllegalArgumentException ex) {
            throw new ScriptException(location, "<HdlcFrame " + name + "=\"" + value
                    + "\"/>: an address as a number, as -" + (name.equals("Server") ? "s" : "c") + " takes it", null);
        }
    }

    private static int millis(Element e, String location) throws ScriptException {
        String value = e.getAttribute("ReplyWithin").strip();
        try {
            int ms = Integer.parseInt(value);
            if (ms < 1 || ms > MAX_WAIT_MILLIS) {
                throw new NumberFormatException();
            }
            return ms;
        } catch (NumberFormatException ex) {
            throw new ScriptException(location, "<" + e.getTagName() + " ReplyWithin=\"" + value
                    + "\"/>: milliseconds, 1 to " + MAX_WAIT_MILLIS, null);
        }
    }

    private static String required(Element e, String name, String location) throws ScriptException {
        if (!e.hasAttribute(name)) {
            throw new ScriptException(location, "<" + e.getTagName() + "> needs " + name + "=\"…\"", null);
        }
        return e.getAttribute(name);
    }

    private static void unknownAttributes(Element e, Set<String> known, String location) throws ScriptException {
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            String name = e.getAttributes().item(i).getNodeName();
            if (!known.contains(name)) {
                throw new ScriptException(location, "<" + e.getTagName() + " " + name + "=…/>: unknown attribute"
                        + " (known: " + String.join(", ", known.stream().sorted().toList()) + ")", null);
            }
        }
        if (e.getFirstChild() != null && !e.getTextContent().isBlank()) {
            throw new ScriptException(location, "<" + e.getTagName() + "> takes attributes only", null);
        }
    }

    private static byte[] hex(String value, String name, String location) throws ScriptException {
        byte[] b = hexOrNull(value);
        if (b == null) {
            throw new ScriptException(location, name + "=\"" + value
                    + "\": not bytes in hex (7E A0 07 … or 7EA007…)", null);
        }
        return b;
    }

    /** Hex bytes, spaces allowed between them; null when the text is not that. */
    static byte[] hexOrNull(String text) {
        String digits = text.replaceAll("\\s+", "");
        if (digits.length() % 2 != 0 || !digits.matches("[0-9A-Fa-f]*")) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < digits.length(); i += 2) {
            out.write(Integer.parseInt(digits.substring(i, i + 2), 16));
        }
        return out.toByteArray();
    }
}
