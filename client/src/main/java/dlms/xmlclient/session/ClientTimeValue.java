package dlms.xmlclient.session;

import dlms.xmlclient.decode.ElementXml;
import gurux.dlms.GXDLMSXmlClient;
import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.TranslatorOutputType;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.WeakHashMap;

/**
 * {@code <OctetString Value="${now}" />} in a request: the client's current time as a COSEM
 * date-time, put in when the request is sent, not when the script is loaded (a loaded script is
 * cached and may run later, and again), so that a script can set a meter's clock to the right
 * time, as GXDLMSDirector's "set clock to PC time" does, and leave the meter as it found it.
 * <p>
 * The date-time (Blue Book 4.1.6.1, 12 octets) is UTC with deviation 0 and clock status 0: it
 * names one instant wherever the test PC is and whatever its daylight saving, and leaves no
 * deviation sign for a meter to misread (meters differ on it). A meter that keeps local time
 * converts it with its own time_zone.
 */
final class ClientTimeValue {

    /** The placeholder, the whole of a Value attribute. */
    static final String NOW = "${now}";

    /**
     * Stands for the time in a template: no script writes it, and it is a valid attribute value.
     * Random, not secure: a UUID's SecureRandom takes milliseconds to seed in a fresh JVM.
     */
    private static final String MARK = "${now:" + Long.toHexString(new SplittableRandom().nextLong()) + "}";

    /** Templates by request node; weak, so a script dropped from the cache takes its own with it. */
    private static final Map<Node, Optional<String>> TEMPLATES = Collections.synchronizedMap(new WeakHashMap<>());

    /** Patches by request node, for SN [0] and LN [1] referencing; {@link #NO_PATCH} where none fits. */
    private static final Map<Node, Object[]> PATCHES = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Object NO_PATCH = new Object();

    private ClientTimeValue() {
    }

    /**
     * @param request a loaded request
     * @param dateTime the client's time, see {@link #dateTime}
     * @param logicalNames the referencing the request is encoded for
     * @return the request with every {@code ${now}} replaced by that date-time, the request
     *         itself when it has none
     * @throws SessionException when the request with the time cannot be encoded
     */
    static GXDLMSXmlPdu resolved(GXDLMSXmlPdu request, String dateTime, boolean logicalNames)
            throws SessionException {
        Node node = request.getXmlNode();
        if (node == null) {
            return request;
        }
        Optional<String> template = template(node);
        if (template.isEmpty()) {
            return request;
        }
        TimePatch patch = patch(node, template.get(), logicalNames);
        return patch != null ? patch.with(dateTime, node) : encoded(template.get().replace(MARK, dateTime), logicalNames);
    }

    /** The request's patch for the referencing, made once; null when its encoding cannot be patched. */
    private static TimePatch patch(Node node, String template, boolean logicalNames) {
        Object[] both = PATCHES.computeIfAbsent(node, n -> new Object[2]);
        int slot = logicalNames ? 1 : 0;
        Object known = both[slot];
        if (known == null) {
            int marks = template.split(java.util.regex.Pattern.quote(MARK), -1).length - 1;
            TimePatch made;
            try {
                made = TimePatch.of(encoded(template.replace(MARK, TimePatch.standIn()), logicalNames), marks);
            } catch (SessionException e) {
                made = null; // the stand-in is no date-time the request takes: each time is encoded as it comes
            }
            known = made == null ? NO_PATCH : made;
            both[slot] = known;
        }
        return known instanceof TimePatch p ? p : null;
    }

    private static GXDLMSXmlPdu encoded(String xml, boolean logicalNames) throws SessionException {
        GXDLMSXmlClient translator = new GXDLMSXmlClient(TranslatorOutputType.SIMPLE_XML);
        translator.setUseLogicalNameReferencing(logicalNames);
        List<GXDLMSXmlPdu> pdus;
        try {
            pdus = translator.load("<Messages>" + xml + "</Messages>", null);
        } catch (RuntimeException e) {
            throw new SessionException(SessionException.Kind.EXCHANGE, "cannot encode the request with " + NOW
                    + " replaced by the client's time: " + e.getMessage(), e);
        }
        if (pdus.size() != 1) {
            throw new SessionException(SessionException.Kind.EXCHANGE, "cannot encode the request with "
                    + NOW + " replaced by the client's time");
        }
        return pdus.get(0);
    }

    /**
     * A request's XML with a mark in place of each {@code ${now}} value, or empty when it has
     * none: made once per loaded request, however many times (and meters) it is sent.
     */
    private static Optional<String> template(Node node) throws SessionException {
        Optional<String> known = TEMPLATES.get(node);
        if (known != null) {
            return known;
        }
        Optional<String> made;
        // The loaded script's DOM is shared by every run of the script: read it under its lock
        // (a deferred DOM changes as it is read), and change only a copy.
        synchronized (node.getOwnerDocument() == null ? node : node.getOwnerDocument()) {
            if (!contains(node)) {
                made = Optional.empty();
            } else {
                Node copy = node.cloneNode(true);
                replace(copy, MARK);
                made = Optional.of(serialised(copy));
            }
        }
        TEMPLATES.put(node, made);
        return made;
    }

    /**
     * @return the COSEM date-time of the clock's instant in UTC: year, month, day, day of week
     *         (1 Monday), hour, minute, second, hundredths, deviation 0, status 0, in hex
     */
    static String dateTime(Clock clock) {
        LocalDateTime t = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        byte[] b = {(byte) (t.getYear() >> 8), (byte) t.getYear(), (byte) t.getMonthValue(),
            (byte) t.getDayOfMonth(), (byte) t.getDayOfWeek().getValue(), (byte) t.getHour(),
            (byte) t.getMinute(), (byte) t.getSecond(), (byte) (t.getNano() / 10_000_000), 0, 0, 0};
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    private static boolean contains(Node node) {
        if (node instanceof Element e) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i != attributes.getLength(); ++i) {
                if (NOW.equals(attributes.item(i).getNodeValue())) {
                    return true;
                }
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (contains(child)) {
                return true;
            }
        }
        return false;
    }

    private static void replace(Node node, String hex) {
        if (node instanceof Element e) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i != attributes.getLength(); ++i) {
                if (NOW.equals(attributes.item(i).getNodeValue())) {
                    attributes.item(i).setNodeValue(hex);
                }
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            replace(child, hex);
        }
    }

    private static String serialised(Node node) throws SessionException {
        try {
            return new ElementXml().toXml(node);
        } catch (IllegalStateException e) { // the JDK's transform failed on a node ElementXml leaves to it
            throw new SessionException(SessionException.Kind.EXCHANGE, "cannot write the request with " + NOW
                    + " replaced: " + e.getMessage(), e);
        }
    }
}
