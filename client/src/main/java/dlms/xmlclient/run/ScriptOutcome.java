package dlms.xmlclient.run;

import dlms.xmlclient.script.Script;
import dlms.xmlclient.verdict.Check;
import dlms.xmlclient.verdict.Verdict;

import java.util.List;

/**
 * What happened to one script.
 *
 * @param source        the file
 * @param script        the loaded script, or null when it could not be loaded
 * @param status        how it ended
 * @param requests      one per request of the script (empty when it could not be loaded), in order
 * @param error         the one-line cause when status is not COMPLETED
 * @param elapsedMillis wall time of the script, connection included
 * @param trace         the frame trace of this script
 */
public record ScriptOutcome(ScriptSource source, Script script, Status status, List<RequestResult> requests,
                            String error, long elapsedMillis, String trace) {

    public ScriptOutcome {
        requests = List.copyOf(requests);
    }

    public enum Status {
        /** Every request got its reply (error replies included). */
        COMPLETED,
        /** The file (or its expected file) could not be used; nothing was sent. */
        BAD_INPUT,
        /** The link could not be opened or the association failed. */
        NO_CONNECTION,
        /** The link failed part-way, or the run was stopped; the replies before are kept. */
        BROKEN,
        /** The run stopped before this script (Ctrl-C, --fail-fast); error says why. */
        NOT_RUN
    }

    /**
     * This outcome as the end of a run needs it (verdicts, counts, one-line causes), without
     * the reply and expected texts and the trace: those went to the reply files and the
     * reports' per-script parts when the script finished, so a run holds little per script.
     * A reply keeps its place (its text is empty), so that the counts stay.
     */
    public ScriptOutcome withoutReplies() {
        List<RequestResult> slim = requests.stream().map(r -> new RequestResult(r.step(),
                r.reply() == null ? null : new StepReply(r.step(), r.reply().replyXml() == null ? null : "",
                        r.reply().sentAt(), r.reply().elapsedMillis()),
                new Check(r.check().verdict(), null, r.check().differences(), r.check().note(),
                        r.check().warnings()))).toList();
        return new ScriptOutcome(source, script, status, slim, error, elapsedMillis, "");
    }

    /** The replies received, in request order. */
    public List<StepReply> replies() {
        return requests.stream().map(RequestResult::reply).filter(r -> r != null).toList();
    }

    public int requestCount() {
        return script == null ? 0 : script.steps().size();
    }

    /**
     * The script's verdict: ERROR when it did not complete; otherwise FAIL when a reply failed,
     * ERROR when one could not be compared, PASS when at least one was checked and none failed,
     * NOT_CHECKED when none was checked.
     */
    public Verdict verdict() {
        if (status != Status.COMPLETED) {
            return Verdict.ERROR;
        }
        if (count(Verdict.FAIL) > 0) {
            return Verdict.FAIL;
        }
        if (count(Verdict.ERROR) > 0) {
            return Verdict.ERROR;
        }
        return count(Verdict.PASS) > 0 ? Verdict.PASS : Verdict.NOT_CHECKED;
    }

    public long count(Verdict verdict) {
        long n = 0; // a loop: reports ask this of every script of every meter, several times
        for (RequestResult r : requests) {
            n += r.check().verdict() == verdict ? 1 : 0;
        }
        return n;
    }
}
