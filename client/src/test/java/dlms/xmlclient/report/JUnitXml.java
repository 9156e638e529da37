package dlms.xmlclient.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test helper: a junit.xml must validate against the schema Jenkins' xUnit plugin checks a JUnit
 * report with (junit-10.xsd, stored unchanged in test resources), carry what Jenkins and GitLab
 * read (every suite's four counts, every case's class name and time), and add up.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    /** Validates {@code file} and checks every suite's counts against its test cases; returns the document. */
    public static Document validate(Path file) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JUnitXml.class.getResource("/junit/junit-10.xsd"))
                .newValidator().validate(new StreamSource(file.toFile()));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        NodeList suites = doc.getElementsByTagName("testsuite");
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            String name = suite.getAttribute("name");
            int cases = suite.getElementsByTagName("testcase").getLength();
            for (String count : new String[] {"tests", "failures", "errors", "skipped"}) {
                assertTrue(suite.getAttribute(count).matches("[0-9]+"), name + " " + count + "=\""
                        + suite.getAttribute(count) + "\"");
            }
            NodeList testCases = suite.getElementsByTagName("testcase");
            for (int c = 0; c < testCases.getLength(); c++) {
                Element testCase = (Element) testCases.item(c);
                assertFalse(testCase.getAttribute("classname").isEmpty(), name + ": a case without classname");
                assertTrue(testCase.getAttribute("time").matches("[0-9]+\\.[0-9]{3}"), name + ": time");
            }
            assertEquals(cases, Integer.parseInt(suite.getAttribute("tests")), name + " tests");
            assertEquals(suite.getElementsByTagName("failure").getLength(),
                    Integer.parseInt(suite.getAttribute("failures")), name + " failures");
            assertEquals(suite.getElementsByTagName("error").getLength(),
                    Integer.parseInt(suite.getAttribute("errors")), name + " errors");
            assertEquals(suite.getElementsByTagName("skipped").getLength(),
                    Integer.parseInt(suite.getAttribute("skipped")), name + " skipped");
            tests += cases;
            failures += suite.getElementsByTagName("failure").getLength();
            errors += suite.getElementsByTagName("error").getLength();
        }
        Element root = doc.getDocumentElement();
        assertEquals(tests, Integer.parseInt(root.getAttribute("tests")), "total tests");
        assertEquals(failures, Integer.parseInt(root.getAttribute("failures")), "total failures");
        assertEquals(errors, Integer.parseInt(root.getAttribute("errors")), "total errors");
        return doc;
    }
}
