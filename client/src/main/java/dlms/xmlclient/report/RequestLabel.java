package dlms.xmlclient.report;

import dlms.xmlclient.script.Step;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short name for a request, for test case names: {@code #2 GetRequest 3/1.0.1.8.0.255/2 (line 17)},
 * class id / logical name / attribute or method, read from the request as written.
 */
final class RequestLabel {

    private static final Pattern ROOT = Pattern.compile("<([A-Za-z]+)");
    private static final Pattern CLASS = Pattern.compile("<ClassId Value=\"(\\d+)\"");
    private static final Pattern INSTANCE = Pattern.compile("<InstanceId Value=\"([0-9A-Fa-f]{12})\"");
    private static final Pattern MEMBER = Pattern.compile("<(?:AttributeId|MethodId) Value=\"(\\d+)\"");

    private RequestLabel() {
    }

    static String of(Step step) {
        String xml = step.requestXml() == null ? "" : step.requestXml();
        StringBuilder label = new StringBuilder("#").append(step.number());
        Matcher root = ROOT.matcher(xml);
        if (root.find()) {
            label.append(' ').append(root.group(1));
        }
        Matcher classId = CLASS.matcher(xml);
        Matcher instance = INSTANCE.matcher(xml);
        Matcher member = MEMBER.matcher(xml);
        if (classId.find() && instance.find() && member.find()) {
            label.append(' ').append(classId.group(1)).append('/').append(obis(instance.group(1)))
                    .append('/').append(member.group(1));
        }
        return label.append(" (line ").append(step.line()).append(')').toString();
    }

    private static String obis(String hex) {
        StringBuilder dotted = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            dotted.append(i == 0 ? "" : ".").append(Integer.parseInt(hex.substring(i, i + 2), 16));
        }
        return dotted.toString();
    }
}
