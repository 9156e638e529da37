package dlms.xmlclient.report;

import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.verdict.Check;
import dlms.xmlclient.verdict.Difference;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One script's testsuite in junit.xml: a test case per request, what each came to, and counts
 * taken from those cases (so that they always add up). A difference is a failure; the request a
 * script broke off at is an error, and the requests it never sent are skipped, as is a reply
 * with nothing to check against. A script that could not be loaded, or never ran, is one case
 * named after the file.
 */
final class JUnitSuite {

    enum Outcome { PASSED, FAILED, ERROR, SKIPPED }

    /** @param element failure, error or skipped; null when the case passed */
    private record Case(String name, long millis, Outcome outcome, String element, String type, String message,
                        String text, List<String> warnings) {
    }

    private final ScriptOutcome script;
    private final List<Case> cases;

    private JUnitSuite(ScriptOutcome script, List<Case> cases) {
        this.script = script;
        this.cases = cases;
    }

    static JUnitSuite of(ScriptOutcome o) {
        String file = o.source().relativePath();
        if (o.status() == Status.BAD_INPUT || stoppedEmpty(o)) {
            // Nothing was sent (bad input, or an internal error before the requests were known).
            return new JUnitSuite(o, List.of(new Case(file, 0, Outcome.ERROR, "error", errorType(o.status()),
                    o.error(), o.error(), List.of())));
        }
        if (o.status() == Status.NOT_RUN) {
            // The run stopped first (Ctrl-C, --fail-fast).
            return new JUnitSuite(o, List.of(new Case(file, 0, Outcome.SKIPPED, "skipped", null, o.error(), null,
                    List.of())));
        }
        List<String> names = JUnitNames.testNames(o.requests().stream().map(RequestResult::step).toList());
        List<Case> cases = new ArrayList<>();
        boolean brokenOff = false;
        for (int i = 0; i < o.requests().size(); i++) {
            RequestResult r = o.requests().get(i);
            Case c = requestCase(o, r, names.get(i), brokenOff);
            brokenOff |= r.reply() == null && c.outcome() == Outcome.ERROR;
            cases.add(c);
        }
        return new JUnitSuite(o, cases);
    }

    /** @param brokenOff whether the script already stopped at an earlier request: this one was never sent */
    private static Case requestCase(ScriptOutcome o, RequestResult r, String name, boolean brokenOff) {
        Check check = r.check();
        long millis = r.reply() == null ? 0 : r.reply().elapsedMillis();
        return switch (check.verdict()) {
            case PASS -> new Case(name, millis, Outcome.PASSED, null, null, null, null, check.warnings());
            case FAIL -> new Case(name, millis, Outcome.FAILED, "failure", check.differences().stream()
                    .allMatch(Difference::isFinding) && !check.differences().isEmpty() ? "EncodingFinding"
                    : "ReplyDifference", firstLine(check), details(o, r), check.warnings());
            case NOT_CHECKED -> new Case(name, millis, Outcome.SKIPPED, "skipped", null, "not checked: " + check.note(),
                    null, check.warnings());
            case ERROR -> r.reply() == null && brokenOff
                    ? new Case(name, 0, Outcome.SKIPPED, "skipped", null, check.note(), null, check.warnings())
                    : new Case(name, millis, Outcome.ERROR, "error", errorType(o.status()), check.note(), check.note(),
                    check.warnings());
        };
    }

    int tests() {
        return cases.size();
    }

    long count(Outcome outcome) {
        return cases.stream().filter(c -> c.outcome() == outcome).count();
    }

    /**
     * Writes the testsuite element.
     *
     * @param name      the suite's name: the script's path below -x, in a fleet the meter's name before it
     * @param className the class name of its cases (see {@link JUnitNames})
     * @param meter     the meter, for the suite's properties
     * @param withTrace whether the script's trace goes into system-out
     */
    void write(XMLStreamWriter xml, String name, String className, String meter, LocalDateTime started,
            boolean withTrace) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(name));
        xml.writeAttribute("tests", String.valueOf(tests()));
        xml.writeAttribute("failures", String.valueOf(count(Outcome.FAILED)));
        xml.writeAttribute("errors", String.valueOf(count(Outcome.ERROR)));
        xml.writeAttribute("skipped", String.valueOf(count(Outcome.SKIPPED)));
        xml.writeAttribute("time", seconds(script.elapsedMillis()));
        // ISO_LOCAL_DATE_TIME, not toString(): that leaves out ":00" seconds, which xs:dateTime requires.
        xml.writeAttribute("timestamp", started.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "meter", meter);
        if (script.source().connection() != null) {
            property(xml, "association", script.source().connection().describeTarget());
        }
        xml.writeEndElement();
        for (Case c : cases) {
            writeCase(xml, className, c);
        }
        if (withTrace && !script.trace().isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(script.trace()));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void writeCase(XMLStreamWriter xml, String className, Case c) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", clean(c.name()));
        xml.writeAttribute("classname", clean(className));
        xml.writeAttribute("time", seconds(c.millis()));
        if (c.element() != null) {
            xml.writeStartElement(c.element());
            if (c.type() != null) {
                xml.writeAttribute("type", c.type());
            }
            xml.writeAttribute("message", clean(c.message() == null ? "" : c.message()));
            if (c.text() != null) {
                xml.writeCharacters(clean(c.text()));
            }
            xml.writeEndElement();
        }
        if (!c.warnings().isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(c.warnings().stream().map(w -> "warning: " + w)
                    .collect(Collectors.joining("\n"))));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    /** A script that stopped before its requests were known (an internal error). */
    private static boolean stoppedEmpty(ScriptOutcome o) {
        return o.requests().isEmpty() && (o.status() == Status.BROKEN || o.status() == Status.NO_CONNECTION);
    }

    private static String firstLine(Check check) {
        return check.differences().isEmpty() ? check.note() : check.differences().get(0).toString();
    }

    private static String details(ScriptOutcome o, RequestResult r) {
        if (r.check().differences().isEmpty()) {
            return r.check().note();
        }
        String prefix = o.source().displayPath() + " #" + r.step().number() + " (line " + r.step().line() + ") ";
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
        if (millis < 0) {
            return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
        }
        long thousandths = millis % 1000; // String.format costs more than the rest of a test case
        return millis / 1000 + (thousandths < 10 ? ".00" : thousandths < 100 ? ".0" : ".") + thousandths;
    }

    /** XML 1.0 cannot carry most control characters; a meter's garbage must not break the file. */
    static String clean(String text) {
        if (allowed(text)) { // nearly always: a fleet writes thousands of names and messages
            return text;
        }
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "?");
    }

    private static boolean allowed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF') {
                return false;
            }
        }
        return true;
    }
}
