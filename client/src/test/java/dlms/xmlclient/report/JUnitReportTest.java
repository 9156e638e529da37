package dlms.xmlclient.report;

import dlms.xmlclient.run.RunPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void oneSuitePerScriptAndOneCasePerRequestNamedAfterIt() throws Exception {
        Document doc = JUnitXml.validate(write());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(1);
        assertEquals("messages/energy/a-plus.xml", suite.getAttribute("name"));
        Element first = (Element) suite.getElementsByTagName("testcase").item(0);
        assertEquals("messages.energy.a-plus", first.getAttribute("classname"));
        assertTrue(first.getAttribute("name").startsWith("#1 GetRequest"), first.getAttribute("name"));
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

    @Test
    void theSchemaRejectsAReportMissingItsCounts() throws Exception {
        Path bad = out.resolve("bad.xml");
        Files.writeString(bad, "<testsuites><testsuite name=\"x\"><testcase name=\"a\" classname=\"b\" time=\"1\"/>"
                + "</testsuite></testsuites>");
        assertThrows(SAXException.class, () -> JUnitXml.validate(bad));
    }
}
