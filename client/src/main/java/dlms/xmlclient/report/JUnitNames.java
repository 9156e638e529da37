package dlms.xmlclient.report;

import dlms.xmlclient.report.RequestTarget.Member;
import dlms.xmlclient.script.Step;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The names a CI server keeps a test's history by: class name and test name. Both come from
 * what does not change when a script is edited or run from elsewhere: the script's path below
 * -x (never the -x folder itself) and what each request asks (never its line or number).
 */
final class JUnitNames {

    /** A long list is named by its first objects, and how many more. */
    private static final int LISTED = 4;

    private JUnitNames() {
    }

    /**
     * The class name of a script: its path below -x without .xml, a dot between folders. Jenkins
     * splits a class name at its last dot into package and class, so a dot inside a folder or
     * file name becomes '_' (1.0.1.8.0.255.xml would be class 255 of package 1.0.1.8.0).
     *
     * @param relativePath the script's path below -x, '/'-separated
     */
    static String className(String relativePath) {
        String path = relativePath.toLowerCase(Locale.ROOT).endsWith(".xml")
                ? relativePath.substring(0, relativePath.length() - 4) : relativePath;
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part.replace('.', '_'));
            }
        }
        return String.join(".", parts);
    }

    /** In a fleet, the meter is the first package: meter-01.clock.1-read. */
    static String className(String meter, String relativePath) {
        return meter.replace('.', '_') + "." + className(relativePath);
    }

    /**
     * The test names of a script's requests, in order: what each asks ({@link #of(RequestTarget)}),
     * and for the second and later of identical ones " (2)", " (3)", ...
     */
    static List<String> testNames(List<Step> steps) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Step step : steps) {
            String name = of(RequestTarget.of(step.requestXml()));
            int n = seen.merge(name, 1, Integer::sum);
            names.add(n == 1 ? name : name + " (" + n + ")");
        }
        return names;
    }

    /**
     * A request in words: {@code Get 1.0.1.8.0.255 attribute 2}, {@code Action 0.0.96.3.10.255 method 1},
     * {@code Read 0x00A8}, {@code Get with list 1.0.1.8.0.255 attribute 2, 0.0.1.0.0.255 attribute 2},
     * {@code Get next block 3}; any other request by its element name ({@code Snrm}).
     */
    static String of(RequestTarget t) {
        String members = members(t.members());
        boolean shortNames = !t.members().isEmpty() && t.members().get(0).byShortName();
        String block = t.blockNumber() < 0 ? "" : String.valueOf(t.blockNumber());
        return words(t.service(), switch (t.form()) {
            case NORMAL, OTHER -> members;
            case WITH_LIST -> shortNames ? members : words("with list", members);
            case NEXT_BLOCK -> words("next block", block);
            case FIRST_BLOCK -> words(members, "first block");
            case BLOCK -> words("block", block);
            case WITH_LIST_FIRST_BLOCK -> words("with list", members, "first block");
        });
    }

    /** The non-empty parts, a space between. */
    private static String words(String... parts) {
        return Arrays.stream(parts).filter(p -> !p.isEmpty()).collect(Collectors.joining(" "));
    }

    private static String members(List<Member> members) {
        String named = members.stream().limit(LISTED).map(JUnitNames::member).collect(Collectors.joining(", "));
        return members.size() > LISTED ? named + " and " + (members.size() - LISTED) + " more" : named;
    }

    private static String member(Member m) {
        String object = m.byShortName() ? (m.shortName() < 0 ? "?" : String.format("0x%04X", m.shortName()))
                : m.logicalName() + (m.method() ? " method " : " attribute ") + (m.index() < 0 ? "?" : m.index());
        return m.selector() < 0 ? object : object + " selector " + m.selector();
    }
}
