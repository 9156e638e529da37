package dlms.xmlclient.report;

import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.RunPlan;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.script.Step;
import dlms.xmlclient.verdict.Check;
import dlms.xmlclient.verdict.Difference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JUnitReportTest {

    @TempDir
    Path out;

    private Path write() {
        JUnitReport report = new JUnitReport(out, HtmlRunFixtures.TARGET, HtmlRunFixtures.CLOCK,
                new PrintStream(new ByteArrayOutputStream()));
        report.runStarted(new RunPlan(List.of(), out, null, false));
        report.runFinished(HtmlRunFixtures.sampleRun(), 1234);
        return out.resolve("junit.xml");
    }

    @Test
    void reportValidatesAgainstTheSchemaAndItsCountsAddUp() throws Exception {
        Document doc = JUnitXml.validate(write());
        assertEquals(HtmlRunFixtures.sampleRun().size(), doc.getElementsByTagName("testsuite").getLength());
        assertEquals("1.234", doc.getDocumentElement().getAttribute("time"));
    }

    @Test
    void aStartOnTheFullMinuteStillHasItsSecondsAsXsDateTimeRequires() throws Exception {
        JUnitReport report = new JUnitReport(out, HtmlRunFixtures.TARGET,
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-21T17:01:00Z"), java.time.ZoneOffset.UTC),
                new PrintStream(new ByteArrayOutputStream()));
        report.runStarted(new RunPlan(List.of(), out, null, false));
        report.runFinished(HtmlRunFixtures.sampleRun(), 1234);
        Document doc = JUnitXml.validate(out.resolve("junit.xml"));
        assertEquals("2026-11-21T17:01:00",
                ((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("timestamp"));
    }

    @Test
    void oneSuitePerScriptNamedByItsPathBelowXAndOneCasePerRequestNamedByWhatItAsks() throws Exception {
        Document doc = JUnitXml.validate(write());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(1);
        assertEquals("energy/a-plus.xml", suite.getAttribute("name"));
        List<Element> cases = cases(suite);
        assertEquals("energy.a-plus", cases.get(0).getAttribute("classname"));
        assertEquals("Get 0.0.1.0.0.255 attribute 2", cases.get(0).getAttribute("name"));
        assertEquals("Get 0.0.1.0.0.255 attribute 3", cases.get(1).getAttribute("name"));
    }

    @Test
    void theSameScriptNamedAbsoluteOrRelativeGivesTheSameNames() throws Exception {
        ScriptOutcome relative = outcome(new ScriptSource(Path.of("msgs/action/x.xml"), "action/x.xml"));
        ScriptOutcome absolute = outcome(new ScriptSource(Path.of("/tmp/uxE/my/msgs/action/x.xml"), "action/x.xml"));
        assertEquals(names(List.of(relative)), names(List.of(absolute)));
        assertEquals(List.of("action/x.xml", "action.x Get 0.0.1.0.0.255 attribute 2",
                "action.x Get 0.0.1.0.0.255 attribute 2 (2)"), names(List.of(absolute)));
    }

    @Test
    void theRequestsAfterTheOneAScriptBrokeOffAtAreSkipped() throws Exception {
        Step s1 = HtmlRunFixtures.step(1, 5, HtmlRunFixtures.get(2));
        Step s2 = HtmlRunFixtures.step(2, 9, HtmlRunFixtures.get(3));
        Step s3 = HtmlRunFixtures.step(3, 13, HtmlRunFixtures.get(4));
        String reply = HtmlRunFixtures.response("<Int16 Value=\"60\" />");
        ScriptOutcome broken = HtmlRunFixtures.outcome(HtmlRunFixtures.source("messages/clock/read.xml"),
                Status.BROKEN, List.of(HtmlRunFixtures.answered(s1, reply, 5, Check.compared(reply, List.of())),
                        new RequestResult(s2, null, Check.error(null, "no reply within 5000 ms")),
                        new RequestResult(s3, null, Check.error(null, "not sent: the script stopped at request #2"))),
                "request #2 (line 9): no reply within 5000 ms", 5100, "");
        Element suite = (Element) validate(List.of(broken)).getElementsByTagName("testsuite").item(0);
        assertEquals(List.of("3", "0", "1", "1"), List.of(suite.getAttribute("tests"), suite.getAttribute("failures"),
                suite.getAttribute("errors"), suite.getAttribute("skipped")));
        List<Element> cases = cases(suite);
        assertEquals(0, cases.get(0).getChildNodes().getLength(), "the answered request passed");
        assertEquals("BrokenOff", ((Element) cases.get(1).getElementsByTagName("error").item(0)).getAttribute("type"));
        assertEquals("not sent: the script stopped at request #2",
                ((Element) cases.get(2).getElementsByTagName("skipped").item(0)).getAttribute("message"));
    }

    @Test
    void aScriptThatCannotLoadIsOneErrorNamedAfterTheFile() throws Exception {
        Element suite = (Element) validate(List.of(HtmlRunFixtures.badInput())).getElementsByTagName("testsuite")
                .item(0);
        List<Element> cases = cases(suite);
        assertEquals(1, cases.size());
        assertEquals("broken.xml", cases.get(0).getAttribute("name"));
        assertEquals("broken", cases.get(0).getAttribute("classname"));
        assertEquals("BadInput", ((Element) cases.get(0).getElementsByTagName("error").item(0)).getAttribute("type"));
    }

    @Test
    void aScriptTheRunNeverReachedIsOneSkippedCaseNamedAfterTheFile() throws Exception {
        ScriptOutcome notRun = new ScriptOutcome(new ScriptSource(Path.of("m/clock/read.xml"), "clock/read.xml"), null,
                Status.NOT_RUN, List.of(), "not run: interrupted (Ctrl-C)", 0, "");
        Element suite = (Element) validate(List.of(HtmlRunFixtures.passed(), notRun))
                .getElementsByTagName("testsuite").item(1);
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("clock/read.xml", cases(suite).get(0).getAttribute("name"));
        assertEquals("not run: interrupted (Ctrl-C)",
                ((Element) suite.getElementsByTagName("skipped").item(0)).getAttribute("message"));
    }

    @Test
    void theRootCarriesTheRunsTotalsAndTime() throws Exception {
        Element root = JUnitXml.validate(write()).getDocumentElement();
        // sampleRun: 2 + 2 + 3 requests, one no-connection script of 2 and one bad input.
        assertEquals(List.of("10", "1", "2", "1.234"), List.of(root.getAttribute("tests"),
                root.getAttribute("failures"), root.getAttribute("errors"), root.getAttribute("time")));
    }

    @Test
    void aDifferenceIsAFailureCarryingItsXPathAndAMissingReplyAnError() throws Exception {
        String xml = Files.readString(write());
        assertTrue(xml.contains("<failure type=\"ReplyDifference\""), xml);
        assertTrue(xml.contains("messages/energy/a-plus.xml #"), xml);
        assertTrue(xml.contains("<error type=\"NoConnection\""), xml);
        assertTrue(xml.contains("<error type=\"BadInput\""), xml);
        assertTrue(xml.contains("<skipped message=\"not checked: "), xml);
    }

    @Test
    void meterTextCannotBreakTheFile() throws Exception {
        String xml = Files.readString(write());
        assertTrue(!xml.contains(HtmlRunFixtures.INJECTED), "markup from a meter must be escaped");
        JUnitXml.validate(out.resolve("junit.xml"));
    }

    private Document validate(List<ScriptOutcome> outcomes) throws Exception {
        JUnitReport report = new JUnitReport(out, HtmlRunFixtures.TARGET, HtmlRunFixtures.CLOCK,
                new PrintStream(new ByteArrayOutputStream()));
        report.runStarted(new RunPlan(List.of(), out, null, false));
        report.runFinished(outcomes, 1234);
        return JUnitXml.validate(out.resolve("junit.xml"));
    }

    /** Each suite's name, then each case's class name and name. */
    private List<String> names(List<ScriptOutcome> outcomes) throws Exception {
        List<String> names = new ArrayList<>();
        NodeList suites = validate(outcomes).getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            names.add(((Element) suites.item(i)).getAttribute("name"));
            for (Element c : cases((Element) suites.item(i))) {
                names.add(c.getAttribute("classname") + " " + c.getAttribute("name"));
            }
        }
        return names;
    }

    /** One script of two identical reads. */
    private static ScriptOutcome outcome(ScriptSource source) {
        Step s1 = HtmlRunFixtures.step(1, 5, HtmlRunFixtures.get(2));
        Step s2 = HtmlRunFixtures.step(2, 9, HtmlRunFixtures.get(2));
        String reply = HtmlRunFixtures.response("<UInt8 Value=\"1\" />");
        return HtmlRunFixtures.outcome(source, Status.COMPLETED, List.of(
                HtmlRunFixtures.answered(s1, reply, 3, Check.compared(reply, List.of())),
                HtmlRunFixtures.answered(s2, reply, 3, Check.compared(reply, List.of(new Difference("/x", "1", "2"))))),
                null, 10, "");
    }

    static List<Element> cases(Element suite) {
        List<Element> cases = new ArrayList<>();
        NodeList list = suite.getElementsByTagName("testcase");
        for (int i = 0; i < list.getLength(); i++) {
            cases.add((Element) list.item(i));
        }
        return cases;
    }

    @Test
    void theSchemaRejectsAReportMissingItsCounts() throws Exception {
        Path bad = out.resolve("bad.xml");
        Files.writeString(bad, "<testsuites><testsuite name=\"x\"><testcase name=\"a\" classname=\"b\" time=\"1\"/>"
                + "</testsuite></testsuites>");
        assertThrows(SAXException.class, () -> JUnitXml.validate(bad));
    }
}
