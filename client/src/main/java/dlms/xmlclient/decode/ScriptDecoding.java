package dlms.xmlclient.decode;

import dlms.xmlclient.decode.DecodedReply.ProfileTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes the replies of one script together: a register's value is scaled by the scaler_unit
 * the same script read, a profile's buffer is laid out by the capture_objects it read. Nothing
 * here changes what is compared; it only adds words.
 */
public final class ScriptDecoding {

    private final List<XmlNode> requests = new ArrayList<>();
    private final List<XmlNode> replies = new ArrayList<>();
    private final Map<String, ScalerUnit> scalers = new HashMap<>();
    private final Map<String, List<CaptureObject>> captures = new HashMap<>();

    /** One request of a script and its reply, as XML; the reply is null when none came. */
    public record Exchange(String requestXml, String replyXml) {
        // equals and hashCode written out: a record's own bootstrap through ObjectMethods on first call,
        // milliseconds of a cold start (docs/developer-notes.md).
        @Override
        public boolean equals(Object o) {
            return o instanceof Exchange e && Objects.equals(e.requestXml, requestXml)
                    && Objects.equals(e.replyXml, replyXml);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(requestXml) + Objects.hashCode(replyXml);
        }
    }

    /** Readings and annotated replies made so far, by index: a decoding is shared by the meters whose exchanges were the same. */
    private final DecodedReply[] readings;
    private final String[] annotated;
    private final List<String> replyTexts = new ArrayList<>();

    /** @param exchanges the script's requests and replies, in script order */
    public ScriptDecoding(List<Exchange> exchanges) {
        readings = new DecodedReply[exchanges.size()];
        annotated = new String[exchanges.size()];
        for (Exchange exchange : exchanges) {
            replyTexts.add(exchange.replyXml());
            XmlNode request = requestNode(exchange.requestXml());
            XmlNode reply = XmlNodes.parse(exchange.replyXml());
            requests.add(request);
            replies.add(reply);
            learn(request, reply);
        }
    }

    /** A decoding that learns as the script goes ({@link #next}), keeping no reply. */
    public static ScriptDecoding live() {
        return new ScriptDecoding(List.of());
    }

    /** What a request asks for, in words ("Get Register 1.0.1.8.0.255 attribute 2 (value)"). */
    public static String request(String requestXml) {
        String known = requestXml == null ? null : DESCRIBED.get(requestXml);
        if (known == null) {
            XmlNode request = requestNode(requestXml);
            known = describe(request, CosemTarget.of(request));
            if (requestXml != null && DESCRIBED.size() < MAX_KNOWN) {
                DESCRIBED.put(requestXml, known);
            }
        }
        return known;
    }

    /**
     * A script's request, parsed once however many meters send it (bounded: a request may hold a
     * meter's own values). Replies differ from meter to meter and are parsed each time.
     */
    private static XmlNode requestNode(String requestXml) {
        XmlNode known = requestXml == null ? null : REQUESTS.get(requestXml);
        if (known == null) {
            known = XmlNodes.parse(requestXml);
            if (known != null && REQUESTS.size() < MAX_KNOWN) {
                REQUESTS.put(requestXml, known);
            }
        }
        return known;
    }

    private static final int MAX_KNOWN = 4096;
    private static final Map<String, XmlNode> REQUESTS = new ConcurrentHashMap<>();
    private static final Map<String, String> DESCRIBED = new ConcurrentHashMap<>();

    /**
     * The reading of a reply just received, in the light of what the script read before it
     * (a scaler_unit read later does not count here: the words are written as the replies come).
     */
    public DecodedReply next(String requestXml, String replyXml) {
        XmlNode request = requestNode(requestXml);
        XmlNode reply = XmlNodes.parse(replyXml);
        learn(request, reply);
        return decode(request, reply);
    }

    /** Remembers scaler_units and capture objects, whichever request of the script read them. */
    private void learn(XmlNode request, XmlNode reply) {
        List<CosemTarget> targets = CosemTarget.of(request);
        List<XmlNode> values = values(reply);
        for (int i = 0; i < Math.min(targets.size(), values.size()); i++) {
            CosemTarget t = targets.get(i);
            XmlNode value = values.get(i);
            if (value == null || t.method()) {
                continue;
            }
            int c = t.classId();
            if ((c == 3 || c == 4) && t.index() == 3 || c == 5 && t.index() == 4) {
                ScalerUnit su = ScalerUnit.of(value);
                if (su != null) {
                    scalers.put(t.obis(), su);
                }
            } else if (c == 7 && t.index() == 3) {
                List<CaptureObject> columns = CaptureObject.listOf(value);
                if (columns != null) {
                    captures.put(t.obis(), columns);
                }
            }
        }
    }

    /** The reading of the reply to request {@code index} (0-based). */
    public DecodedReply reply(int index) {
        if (index >= readings.length) { // a live decoding's
            return decode(requests.get(index), replies.get(index));
        }
        DecodedReply reading = readings[index];
        if (reading == null) { // two threads may both make it: the same reading either way
            reading = decode(requests.get(index), replies.get(index));
            readings[index] = reading;
        }
        return reading;
    }

    /** The reply to request {@code index} with its values' meanings in comments, as a reply file shows it. */
    public String annotatedReply(int index) {
        String text = index < annotated.length ? annotated[index] : null;
        if (text == null) {
            String reply = replyTexts.get(index);
            text = CommentedXml.annotated(reply, reply, reply(index).comments());
            if (index < annotated.length) {
                annotated[index] = text;
            }
        }
        return text;
    }

    private DecodedReply decode(XmlNode request, XmlNode reply) {
        List<CosemTarget> targets = CosemTarget.of(request);
        Map<Integer, String> comments = new TreeMap<>();
        ValueReading reading = new ValueReading(scalers, comments);
        List<XmlNode> values = values(reply);
        String summary = null;
        ProfileTable table = null;
        for (int i = 0; i < values.size(); i++) {
            XmlNode value = values.get(i);
            if (value == null) {
                continue;
            }
            CosemTarget target = values.size() == targets.size() || targets.size() == 1 && i == 0
                    ? (i < targets.size() ? targets.get(i) : null) : null;
            List<CaptureObject> columns = target == null ? null : columns(request, target);
            String read = reading.read(value, target, columns);
            summary = summary == null ? read : read == null ? summary : summary + "; " + read;
            if (table == null && target != null && target.classId() == 7 && target.index() == 2
                    && value.name().equals("Array")) {
                table = table(value, columns);
            }
        }
        return new DecodedReply(describe(request, targets), description(targets), comments, summary, table);
    }

    private static String describe(XmlNode request, List<CosemTarget> targets) {
        XmlNode pdu = pdu(request);
        String service = pdu == null ? "?" : service(pdu.name());
        if (pdu != null && (service.equals("HdlcFrame") || service.equals("RawFrame"))) {
            return linkLayerStep(pdu);
        }
        if (targets.isEmpty()) {
            return request != null && request.find("GetRequestNext") != null ? service + " next block" : service;
        }
        StringBuilder s = new StringBuilder(service);
        for (int i = 0; i < targets.size(); i++) {
            s.append(i == 0 ? " " : ", ").append(targets.get(i).describe());
        }
        return s.toString();
    }

    /** A link-layer step as the script writes it: {@code HdlcFrame Control=SNRM Fcs=wrong}, long values cut. */
    private static String linkLayerStep(XmlNode step) {
        StringBuilder s = new StringBuilder(step.name());
        step.attributes().forEach((name, value) -> {
            String v = value.strip().replaceAll("\\s+", " ");
            s.append(' ').append(name).append('=').append(v.length() > 40 ? v.substring(0, 40) + "…" : v);
        });
        return s.toString();
    }

    /** The PDU itself: a whole frame's XML (HDLC, WRAPPER) holds it in its {@code <PDU>}. */
    public static XmlNode pdu(XmlNode root) {
        XmlNode inFrame = root == null ? null : root.child("PDU");
        return inFrame != null && !inFrame.children().isEmpty() ? inFrame.children().get(0) : root;
    }

    /** "Get" from "GetRequest", "Read" from "ReadRequest"; other PDUs by their own name. */
    static String service(String pdu) {
        return pdu.endsWith("Request") ? pdu.substring(0, pdu.length() - "Request".length()) : pdu;
    }

    private static String description(List<CosemTarget> targets) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (CosemTarget t : targets) {
            String d = t.obisDescription();
            if (d != null) {
                seen.putIfAbsent(t.obis(), d);
            }
        }
        if (seen.isEmpty()) {
            return null;
        }
        if (seen.size() == 1) {
            return seen.values().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        seen.forEach((obis, d) -> parts.add(obis + ": " + d));
        return String.join("; ", parts);
    }

    /** The values a reply carries, one per object asked for (Data, or a data-access-result in its place). */
    static List<XmlNode> values(XmlNode reply) {
        List<XmlNode> values = new ArrayList<>();
        if (reply == null) {
            return values;
        }
        for (XmlNode data : reply.findAll("Data")) {
            values.add(data.children().isEmpty() ? null : data.children().get(0));
        }
        return values;
    }

    /** A buffer's columns: the capture objects read, narrowed by the request's selected values. */
    private List<CaptureObject> columns(XmlNode request, CosemTarget target) {
        if (target.classId() != 7 || target.index() != 2) {
            return null;
        }
        List<CaptureObject> all = captures.get(target.obis());
        XmlNode parameters = request.find("AccessParameters");
        XmlNode selection = parameters == null || parameters.children().isEmpty() ? null : parameters.children().get(0);
        if (selection == null || selection.children().size() != 4) {
            return all;
        }
        List<XmlNode> p = selection.children();
        if (target.selector() == 1) {
            List<CaptureObject> selected = CaptureObject.listOf(p.get(3));
            return selected == null || selected.isEmpty() ? all : selected;
        }
        if (target.selector() == 2 && all != null) {
            Integer from = CosemTarget.number(p.get(2).value());
            Integer to = CosemTarget.number(p.get(3).value());
            if (from == null || to == null || from < 1 || from > all.size()) {
                return null;
            }
            return all.subList(from - 1, to == 0 || to > all.size() ? all.size() : Math.max(to, from));
        }
        return all;
    }

    private ProfileTable table(XmlNode rows, List<CaptureObject> columns) {
        int width = rows.children().stream().mapToInt(r -> r.children().size()).max().orElse(0);
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            heads.add(columns != null && i < columns.size() ? head(columns.get(i)) : "column " + (i + 1));
        }
        ValueReading cells = new ValueReading(scalers, new HashMap<>());
        List<List<String>> body = new ArrayList<>();
        for (XmlNode row : rows.children()) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < row.children().size(); i++) {
                XmlNode cell = row.children().get(i);
                CosemTarget column = columns != null && i < columns.size() ? columns.get(i).target() : null;
                String text = cells.read(cell, column, null);
                line.add(text != null ? text : cell.name().toLowerCase(Locale.ROOT));
            }
            body.add(line);
        }
        return new ProfileTable(heads, body);
    }

    /** "1.0.1.8.0.255 value" under the class name: short enough for a column head. */
    private static String head(CaptureObject c) {
        String name = CosemNames.attributeName(c.classId(), c.attribute());
        return CosemNames.className(c.classId()) + " " + c.obis() + " "
                + (name != null ? name : "attribute " + c.attribute());
    }
}
