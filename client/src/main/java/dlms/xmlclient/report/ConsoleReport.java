package dlms.xmlclient.report;

import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.RunPlan;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.verdict.Difference;
import dlms.xmlclient.verdict.Verdict;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * One console line per script as it finishes, the differences under a FAIL, and a summary:
 * readable by a person and greppable by CI.
 */
public final class ConsoleReport implements RunListener {

    private final PrintStream out;
    private final boolean quiet;
    private int total;
    private int finished;
    private int pathWidth = 1;

    /** @param quiet print only scripts that failed or could not run, and the summary */
    public ConsoleReport(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    @Override
    public void runStarted(RunPlan plan) {
        total = plan.scripts().size();
        pathWidth = Math.max(1, plan.scripts().stream().mapToInt(s -> s.displayPath().length()).max().orElse(1));
    }

    @Override
    public void scriptFinished(ScriptOutcome o) {
        finished++;
        Verdict verdict = o.verdict();
        if (quiet && (verdict == Verdict.PASS || verdict == Verdict.NOT_CHECKED)) {
            return;
        }
        // Padded by hand: String.format costs a cold batch more than the rest of the line.
        int digits = String.valueOf(total).length();
        StringBuilder line = new StringBuilder("[");
        padLeft(line, String.valueOf(finished), digits).append('/').append(total).append("] ");
        padRight(line, verdict.label(), 11).append("  ");
        padRight(line, o.source().displayPath(), pathWidth);
        if (o.script() != null) {
            padLeft(line.append("  "), String.valueOf(o.requestCount()), 3).append(' ');
            padRight(line, o.requestCount() == 1 ? "request" : "requests", 8).append(' ');
            padLeft(line, String.valueOf(o.elapsedMillis()), 6).append(" ms");
        }
        if (o.status() != Status.COMPLETED) {
            line.append("  ").append(kind(o.status())).append(": ").append(o.error());
        } else if (verdict == Verdict.PASS && o.count(Verdict.NOT_CHECKED) > 0) {
            line.append("  (").append(o.count(Verdict.NOT_CHECKED)).append(" not checked)");
        }
        out.println(line);
        for (RequestResult r : o.requests()) {
            for (String warning : r.check().warnings()) {
                out.println("    " + o.source().displayPath() + " #" + r.step().number() + " warning: " + warning);
            }
        }
        for (RequestResult r : o.requests()) {
            // Requests of a script that did not complete share its one error line above.
            boolean uncompared = r.check().verdict() == Verdict.ERROR && o.status() == Status.COMPLETED;
            if (r.check().verdict() != Verdict.FAIL && !uncompared) {
                continue;
            }
            String where = "    " + o.source().displayPath() + " #" + r.step().number() + " ";
            if (r.check().differences().isEmpty()) {
                out.println(where + r.check().note());
            }
            for (Difference d : r.check().differences()) {
                out.println(where + d);
            }
        }
    }

    private static String kind(Status status) {
        return switch (status) {
            case BAD_INPUT -> "bad input";
            case NO_CONNECTION -> "no connection";
            case BROKEN -> "broken off";
            case NOT_RUN -> "not run";
            case COMPLETED -> "completed";
        };
    }

    @Override
    public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
        long replies = outcomes.stream().mapToLong(o -> o.replies().size()).sum();
        List<ScriptOutcome> notRun = outcomes.stream().filter(o -> o.status() == Status.NOT_RUN).toList();
        if (!notRun.isEmpty()) {
            out.println("run stopped, " + notRun.size() + (notRun.size() == 1 ? " script" : " scripts") + " "
                    + notRun.get(0).error());
        }
        // Written by hand: the Formatter's first number in a JVM sets up its locale's digits (10 ms).
        out.println(outcomes.size() + " scripts: " + count(outcomes, Verdict.PASS) + " passed, "
                + count(outcomes, Verdict.FAIL) + " failed, " + count(outcomes, Verdict.NOT_CHECKED) + " not checked, "
                + (count(outcomes, Verdict.ERROR) - notRun.size()) + " errors"
                + (notRun.isEmpty() ? "" : ", " + notRun.size() + " not run") + "; " + replies + " replies in "
                + tenths(elapsedMillis) + " s");
    }

    /** Seconds to one decimal, rounded half up as {@code %.1f} does: "0.5" for 450 ms. */
    static String tenths(long millis) {
        if (millis < 0 || millis > 1L << 40) { // beyond 34 years a double's tenths are no longer exact
            return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
        }
        long tenths = Math.round(millis / 100.0);
        return tenths / 10 + "." + tenths % 10;
    }

    private static long count(List<ScriptOutcome> outcomes, Verdict verdict) {
        return outcomes.stream().filter(o -> o.verdict() == verdict).count();
    }

    private static StringBuilder padLeft(StringBuilder line, String text, int width) {
        line.repeat(' ', Math.max(0, width - text.length()));
        return line.append(text);
    }

    private static StringBuilder padRight(StringBuilder line, String text, int width) {
        line.append(text);
        return line.repeat(' ', Math.max(0, width - text.length()));
    }
}
