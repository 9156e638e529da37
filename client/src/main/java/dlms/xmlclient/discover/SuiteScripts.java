package dlms.xmlclient.discover;

import dlms.xmlclient.decode.CosemNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The discovered suite's message files: one per interface class, so that a big association
 * view takes one association per class, each reading every attribute the view declares readable,
 * in the meter's order. Methods are never invoked and nothing is written.
 */
public final class SuiteScripts {

    /** A message file of the suite: its name below messages/, its text and what it reads, in order. */
    public record SuiteScript(String fileName, String xml, List<PlannedRead> reads) {
    }

    private SuiteScripts() {
    }

    public static List<SuiteScript> of(List<CosemObject> objects) {
        Map<Integer, List<PlannedRead>> byClass = new LinkedHashMap<>();
        for (CosemObject object : objects) {
            for (CosemObject.AttributeAccess access : object.attributes()) {
                if (access.readable() && !object.unreadableBuffer(access)) {
                    byClass.computeIfAbsent(object.classId(), k -> new ArrayList<>()).add(new PlannedRead(object,
                            access.attribute(), CosemObject.isBuffer(object.classId(), access.attribute())));
                }
            }
        }
        List<SuiteScript> scripts = new ArrayList<>();
        byClass.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> scripts.add(new SuiteScript(fileName(e.getKey()), xml(e.getKey(), e.getValue()),
                        List.copyOf(e.getValue()))));
        return scripts;
    }

    /** The same class's script with other reads (fewer, after one got no reply). */
    public static SuiteScript of(String fileName, List<PlannedRead> reads) {
        return new SuiteScript(fileName, reads.isEmpty() ? "" : xml(reads.get(0).object().classId(), reads),
                List.copyOf(reads));
    }

    /** The script that reads the object list of the association in use (0.0.40.0.0.255 attribute 2). */
    public static String objectListScript() {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <!-- Discover: the object list of the association in use -->
                <Messages>
                  <GetRequest>
                    <GetRequestNormal>
                      <InvokeIdAndPriority Value="193" />
                      <AttributeDescriptor>
                        <ClassId Value="15" />
                        <!-- 0.0.40.0.0.255 -->
                        <InstanceId Value="0000280000FF" />
                        <AttributeId Value="2" />
                      </AttributeDescriptor>
                    </GetRequestNormal>
                  </GetRequest>
                </Messages>
                """;
    }

    /** "register.xml", "profile-generic.xml"; "class-9999.xml" for a class neither we nor gurux.dlms know. */
    static String fileName(int classId) {
        return CosemNames.className(classId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".xml";
    }

    private static String xml(int classId, List<PlannedRead> reads) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        b.append("<!-- Discovered: every attribute of the ").append(CosemNames.className(classId))
                .append(" objects (class ").append(classId).append(") that the association declares readable -->\n");
        b.append("<Messages>\n");
        int invokeId = 0;
        for (PlannedRead read : reads) {
            CosemObject o = read.object();
            invokeId = invokeId % 15 + 1; // 1 to 15, high priority, confirmed: 0xC1 to 0xCF
            b.append("  <!-- ").append(read.describe()).append(description(o)).append(" -->\n");
            b.append(RequestXml.get(o, read.attribute(), invokeId, read.byEntry() ? RequestXml.FIRST_ENTRY : ""));
        }
        return b.append("</Messages>\n").toString();
    }

    private static String description(CosemObject o) {
        String words = CosemNames.obisDescription(o.logicalName());
        return words == null || words.isBlank() ? "" : " - " + words.replace("--", "-");
    }
}
