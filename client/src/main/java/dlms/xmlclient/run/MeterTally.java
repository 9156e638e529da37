package dlms.xmlclient.run;

import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.verdict.Verdict;

import java.util.List;

/**
 * What a meter's scripts came to, in counts: all a fleet keeps of a meter once its outcomes
 * have been reported (and, added up, of the whole fleet).
 */
public record MeterTally(int scripts, long passed, long failed, long notChecked, long errors, long notRun,
        long replies) {

    public static MeterTally of(List<ScriptOutcome> outcomes) {
        long notRun = outcomes.stream().filter(o -> o.status() == Status.NOT_RUN).count();
        return new MeterTally(outcomes.size(), count(outcomes, Verdict.PASS), count(outcomes, Verdict.FAIL),
                count(outcomes, Verdict.NOT_CHECKED), count(outcomes, Verdict.ERROR) - notRun, notRun,
                outcomes.stream().mapToLong(o -> o.replies().size()).sum());
    }

    /**
     * The meter's verdict, ranked as a script's: FAIL when a script failed, else ERROR when one
     * did not complete or run, else PASS when one passed, else NOT_CHECKED.
     */
    public Verdict verdict() {
        return failed > 0 ? Verdict.FAIL : errors + notRun > 0 ? Verdict.ERROR
                : passed > 0 ? Verdict.PASS : Verdict.NOT_CHECKED;
    }

    /** True when every script of the meter was stopped before it started (Ctrl-C, --fail-fast). */
    public boolean neverStarted() {
        return scripts > 0 && notRun == scripts;
    }

    /** The counts added up, for the fleet's summary line. */
    public MeterTally plus(MeterTally other) {
        return new MeterTally(scripts + other.scripts, passed + other.passed, failed + other.failed,
                notChecked + other.notChecked, errors + other.errors, notRun + other.notRun, replies + other.replies);
    }

    private static long count(List<ScriptOutcome> outcomes, Verdict verdict) {
        return outcomes.stream().filter(o -> o.verdict() == verdict).count();
    }
}
