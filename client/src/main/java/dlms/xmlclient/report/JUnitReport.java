package dlms.xmlclient.report;

import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.ScriptOutcome;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code out/junit.xml} in the Surefire format Jenkins and GitLab read: one testsuite per
 * script file, named by its path below -x, one testcase per request, named by what it asks
 * (see {@link JUnitNames}, {@link JUnitSuite}), so that a CI server's test history survives
 * editing a script or running it from another folder.
 */
public final class JUnitReport implements RunListener {

    /**
     * Looked up once: the lookup (a service search) costs more than writing a script's suite. In
     * a holder: looked up at the first suite written, on the reports' thread, not where the run
     * starts.
     */
    private static final class XmlOutput {
        static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    }

    private final Path file;
    private final String target;
    private final Clock clock;
    private final WriteFailures failures;
    private LocalDateTime started;
    /** The suites of the scripts finished so far, streamed as they finish. */
    private ReportPart part;
    private int suitesWritten;

    /** @param target the meter, for the suites' properties */
    public JUnitReport(Path outDir, String target, Clock clock, PrintStream err) {
        this(outDir, target, clock, new WriteFailures(err));
    }

    /** @param failures where a file that cannot be written is told and kept */
    public JUnitReport(Path outDir, String target, Clock clock, WriteFailures failures) {
        this.file = outDir.resolve("junit.xml");
        this.target = target;
        this.clock = clock;
        this.failures = failures;
    }

    @Override
    public void runStarted(dlms.xmlclient.run.RunPlan plan) {
        started = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        writeInProgress(file, started, failures);
        part = ReportPart.open(file, failures);
    }

    /**
     * Replaces an earlier run's junit.xml at once by one that says this run has not finished
     * (an error a CI server shows): a run killed before its end never leaves an old report
     * that looks current. The end of the run replaces it.
     */
    static void writeInProgress(Path file, LocalDateTime started, WriteFailures failures) {
        String when = started.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        String why = "the run started at " + when + " has not finished (or was killed): this file is replaced when"
                + " it ends; trace.txt shows how far it got";
        try {
            AtomicFiles.write(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"xmlclient\""
                    + " tests=\"1\" failures=\"0\" errors=\"1\">\n  <testsuite name=\"run in progress\" tests=\"1\""
                    + " failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0\" timestamp=\"" + when + "\">\n"
                    + "    <testcase name=\"run in progress\" classname=\"xmlclient\" time=\"0\">"
                    + "<error type=\"RunInProgress\" message=\"" + why + "\">" + why + "</error></testcase>\n"
                    + "  </testsuite>\n</testsuites>\n");
        } catch (IOException e) {
            failures.add(file, e);
        }
    }

    @Override
    public void scriptFinished(ScriptOutcome outcome) {
        if (part == null) {
            return;
        }
        try {
            part.append(render(outcome));
            suitesWritten++;
        } catch (XMLStreamException e) {
            part.fail(e);
        }
    }

    @Override
    public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
        if (started == null) {
            started = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        }
        ReportPart body = part == null ? ReportPart.inMemory() : part;
        part = null;
        try {
            // The scripts the runner did not start (Ctrl-C, --fail-fast) come last.
            for (ScriptOutcome o : outcomes.subList(Math.min(suitesWritten, outcomes.size()), outcomes.size())) {
                body.append(render(o));
            }
            String head = head(outcomes, elapsedMillis);
            body.writeWhole(file, head, "\n</testsuites>\n");
        } catch (XMLStreamException | IOException e) {
            failures.add(file, e);
        } finally {
            body.discard();
        }
    }

    private String render(ScriptOutcome outcome) throws XMLStreamException {
        StringWriter text = new StringWriter();
        XMLStreamWriter xml = XmlOutput.FACTORY.createXMLStreamWriter(text);
        JUnitSuite.of(outcome).write(xml, outcome.source().relativePath(),
                JUnitNames.className(outcome.source().relativePath()), target, started, true);
        xml.close();
        return text.toString();
    }

    /**
     * The root element with the run's totals. No skipped count: the JUnit schema Jenkins' xUnit
     * plugin validates against (junit-10.xsd) refuses one on testsuites; every testsuite has its own.
     */
    private static String head(List<ScriptOutcome> outcomes, long elapsedMillis) {
        List<JUnitSuite> suites = outcomes.stream().map(JUnitSuite::of).toList();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"xmlclient\" tests=\""
                + suites.stream().mapToInt(JUnitSuite::tests).sum() + "\" failures=\""
                + suites.stream().mapToLong(x -> x.count(JUnitSuite.Outcome.FAILED)).sum() + "\" errors=\""
                + suites.stream().mapToLong(x -> x.count(JUnitSuite.Outcome.ERROR)).sum() + "\" time=\""
                + JUnitSuite.seconds(elapsedMillis) + "\">";
    }

    /** The whole file in one string (tests). */
    String render(List<ScriptOutcome> outcomes, long elapsedMillis) throws XMLStreamException {
        if (started == null) {
            started = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        }
        StringBuilder s = new StringBuilder(head(outcomes, elapsedMillis));
        for (ScriptOutcome o : outcomes) {
            s.append(render(o));
        }
        return s.append("\n</testsuites>\n").toString();
    }
}
