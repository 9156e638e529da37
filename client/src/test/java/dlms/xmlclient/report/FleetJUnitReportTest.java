package dlms.xmlclient.report;

import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetJUnitReportTest {

    @TempDir
    Path out;

    /** Two meters ran the sample run; a third was not reached (the fleet was stopped). */
    private Document write() throws Exception {
        FleetJUnitReport report = new FleetJUnitReport(out, HtmlRunFixtures.CLOCK,
                new PrintStream(new ByteArrayOutputStream()));
        report.fleetStarted(3, 5, 2);
        report.meterFinished("meter-01", "out/meter-01", HtmlRunFixtures.sampleRun(), 400);
        report.meterFinished("site.b.2", "out/site.b.2", HtmlRunFixtures.sampleRun(), 500);
        report.meterFinished("meter-03", "out/meter-03", HtmlRunFixtures.sampleRun().stream()
                .map(o -> new ScriptOutcome(o.source(), null, Status.NOT_RUN, List.of(), "not run: --fail-fast", 0, ""))
                .toList(), 0);
        report.fleetFinished(1500);
        return JUnitXml.validate(out.resolve("junit.xml"));
    }

    @Test
    void theFleetReportValidatesWithSkippedCasesAndItsCountsAddUp() throws Exception {
        Document doc = write();
        assertEquals(15, doc.getElementsByTagName("testsuite").getLength());
        assertEquals(2 * 4 + 5, doc.getElementsByTagName("skipped").getLength(),
                "two meters' not-checked and never-sent requests, a third meter's scripts");
        assertEquals("1.500", doc.getDocumentElement().getAttribute("time"));
        assertFalse(Files.exists(out.resolve("junit.xml.part")));
    }

    @Test
    void suitesAreNamedByMeterAndPathBelowXAndTheMeterIsTheFirstPackage() throws Exception {
        Document doc = write();
        List<String> names = new ArrayList<>();
        NodeList suites = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            List<Element> cases = JUnitReportTest.cases(suite);
            names.add(suite.getAttribute("name") + " | " + cases.get(0).getAttribute("classname") + " | "
                    + cases.get(0).getAttribute("name"));
        }
        assertTrue(names.contains("meter-01/energy/a-plus.xml | meter-01.energy.a-plus"
                + " | Get 0.0.1.0.0.255 attribute 2"),
                names.toString());
        assertTrue(names.contains("site.b.2/energy/a-plus.xml | site_b_2.energy.a-plus"
                + " | Get 0.0.1.0.0.255 attribute 2"),
                names.toString());
        assertTrue(names.contains("meter-03/broken.xml | meter-03.broken | broken.xml"), names.toString());
    }
}
