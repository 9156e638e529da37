package dlms.xmlclient.report;

import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.RunPlan;
import dlms.xmlclient.run.ScriptOutcome;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
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
    private final WriteFailures failures;
    /** Made when first needed: a fleet's passing meter makes none (its parsers and XPath cost more than its run). */
    private HtmlPage page;
    private String setting;
    /** The sections of the scripts finished so far that did not pass, streamed as they finish: they come first. */
    private ReportPart problems;
    /** ...and of those that passed or were not checked. */
    private ReportPart part;
    private int sectionsWritten;

    /**
     * @param outDir the output folder; the page is {@code report.html} in it
     * @param target the meter, in one line (e.g. "built-in simulator 127.0.0.1:40129 (HDLC)")
     * @param clock  gives the time the page shows
     * @param err    where a failure to write the page is told, in one line
     */
    public HtmlReport(Path outDir, String target, Clock clock, PrintStream err) {
        this(outDir, target, clock, new WriteFailures(err));
    }

    /** @param failures where a page that cannot be written is told and kept */
    public HtmlReport(Path outDir, String target, Clock clock, WriteFailures failures) {
        this.file = outDir.resolve("report.html");
        this.target = target;
        this.clock = clock;
        this.failures = failures;
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
        // An earlier run's page never stands beside this run's trace looking current.
        try {
            AtomicFiles.write(file, HtmlPage.inProgress(target, now()));
        } catch (IOException e) {
            failures.add(file, e);
        }
        problems = ReportPart.open(file, failures);
        part = ReportPart.open(file, failures);
    }

    @Override
    public void scriptFinished(ScriptOutcome outcome) {
        if (part != null) {
            (HtmlPage.isProblem(outcome) ? problems : part).append(page().section(outcome, sectionsWritten++));
        }
    }

    @Override
    public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
        ReportPart first = problems == null ? ReportPart.inMemory() : problems;
        ReportPart rest = part == null ? ReportPart.inMemory() : part;
        problems = null;
        part = null;
        try {
            // The scripts the runner did not start (Ctrl-C, --fail-fast) are errors: they join the problems.
            for (int i = Math.min(sectionsWritten, outcomes.size()); i < outcomes.size(); i++) {
                (HtmlPage.isProblem(outcomes.get(i)) ? first : rest).append(page().section(outcomes.get(i), i));
            }
            ReportPart.writeWhole(file, page().head(outcomes, elapsedMillis, target, now(), setting),
                    List.of(first, ReportPart.text(HtmlPage.restHeading(outcomes)), rest), HtmlPage.TAIL);
        } catch (IOException | RuntimeException e) {
            failures.add(file, e);
        } finally {
            first.discard();
            rest.discard();
        }
    }

    /** Drops what was written of the page (a fleet's passing meter has none); an earlier page is removed. */
    public void discard() {
        for (ReportPart p : new ReportPart[] {problems, part}) {
            if (p != null) {
                p.discard();
            }
        }
        problems = null;
        part = null;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failures.add("cannot remove " + file + ": " + WriteFailures.why(e));
        }
    }

    private HtmlPage page() {
        if (page == null) {
            page = new HtmlPage(new HtmlXml());
        }
        return page;
    }

    private String now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
}
