package dlms.xmlclient.report;

import dlms.xmlclient.run.FleetListener;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.verdict.Verdict;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code out/junit.xml} of a fleet: one testsuite per meter and script, named
 * {@code <meter>/<script path below -x>}, its test cases in class {@code <meter>.<script path, dotted>}
 * (see {@link JUnitNames}). Suites are written as each meter finishes, into a part file,
 * so memory does not grow with the fleet; the totals the root element carries are known only at
 * the end, when the file is put together and moved into place. Traces go in system-out only for
 * scripts that did not pass (every meter's whole trace is in its own folder).
 */
public final class FleetJUnitReport implements FleetListener {

    private final Path file;
    private final Path part;
    private final Clock clock;
    private final WriteFailures writeFailures;
    private Writer body;
    private XMLStreamWriter xml;
    private LocalDateTime started;
    private long tests;
    private long failures;
    private long errors;
    private boolean broken;

    public FleetJUnitReport(Path outDir, Clock clock, PrintStream err) {
        this(outDir, clock, new WriteFailures(err));
    }

    /** @param failures where a junit.xml that cannot be written is told and kept */
    public FleetJUnitReport(Path outDir, Clock clock, WriteFailures failures) {
        this.file = outDir.resolve("junit.xml");
        this.part = outDir.resolve("junit.xml.part");
        this.clock = clock;
        this.writeFailures = failures;
    }

    @Override
    public synchronized void fleetStarted(int meters, int scriptsPerMeter, int parallel) {
        started = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        JUnitReport.writeInProgress(file, started, writeFailures);
        try {
            body = new BufferedWriter(Files.newBufferedWriter(part, StandardCharsets.UTF_8));
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(body);
        } catch (IOException | XMLStreamException e) {
            fail(e);
        }
    }

    @Override
    public synchronized void meterFinished(String meter, String outputs, List<ScriptOutcome> outcomes,
            long elapsedMillis) {
        if (broken) {
            return;
        }
        try {
            for (ScriptOutcome o : outcomes) {
                JUnitSuite suite = JUnitSuite.of(o);
                tests += suite.tests();
                failures += suite.count(JUnitSuite.Outcome.FAILED);
                errors += suite.count(JUnitSuite.Outcome.ERROR);
                String path = o.source().relativePath();
                suite.write(xml, meter + "/" + path, JUnitNames.className(meter, path), meter + " (" + outputs + ")",
                        started, o.verdict() != Verdict.PASS && o.verdict() != Verdict.NOT_CHECKED);
            }
            xml.flush();
        } catch (XMLStreamException e) {
            fail(e);
        }
    }

    @Override
    public synchronized void fleetFinished(long elapsedMillis) {
        if (broken) {
            return;
        }
        Path whole = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            xml.close();
            body.close();
            try (Writer out = Files.newBufferedWriter(whole, StandardCharsets.UTF_8)) {
                out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"xmlclient fleet\" tests=\""
                        + tests + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" time=\""
                        + JUnitSuite.seconds(elapsedMillis) + "\">");
                try (var in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                    in.transferTo(out);
                }
                out.write("\n</testsuites>\n");
            }
            Files.move(whole, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(part);
        } catch (IOException | XMLStreamException e) {
            fail(e);
        }
    }

    private void fail(Exception e) {
        broken = true;
        writeFailures.add(file, e);
    }
}
