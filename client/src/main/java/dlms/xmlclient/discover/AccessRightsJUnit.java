package dlms.xmlclient.discover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The access-rights check as JUnit XML with one test case per attribute or method (its read,
 * write-back and read-back probes together): a finding fails it, a probe without reply makes it
 * an error. Names: class {@code access-rights.register}, test {@code 1.0.1.8.0.255 attribute 3 (scaler_unit)}.
 */
public final class AccessRightsJUnit {

    private AccessRightsJUnit() {
    }

    /**
     * @param replies the replies by script file, in request order
     * @param millis  each reply's exchange time, likewise
     * @param seconds the whole check's time
     */
    public static String of(List<AccessRightsScripts.AccessScript> scripts, Map<String, List<String>> replies,
            Map<String, List<Long>> millis, double seconds) {
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (AccessRightsScripts.AccessScript s : scripts) {
            List<String> r = replies.getOrDefault(s.fileName(), List.of());
            List<Long> ms = millis.getOrDefault(s.fileName(), List.of());
            Map<String, Long> time = new LinkedHashMap<>();
            Map<String, List<String>> findings = new LinkedHashMap<>();
            Map<String, Boolean> answered = new LinkedHashMap<>();
            for (int i = 0; i < s.probes().size(); i++) {
                AccessProbe p = s.probes().get(i);
                String member = p.describe();
                findings.computeIfAbsent(member, k -> new ArrayList<>());
                answered.merge(member, i < r.size(), Boolean::logicalAnd);
                time.merge(member, i < ms.size() ? ms.get(i) : 0L, Long::sum);
                String finding = i < r.size() ? AccessFindings.finding(p, r.get(i)) : null;
                if (finding != null) {
                    findings.get(member).add(finding);
                }
            }
            String className = "access-rights." + s.fileName().replaceFirst("\\.xml$", "");
            for (Map.Entry<String, List<String>> e : findings.entrySet()) {
                tests++;
                // the class name is the classname's already: the test is the object and the member
                String name = e.getKey().replaceFirst("^.*? (\\d+\\.\\d+\\.\\d+\\.\\d+\\.\\d+\\.\\d+ )", "$1");
                cases.append("    <testcase classname=\"").append(escape(className)).append("\" name=\"")
                        .append(escape(name)).append("\" time=\"")
                        .append(String.format(Locale.ROOT, "%.3f", time.get(e.getKey()) / 1000.0)).append("\"");
                if (!answered.get(e.getKey())) {
                    errors++;
                    cases.append(">\n      <error message=\"no reply: not checked\"/>\n    </testcase>\n");
                } else if (!e.getValue().isEmpty()) {
                    failures++;
                    String text = String.join("; ", e.getValue());
                    cases.append(">\n      <failure message=\"").append(escape(text)).append("\">")
                            .append(escape(text)).append("</failure>\n    </testcase>\n");
                } else {
                    cases.append("/>\n");
                }
            }
        }
        String counts = "tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors + "\"";
        String time = " time=\"" + String.format(Locale.ROOT, "%.3f", seconds) + "\"";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"access-rights\" " + counts + time
                + ">\n  <testsuite name=\"access-rights\" " + counts + " skipped=\"0\"" + time + ">\n" + cases
                + "  </testsuite>\n</testsuites>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
