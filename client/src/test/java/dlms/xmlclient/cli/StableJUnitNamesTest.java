package dlms.xmlclient.cli;

import dlms.xmlclient.report.JUnitXml;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * junit.xml names a CI server can keep a test's history by, through the whole command against
 * the built-in simulator: the same names wherever -x points from, and after a script is edited.
 */
@Tag("integration")
class StableJUnitNamesTest {

    /** The serial number read, written as the translator takes it. */
    private static final String SERIAL_NUMBER = """
              <GetRequest>
                <GetRequestNormal>
                  <InvokeIdAndPriority Value="193" />
                  <AttributeDescriptor>
                    <ClassId Value="1" />
                    <InstanceId Value="0000600100FF" />
                    <AttributeId Value="2" />
                  </AttributeDescriptor>
                </GetRequestNormal>
              </GetRequest>
            """;

    @TempDir
    Path dir;

    /** Copies sample scripts, with the folder's association options, into dir/msgs. */
    private Path samples(String... relativePaths) throws IOException {
        Path msgs = dir.resolve("msgs");
        copy(Path.of("messages/xmlclient.options"), msgs.resolve("xmlclient.options"));
        for (String relative : relativePaths) {
            copy(Path.of("messages", relative), msgs.resolve(relative));
        }
        return msgs;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    /** Puts {@code request} before the script's first request. */
    private static void insertAtTop(Path script, String request) throws IOException {
        String text = Files.readString(script);
        int first = text.indexOf("  <GetRequest>");
        Files.writeString(script, text.substring(0, first) + request + text.substring(first));
    }

    /** Each suite's name, then each of its cases as "classname | name". */
    private static List<String> names(Path junit) throws Exception {
        Document doc = JUnitXml.validate(junit);
        List<String> names = new ArrayList<>();
        NodeList suites = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            names.add(suite.getAttribute("name"));
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int c = 0; c < cases.getLength(); c++) {
                Element testCase = (Element) cases.item(c);
                names.add(testCase.getAttribute("classname") + " | " + testCase.getAttribute("name"));
            }
        }
        return names;
    }

    private CliRun run(String x, String out) {
        CliRun run = CliRun.run(dir.resolve(out), "-x", x);
        assertEquals(0, run.exitCode, run.toString());
        return run;
    }

    @Test
    void anAbsoluteAndARelativeXGiveTheSameNamesWithoutTheWorkspacePath() throws Exception {
        Path msgs = samples("energy/a-plus.xml", "clock/1-read.xml");
        String relative = Path.of("").toAbsolutePath().relativize(msgs).toString();
        assertFalse(Path.of(relative).isAbsolute(), relative);
        List<String> fromAbsolute = names(run(msgs.toString(), "abs").outDir.resolve("junit.xml"));
        List<String> fromRelative = names(run(relative, "rel").outDir.resolve("junit.xml"));
        assertEquals(fromAbsolute, fromRelative);
        assertEquals(List.of("clock/1-read.xml", "clock.1-read | Get 0.0.1.0.0.255 attribute 2",
                "clock.1-read | Get 0.0.1.0.0.255 attribute 3", "clock.1-read | Get 0.0.1.0.0.255 attribute 4",
                "energy/a-plus.xml", "energy.a-plus | Get 1.0.1.8.0.255 attribute 2",
                "energy.a-plus | Get 1.0.1.8.0.255 attribute 3"), fromAbsolute);
    }

    @Test
    void aSingleScriptAsXIsNamedByItsFileName() throws Exception {
        Path script = samples("energy/a-plus.xml").resolve("energy/a-plus.xml");
        List<String> names = names(run(script.toString(), "out").outDir.resolve("junit.xml"));
        assertEquals(List.of("a-plus.xml", "a-plus | Get 1.0.1.8.0.255 attribute 2",
                "a-plus | Get 1.0.1.8.0.255 attribute 3"), names);
    }

    @Test
    void aRequestInsertedAboveAnotherLeavesTheOthersNamesAsTheyWere() throws Exception {
        Path msgs = samples("energy/a-plus.xml");
        List<String> before = names(run(msgs.toString(), "before").outDir.resolve("junit.xml"));
        insertAtTop(msgs.resolve("energy/a-plus.xml"), SERIAL_NUMBER);
        List<String> after = names(run(msgs.toString(), "after").outDir.resolve("junit.xml"));
        assertNotEquals(before, after);
        assertEquals(after.size(), before.size() + 1);
        assertTrue(after.containsAll(before), "every earlier test keeps its name: " + before + " within " + after);
        assertTrue(after.contains("energy.a-plus | Get 0.0.96.1.0.255 attribute 2"), after.toString());
    }

    @Test
    void aSecondIdenticalRequestIsNumbered() throws Exception {
        Path msgs = samples("energy/a-plus.xml");
        insertAtTop(msgs.resolve("energy/a-plus.xml"), SERIAL_NUMBER + SERIAL_NUMBER);
        List<String> names = names(run(msgs.toString(), "out").outDir.resolve("junit.xml"));
        assertEquals(List.of("energy/a-plus.xml", "energy.a-plus | Get 0.0.96.1.0.255 attribute 2",
                "energy.a-plus | Get 0.0.96.1.0.255 attribute 2 (2)", "energy.a-plus | Get 1.0.1.8.0.255 attribute 2",
                "energy.a-plus | Get 1.0.1.8.0.255 attribute 3"), names);
    }

    @Test
    void aFleetReportValidatesWithTheUnreachedMetersRequestsSkipped() throws Exception {
        Path msgs = samples("energy/a-plus.xml");
        int dead;
        try (ServerSocket free = new ServerSocket(0)) {
            dead = free.getLocalPort();
        }
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            Path targets = Files.writeString(dir.resolve("targets.csv"), "site.a,127.0.0.1," + meter.port() + ",\n"
                    + "dead,127.0.0.1," + dead + ",\n");
            CliRun run = CliRun.run(dir.resolve("out"), "-x", msgs.toString(), "--targets", targets.toString());
            // The meters' suites come in the order the meters finish.
            assertEquals(List.of("dead.energy.a-plus | Get 1.0.1.8.0.255 attribute 2",
                    "dead.energy.a-plus | Get 1.0.1.8.0.255 attribute 3", "dead/energy/a-plus.xml",
                    "site.a/energy/a-plus.xml", "site_a.energy.a-plus | Get 1.0.1.8.0.255 attribute 2",
                    "site_a.energy.a-plus | Get 1.0.1.8.0.255 attribute 3"),
                    names(run.outDir.resolve("junit.xml")).stream().sorted().toList(), run.toString());
            String junit = Files.readString(run.outDir.resolve("junit.xml"));
            String deadSuite = junit.substring(junit.indexOf("<testsuite name=\"dead/"));
            assertTrue(deadSuite.matches("(?s)<testsuite [^>]*failures=\"0\" errors=\"1\" skipped=\"1\".*"), deadSuite);
            assertTrue(deadSuite.contains("<skipped message=\"not sent: the script stopped at request #1\""),
                    deadSuite);
        }
    }
}
