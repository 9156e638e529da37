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
    private final PrintStream err;
    private LocalDateTime started;

    /** @param target the meter, for the suites' properties */
    public JUnitReport(Path outDir, String target, Clock clock, PrintStream err) {
        this.file = outDir.resolve("junit.xml");
        this.target = target;
        this.clock = clock;
        this.err = err;
    }

    @Override
    public void runStarted(dlms.xmlclient.run.RunPlan plan) {
        started = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
        try {
            AtomicFiles.write(file, render(outcomes, elapsedMillis));
        } catch (IOException | XMLStreamException e) {
            err.println("cannot write " + file + ": " + e.getMessage());
        }
    }

    String render(List<ScriptOutcome> outcomes, long elapsedMillis) throws XMLStreamException {
        StringWriter text = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "xmlclient");
        xml.writeAttribute("tests", String.valueOf(outcomes.stream().mapToInt(JUnitReport::tests).sum()));
        xml.writeAttribute("failures", String.valueOf(outcomes.stream().mapToLong(o -> o.count(Verdict.FAIL)).sum()));
        xml.writeAttribute("errors", String.valueOf(outcomes.stream().mapToLong(JUnitReport::errors).sum()));
        xml.writeAttribute("time", seconds(elapsedMillis));
        for (ScriptOutcome outcome : outcomes) {
            suite(xml, outcome, outcome.source().displayPath(), target, started, true);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return text.append('\n').toString();
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
        return o.status() == Status.BAD_INPUT || o.status() == Status.NOT_RUN ? 1 : o.requests().size();
    }

    static long errors(ScriptOutcome o) {
        return o.status() == Status.BAD_INPUT ? 1 : o.count(Verdict.ERROR);
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
