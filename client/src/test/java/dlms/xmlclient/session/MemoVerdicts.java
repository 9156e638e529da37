package dlms.xmlclient.session;

import dlms.xmlclient.verdict.Check;
import dlms.xmlclient.verdict.ReplyComparator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runner.check's verdicts, with each distinct pair of expectation and reply compared once (per
 * thread): the comparator is a function of the two (clock placeholders aside, whose reference is
 * the send time), and most replies of a fuzz case are the recorded ones. It costs a few
 * milliseconds a comparison (xmlunit compiles its comment-stripping XSLT every time), which
 * would otherwise be most of the fuzz run.
 */
final class MemoVerdicts implements ScriptReplay.Verdicts {

    private static final int KEPT = 4096;
    private final ReplyComparator comparator = new ReplyComparator();
    private final Map<String, Check> known = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Check> eldest) {
            return size() > KEPT;
        }
    };
    private long compared;

    @Override
    public Check check(String expectedXml, String replyXml, Instant sentAt) {
        String key = expectedXml + '\u0000' + replyXml;
        Check check = known.get(key);
        if (check == null) {
            compared++;
            check = ScriptReplay.check(expectedXml, replyXml, sentAt, comparator);
            known.put(key, check);
        }
        return check;
    }

    /** How many comparisons the comparator made. */
    long compared() {
        return compared;
    }
}
