package dlms.xmlclient.report;

import dlms.xmlclient.run.FleetListener;
import dlms.xmlclient.run.MeterTally;
import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.verdict.Verdict;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * A fleet on the console: one line per meter as it finishes, under it the first problem of each
 * script that did not pass (a few, then where the rest are), and a summary counting meters and
 * scripts. A meter's lines are printed together, whatever the other meters do meanwhile.
 */
public final class FleetConsoleReport implements FleetListener {

    /** Scripts listed under a meter before "and N more". */
    private static final int SHOWN_SCRIPTS = 3;

    private final PrintStream out;
    private final boolean quiet;
    private int meters;
    private int finished;
    private int nameWidth = 1;
    private MeterTally total = MeterTally.of(List.of());
    private long metersPassed;
    private long metersFailed;
    private long metersErrors;
    private long metersNotRun;
    private long metersNotChecked;

    /** @param quiet print only meters that did not pass, and the summary */
    public FleetConsoleReport(PrintStream out, boolean quiet, int nameWidth) {
        this.out = out;
        this.quiet = quiet;
        this.nameWidth = Math.max(1, nameWidth);
    }

    @Override
    public synchronized void fleetStarted(int meterCount, int scriptsPerMeter, int parallel) {
        meters = meterCount;
        if (meterCount == 0) {
            return; // open-ended (listen): meters are counted as they come, and the caller says what it waits for
        }
        out.printf(Locale.ROOT, "Fleet of %d meters, %d scripts each, %d at a time%n", meterCount, scriptsPerMeter,
                parallel);
    }

    @Override
    public synchronized void meterFinished(String meter, String outputs, List<ScriptOutcome> outcomes,
            long elapsedMillis) {
        finished++;
        MeterTally tally = MeterTally.of(outcomes);
        total = total.plus(tally);
        if (tally.neverStarted()) {
            metersNotRun++;
            return; // counted in the summary; a stopped fleet does not list every meter it did not start
        }
        switch (tally.verdict()) {
            case PASS -> metersPassed++;
            case FAIL -> metersFailed++;
            case NOT_CHECKED -> metersNotChecked++;
            case ERROR -> metersErrors++;
        }
        if (quiet && (tally.verdict() == Verdict.PASS || tally.verdict() == Verdict.NOT_CHECKED)) {
            return;
        }
        int digits = String.valueOf(meters).length();
        String number = meters == 0 ? "[" + finished + "]" : String.format(Locale.ROOT, "[%" + digits + "d/%d]", finished,
                meters);
        out.printf(Locale.ROOT, "%s %-11s  %-" + nameWidth + "s  %s  %6.2f s%n", number,
                tally.verdict().label(), meter, counts(tally), elapsedMillis / 1000.0);
        List<ScriptOutcome> problems = outcomes.stream()
                .filter(o -> o.verdict() == Verdict.FAIL || o.verdict() == Verdict.ERROR).toList();
        for (ScriptOutcome o : problems.subList(0, Math.min(SHOWN_SCRIPTS, problems.size()))) {
            out.println("    " + o.source().displayPath() + " " + firstProblem(o));
        }
        if (problems.size() > SHOWN_SCRIPTS) {
            out.println("    ... and " + (problems.size() - SHOWN_SCRIPTS) + " more: " + outputs);
        }
    }

    private static String counts(MeterTally t) {
        return String.format(Locale.ROOT, "%d scripts: %d passed, %d failed, %d not checked, %d errors%s", t.scripts(),
                t.passed(), t.failed(), t.notChecked(), t.errors(), t.notRun() > 0 ? ", " + t.notRun() + " not run" : "");
    }

    /** The first difference or error of a script, on one line. */
    private static String firstProblem(ScriptOutcome o) {
        if (o.status() != Status.COMPLETED) {
            return o.verdict().label() + ": " + o.error();
        }
        for (RequestResult r : o.requests()) {
            if (r.check().verdict() == Verdict.FAIL || r.check().verdict() == Verdict.ERROR) {
                String what = r.check().differences().isEmpty() ? r.check().note()
                        : r.check().differences().get(0).toString();
                return "#" + r.step().number() + " " + what;
            }
        }
        return o.verdict().label();
    }

    @Override
    public synchronized void fleetFinished(long elapsedMillis) {
        out.printf(Locale.ROOT, "%d meters: %d passed, %d failed, %d not checked, %d errors%s; %s; %d replies in %.1f s%n",
                meters == 0 ? finished : meters, metersPassed, metersFailed, metersNotChecked, metersErrors,
                metersNotRun > 0 ? ", " + metersNotRun + " not run" : "", counts(total), total.replies(),
                elapsedMillis / 1000.0);
    }
}
