package dlms.xmlclient.report;

import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.verdict.Check;
import dlms.xmlclient.verdict.Difference;
import dlms.xmlclient.verdict.Verdict;

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
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code out/junit.xml} in the Surefire format Jenkins and GitLab read: one testsuite per
 * script file, one testcase per request; a difference is a failure, a reply that never came
 * an error, a reply with nothing to check against skipped.
 */
public final class JUnitReport implements RunListener {

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
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
        suite(xml, outcome, outcome.source().displayPath(), target, started, true);
        xml.close();
        return text.toString();
    }

    private static String head(List<ScriptOutcome> outcomes, long elapsedMillis) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"xmlclient\" tests=\""
                + outcomes.stream().mapToInt(JUnitReport::tests).sum() + "\" failures=\""
                + outcomes.stream().mapToLong(o -> o.count(Verdict.FAIL)).sum() + "\" errors=\""
                + outcomes.stream().mapToLong(JUnitReport::errors).sum() + "\" time=\"" + seconds(elapsedMillis) + "\">";
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

    /**
     * One script's testsuite.
     *
     * @param name      the suite's name: the script's path, and in a fleet the meter's name before it
     * @param meter     the meter, for the suite's properties
     * @param withTrace whether the script's trace goes into system-out
     */
    static void suite(XMLStreamWriter xml, ScriptOutcome o, String name, String meter, LocalDateTime started,
            boolean withTrace) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(name));
        xml.writeAttribute("tests", String.valueOf(tests(o)));
        xml.writeAttribute("failures", String.valueOf(o.count(Verdict.FAIL)));
        xml.writeAttribute("errors", String.valueOf(errors(o)));
        xml.writeAttribute("skipped", String.valueOf(o.status() == Status.NOT_RUN ? 1 : o.count(Verdict.NOT_CHECKED)));
        xml.writeAttribute("time", seconds(o.elapsedMillis()));
        // ISO_LOCAL_DATE_TIME, not toString(): that leaves out ":00" seconds, which xs:dateTime requires.
        xml.writeAttribute("timestamp", started.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "meter", meter);
        if (o.source().connection() != null) {
            property(xml, "association", o.source().connection().describeTarget());
        }
        xml.writeEndElement();
        String className = className(name);
        if (o.status() == Status.BAD_INPUT) {
            // Nothing was sent: one test case carries the input error.
            testCase(xml, className, "load", 0);
            failureLike(xml, "error", "BadInput", o.error(), o.error());
            xml.writeEndElement();
        } else if (stoppedEmpty(o)) {
            // Stopped before its requests were known (an internal error): one test case carries it.
            testCase(xml, className, "run", 0);
            failureLike(xml, "error", errorType(o.status()), o.error(), o.error());
            xml.writeEndElement();
        } else if (o.status() == Status.NOT_RUN) {
            // The run stopped first (Ctrl-C, --fail-fast): one skipped case says why.
            testCase(xml, className, "not run", 0);
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", clean(o.error()));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        for (RequestResult r : o.requests()) {
            testCase(xml, className, RequestLabel.of(r.step()), r.reply() == null ? 0 : r.reply().elapsedMillis());
            Check check = r.check();
            switch (check.verdict()) {
                case FAIL -> failureLike(xml, "failure", check.differences().stream().allMatch(Difference::isFinding)
                        && !check.differences().isEmpty() ? "EncodingFinding" : "ReplyDifference", firstLine(check),
                        details(o, r));
                case ERROR -> failureLike(xml, "error", errorType(o.status()), check.note(), check.note());
                case NOT_CHECKED -> {
                    xml.writeStartElement("skipped");
                    xml.writeAttribute("message", "not checked: " + check.note());
                    xml.writeEndElement();
                }
                case PASS -> {
                }
            }
            if (!check.warnings().isEmpty()) {
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean(check.warnings().stream().map(w -> "warning: " + w)
                        .collect(Collectors.joining("\n"))));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        if (withTrace && !o.trace().isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(o.trace()));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testCase(XMLStreamWriter xml, String className, String name, long millis)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", clean(name));
        xml.writeAttribute("classname", clean(className));
        xml.writeAttribute("time", seconds(millis));
    }

    private static void failureLike(XMLStreamWriter xml, String element, String type, String message, String text)
            throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("type", type);
        xml.writeAttribute("message", clean(message == null ? "" : message));
        xml.writeCharacters(clean(text == null ? "" : text));
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    static int tests(ScriptOutcome o) {
        return o.status() == Status.BAD_INPUT || o.status() == Status.NOT_RUN || stoppedEmpty(o) ? 1
                : o.requests().size();
    }

    static long errors(ScriptOutcome o) {
        return o.status() == Status.BAD_INPUT || stoppedEmpty(o) ? 1 : o.count(Verdict.ERROR);
    }

    /** A script that stopped before its requests were known (an internal error). */
    private static boolean stoppedEmpty(ScriptOutcome o) {
        return o.requests().isEmpty() && (o.status() == Status.BROKEN || o.status() == Status.NO_CONNECTION);
    }

    /** Jenkins groups test cases by class name: the script path, dotted, without .xml. */
    private static String className(String suiteName) {
        return (suiteName.endsWith(".xml") ? suiteName.substring(0, suiteName.length() - 4) : suiteName).replace('/', '.');
    }

    private static String firstLine(Check check) {
        return check.differences().isEmpty() ? check.note() : check.differences().get(0).toString();
    }

    private static String details(ScriptOutcome o, RequestResult r) {
        if (r.check().differences().isEmpty()) {
            return r.check().note();
        }
        String prefix = o.source().displayPath() + " #" + r.step().number() + " ";
        return r.check().differences().stream().map(Difference::toString).map(d -> prefix + d)
                .collect(Collectors.joining("\n"));
    }

    private static String errorType(Status status) {
        return switch (status) {
            case NO_CONNECTION -> "NoConnection";
            case BROKEN -> "BrokenOff";
            case BAD_INPUT -> "BadInput";
            case NOT_RUN -> "NotRun";
            case COMPLETED -> "Error";
        };
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** XML 1.0 cannot carry most control characters; a meter's garbage must not break the file. */
    private static String clean(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "?");
    }
}
