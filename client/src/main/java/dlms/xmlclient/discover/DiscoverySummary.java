package dlms.xmlclient.discover;

import dlms.xmlclient.decode.CosemNames;
import dlms.xmlclient.decode.XmlNode;
import dlms.xmlclient.decode.XmlNodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What discover found, read, was refused and left out, in words: the head for the console, the
 * whole (object by object, attribute by attribute) for summary.txt.
 */
public final class DiscoverySummary {

    private final List<String> head = new ArrayList<>();
    private final List<String> detail = new ArrayList<>();

    /**
     * @param objects  the object list as read
     * @param scripts  the suite's message files (reads that got no reply already taken out)
     * @param recorded the replies recorded, by message file, in read order
     * @param noReply  the reads taken out, with the cause
     */
    public DiscoverySummary(String association, List<CosemObject> objects, List<SuiteScripts.SuiteScript> scripts,
            Map<String, List<String>> recorded, Map<PlannedRead, String> noReply, boolean methodsProbed) {
        Map<PlannedRead, String> outcome = new HashMap<>();
        Map<String, Integer> refusals = new TreeMap<>();
        int read = 0;
        for (SuiteScripts.SuiteScript s : scripts) {
            List<String> replies = recorded.getOrDefault(s.fileName(), List.of());
            for (int i = 0; i < s.reads().size(); i++) {
                String refusal = i < replies.size() ? refusal(replies.get(i)) : null;
                if (refusal != null) {
                    refusals.merge(refusal, 1, Integer::sum);
                    outcome.put(s.reads().get(i), "refused by the meter: " + refusal);
                } else {
                    read++;
                    outcome.put(s.reads().get(i), "read");
                }
            }
        }
        noReply.forEach((r, cause) -> outcome.put(r, "no reply, left out of the suite: " + cause));
        int listed = 0;
        int readable = 0;
        int methods = 0;
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (CosemObject o : objects) {
            classes.merge(CosemNames.className(o.classId()), 1, Integer::sum);
            listed += o.attributes().size();
            readable += (int) o.attributes().stream().filter(CosemObject.AttributeAccess::readable).count();
            methods += o.methods().size();
            String words = CosemNames.obisDescription(o.logicalName());
            detail.add(CosemNames.className(o.classId()) + " " + o.logicalName() + (words == null ? "" : " - " + words)
                    + " (class " + o.classId() + " version " + o.version() + ")");
            for (CosemObject.AttributeAccess a : o.attributes()) {
                String name = CosemNames.attributeName(o.classId(), a.attribute());
                String done = !a.readable() ? "left out: the view declares " + a.modeName()
                        : o.unreadableBuffer(a) ? "left out: its access_selectors " + a.selectors() + " offer no entry"
                        + " selection, and the whole buffer could take hours"
                        : outcome.getOrDefault(new PlannedRead(o, a.attribute(), CosemObject.isBuffer(o.classId(),
                                a.attribute())), "not read");
                detail.add("  attribute " + a.attribute() + (name == null ? "" : " (" + name + ")") + ": " + done);
            }
        }
        int refused = refusals.values().stream().mapToInt(Integer::intValue).sum();
        head.add("association: " + association);
        head.add("objects: " + objects.size() + " of " + classes.size() + " classes ("
                + String.join(", ", classes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + ")");
        head.add("attributes: " + listed + " listed, " + readable + " readable in the association view: " + read + " read, "
                + refused + " refused by the meter" + (refusals.isEmpty() ? "" : " " + refusals) + ", " + noReply.size()
                + " without reply; " + (listed - readable) + " left out (the view grants no read access)");
        head.add("methods: " + methods + " listed, " + (methodsProbed ? "those declared no-access invoked by"
                + " --probe-methods (see access-rights.txt)" : "none invoked"));
    }

    /** The reply's data-access-result when the meter refused the read, else null. */
    private static String refusal(String replyXml) {
        XmlNode root = XmlNodes.parse(replyXml);
        XmlNode data = root == null ? null : root.find("Data");
        XmlNode error = root == null ? null : root.find("DataAccessError");
        return data == null && error != null ? error.value() : null;
    }

    public List<String> head() {
        return head;
    }

    public List<String> detail() {
        return detail;
    }
}
