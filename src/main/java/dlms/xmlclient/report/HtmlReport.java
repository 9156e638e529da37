package dlms.xmlclient.report;

import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.RunPlan;
import dlms.xmlclient.run.ScriptOutcome;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes {@code <out>/report.html} when the run ends: one self-contained page (no script, no
 * external style or font) with the overall result and counts, a table of the scripts in run
 * order, and per script each request beside its reply, the expected reply where it failed with
 * the differing lines marked, the durations, and the frame trace folded.
 */
public final class HtmlReport implements RunListener {

    private final Path file;
    private final String target;
    private final Clock clock;
    private final PrintStream err;
    private String setting;

    /**
     * @param outDir the output folder; the page is {@code report.html} in it
     * @param target the meter, in one line (e.g. "built-in simulator 127.0.0.1:40129 (HDLC)")
     * @param clock  gives the time the page shows
     * @param err    where a failure to write the page is told, in one line
     */
    public HtmlReport(Path outDir, String target, Clock clock, PrintStream err) {
        this.file = outDir.resolve("report.html");
        this.target = target;
        this.clock = clock;
        this.err = err;
    }

    /** The page this report writes. */
    public Path file() {
        return file;
    }

    @Override
    public void runStarted(RunPlan plan) {
        StringBuilder s = new StringBuilder();
        if (plan.expectedDir() != null) {
            s.append("Expected replies from ").append(plan.expectedDir().toString().replace('\\', '/'));
        }
        if (plan.strict()) {
            s.append(s.isEmpty() ? "" : "; ").append("strict: a reply with no expectation fails");
        }
        setting = s.isEmpty() ? null : s.toString();
    }

    @Override
    public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
        String when = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        String page = new HtmlPage(new HtmlXml()).render(outcomes, elapsedMillis, target, when, setting);
        try {
            AtomicFiles.write(file, page);
        } catch (IOException e) {
            err.println("cannot write " + file + ": " + e.getMessage());
        }
    }
}
