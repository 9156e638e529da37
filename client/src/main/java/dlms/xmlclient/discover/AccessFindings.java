package dlms.xmlclient.discover;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The differences between the access an association view declares and what the meter did, one
 * line each: object, attribute or method, declared, observed.
 */
public final class AccessFindings {

    private AccessFindings() {
    }

    /**
     * @param scripts the check's scripts
     * @param replies the replies by script file name, in request order (fewer when a script broke off)
     */
    public static List<String> of(List<AccessRightsScripts.AccessScript> scripts, Map<String, List<String>> replies) {
        List<String> findings = new ArrayList<>();
        for (AccessRightsScripts.AccessScript s : scripts) {
            List<String> r = replies.getOrDefault(s.fileName(), List.of());
            for (int i = 0; i < s.probes().size() && i < r.size(); i++) {
                String finding = finding(s.probes().get(i), r.get(i));
                if (finding != null) {
                    findings.add(finding);
                }
            }
        }
        return findings;
    }

    /** The probes that got no reply (their script broke off), described with the expectation they were left with. */
    public static List<String> unchecked(List<AccessRightsScripts.AccessScript> scripts, Map<String, List<String>> replies) {
        List<String> left = new ArrayList<>();
        for (AccessRightsScripts.AccessScript s : scripts) {
            List<String> r = replies.getOrDefault(s.fileName(), List.of());
            for (int i = r.size(); i < s.probes().size(); i++) {
                AccessProbe p = s.probes().get(i);
                left.add(p.describe() + ": declared " + p.declared() + ": " + AccessRightsScripts.expectation(p));
            }
        }
        return left;
    }

    /** The finding of one probe, or null when the meter did as declared. */
    static String finding(AccessProbe p, String replyXml) {
        String data = ReplyData.data(replyXml);
        String result = ReplyData.result(replyXml);
        String observed;
        boolean asDeclared;
        switch (p.kind()) {
            case READ -> {
                asDeclared = p.allowed() == (data != null);
                observed = data != null ? "it was read" : "the read was refused: " + result;
            }
            case WRITE_BACK, INVOKE -> {
                boolean success = "Success".equals(result);
                asDeclared = p.allowed() == success;
                String what = p.kind() == AccessProbe.Kind.INVOKE ? "invoking it" : "a Set of the value just read";
                observed = what + (success ? " succeeded" : " was refused: " + result);
            }
            case READ_BACK -> {
                asDeclared = p.written().equals(data);
                observed = data == null ? "reading it back was refused: " + result : "it reads back " + data
                        + ", not the value written " + p.written();
            }
            default -> throw new IllegalStateException(p.kind().name());
        }
        return asDeclared ? null : p.describe() + ": declared " + p.declared() + "; " + observed;
    }
}
