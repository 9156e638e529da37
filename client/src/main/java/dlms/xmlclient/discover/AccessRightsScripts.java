package dlms.xmlclient.discover;

import dlms.xmlclient.decode.CosemNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scripts of the access-rights check, one per interface class, each request followed by the
 * reply the declaration asks for (inline expectations, so that the run's verdicts, junit.xml
 * and report.html are the check's): every listed attribute is read (declared readable: data;
 * otherwise: refused). With write probes, a static value just read is written back (declared
 * writable: success, then read back unchanged; otherwise: refused); with method probes, every
 * method declared no-access is invoked (refused). Never written back, since that could change a
 * meter: a value that moves by itself (its class rule, see {@link Looseness}, or seen moving
 * between two reads), a partial read (a profile's first entry), and the attributes whose Set a
 * meter acts on even with the value it has: a profile's capture definition (3 to 8, a change of
 * which clears its buffer), associations, security setups, image transfer and the communication
 * setups (a Set may restart the link).
 */
public final class AccessRightsScripts {

    /** One message file of the check and its probes, in request order. */
    public record AccessScript(String fileName, String xml, List<AccessProbe> probes) {
    }

    /** A value longer than this (in XML) is not written back: it would need a Set in blocks. */
    private static final int LONGEST_WRITE = 4000;
    /**
     * Classes never written back: Association LN (15), SAP assignment (17), Image transfer (18),
     * IEC local port (19), IEC HDLC (23), Modem and Auto answer/connect (27 to 29), TCP-UDP (41),
     * IPv4 (42), MAC (43), PPP (44), GPRS modem (45), GSM diagnostic (47), IPv6 (48), Security
     * setup (64).
     */
    private static final Set<Integer> NEVER_WRITTEN = Set.of(15, 17, 18, 19, 23, 27, 28, 29, 41,
            42, 43, 44, 45, 47, 48, 64);

    private AccessRightsScripts() {
    }

    /** Reads only: every listed attribute. */
    public static List<AccessScript> reads(List<CosemObject> objects) {
        return of(objects, null, Set.of(), false);
    }

    /**
     * @param values       the data read by {@link #reads}, by {@link #key}; null for no write probes
     * @param moved        the keys of values seen moving between two reads: never written back
     * @param probeMethods invoke the methods declared no-access
     */
    public static List<AccessScript> of(List<CosemObject> objects, Map<String, String> values,
            Set<String> moved, boolean probeMethods) {
        Map<Integer, List<AccessProbe>> byClass = new TreeMap<>();
        for (CosemObject o : objects) {
            List<AccessProbe> probes = byClass.computeIfAbsent(o.classId(), k -> new ArrayList<>());
            for (CosemObject.AttributeAccess a : o.attributes()) {
                if (o.unreadableBuffer(a)) {
                    continue; // not read at all (see CosemObject)
                }
                probes.add(new AccessProbe(o, a.attribute(), AccessProbe.Kind.READ, a.modeName(), a.readable(), null));
                String value = values == null ? null : values.get(key(o, a.attribute()));
                if (value != null && !moved.contains(key(o, a.attribute())) && writesBack(o, a.attribute(), value)) {
                    probes.add(new AccessProbe(o, a.attribute(), AccessProbe.Kind.WRITE_BACK, a.modeName(),
                            a.writable(), value));
                    if (a.writable()) {
                        probes.add(new AccessProbe(o, a.attribute(), AccessProbe.Kind.READ_BACK, a.modeName(), true,
                                value));
                    }
                }
            }
            if (probeMethods) {
                for (CosemObject.MethodAccess m : o.methods()) {
                    if (!m.allowed()) {
                        probes.add(new AccessProbe(o, m.method(), AccessProbe.Kind.INVOKE, "no-access", false, null));
                    }
                }
            }
        }
        List<AccessScript> scripts = new ArrayList<>();
        byClass.forEach((classId, probes) -> {
            if (!probes.isEmpty()) {
                scripts.add(new AccessScript(SuiteScripts.fileName(classId), xml(classId, probes), List.copyOf(probes)));
            }
        });
        return scripts;
    }

    /** The key of a value read, for {@link #of}. */
    public static String key(CosemObject o, int attribute) {
        return o.classId() + "/" + o.logicalName() + "/" + attribute;
    }

    private static boolean writesBack(CosemObject o, int attribute, String value) {
        Looseness rule = Looseness.of(o.classId(), attribute);
        boolean moves = rule == Looseness.NUMBER ? Looseness.NUMBERS.stream().anyMatch(n -> value.startsWith("<" + n + " "))
                : rule != Looseness.LITERAL;
        return !moves && !NEVER_WRITTEN.contains(o.classId()) && !(o.classId() == 7 && attribute >= 2)
                && value.length() <= LONGEST_WRITE;
    }

    private static String xml(int classId, List<AccessProbe> probes) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        b.append("<!-- Access-rights check of the ").append(CosemNames.className(classId)).append(" objects (class ")
                .append(classId).append("): each request is followed by the reply the association view's declaration"
                        + " asks for -->\n<Messages>\n");
        int invokeId = 0;
        for (AccessProbe p : probes) {
            invokeId = invokeId % 15 + 1;
            CosemObject o = p.object();
            String why = "declared " + p.declared() + ": " + expectation(p);
            b.append("  <!-- ").append(p.describe()).append(": ").append(why).append(" -->\n");
            switch (p.kind()) {
                case READ -> {
                    boolean firstEntry = CosemObject.isBuffer(o.classId(), p.member());
                    b.append(RequestXml.get(o, p.member(), invokeId, firstEntry ? RequestXml.FIRST_ENTRY : ""));
                    b.append(RequestXml.getReply(!p.allowed(), null, why));
                }
                case WRITE_BACK -> {
                    b.append(RequestXml.set(o, p.member(), invokeId, p.written()));
                    b.append(RequestXml.setReply(!p.allowed(), why));
                }
                case READ_BACK -> {
                    b.append(RequestXml.get(o, p.member(), invokeId, ""));
                    b.append(RequestXml.getReply(false, p.written(), why));
                }
                case INVOKE -> {
                    b.append(RequestXml.action(o, p.member(), invokeId));
                    b.append(RequestXml.actionRefused(why));
                }
                default -> throw new IllegalStateException(p.kind().name());
            }
        }
        return b.append("</Messages>\n").toString();
    }

    /** What the declaration asks of the request, in words. */
    static String expectation(AccessProbe p) {
        return switch (p.kind()) {
            case READ -> p.allowed() ? "must read" : "a read must be refused";
            case WRITE_BACK -> p.allowed() ? "a Set of the value just read must succeed"
                    : "a Set of the value just read must be refused";
            case READ_BACK -> "must read back the value written";
            case INVOKE -> "invoking it must be refused";
        };
    }

    /** The data of the READ probes' replies, by {@link #key}, for the write probes. */
    public static Map<String, String> valuesRead(List<AccessScript> scripts, Map<String, List<String>> replies) {
        Map<String, String> values = new LinkedHashMap<>();
        for (AccessScript s : scripts) {
            List<String> r = replies.getOrDefault(s.fileName(), List.of());
            for (int i = 0; i < s.probes().size() && i < r.size(); i++) {
                AccessProbe p = s.probes().get(i);
                String data = p.kind() == AccessProbe.Kind.READ ? ReplyData.data(r.get(i)) : null;
                if (data != null) {
                    values.put(key(p.object(), p.member()), data);
                }
            }
        }
        return values;
    }
}
