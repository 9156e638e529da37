package dlms.xmlclient.report;

import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.RunPlan;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** One console line per script and a summary, readable by a person and greppable by CI. */
public final class ConsoleReport implements RunListener {

    private final PrintStream out;
    private final boolean quiet;
    private int pathWidth = 1;

    /** @param quiet print only scripts that did not complete, and the summary */
    public ConsoleReport(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    @Override
    public void runStarted(RunPlan plan) {
        pathWidth = Math.max(1, plan.scripts().stream().mapToInt(s -> s.relativePath().length()).max().orElse(1));
    }

    @Override
    public void scriptFinished(ScriptOutcome o) {
        if (quiet && o.status() == Status.COMPLETED) {
            return;
        }
        String label = switch (o.status()) {
            case COMPLETED -> "done";
            case BAD_INPUT -> "BAD INPUT";
            case NO_CONNECTION -> "NO CONNECTION";
            case BROKEN -> "BROKEN";
        };
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-13s %-" + pathWidth + "s",
                label, o.source().relativePath()));
        if (o.script() != null) {
            line.append(String.format(Locale.ROOT, "  %3d/%-3d replies %6d ms", o.replies().size(), o.requestCount(),
                    o.elapsedMillis()));
        }
        if (o.error() != null) {
            line.append("  ").append(o.status() == Status.BAD_INPUT ? o.error() : "— " + o.error());
        }
        out.println(line);
    }

    @Override
    public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
        long done = count(outcomes, Status.COMPLETED);
        long bad = count(outcomes, Status.BAD_INPUT);
        long noConnection = count(outcomes, Status.NO_CONNECTION);
        long broken = count(outcomes, Status.BROKEN);
        long replies = outcomes.stream().mapToLong(o -> o.replies().size()).sum();
        out.printf(Locale.ROOT, "%d scripts: %d done, %d bad input, %d no connection, %d broken; %d replies in %.1f s%n",
                outcomes.size(), done, bad, noConnection, broken, replies, elapsedMillis / 1000.0);
    }

    private static long count(List<ScriptOutcome> outcomes, Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
