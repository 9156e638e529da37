package dlms.xmlclient.cli;

import dlms.xmlclient.report.JUnitXml;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import dlms.xmlclient.simulator.faults.MeterFault;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code discover --access-rights} over real sockets: the simulator's declared access rights come
 * out clean, reads and write probes alike, and each wrong declaration that
 * {@code --fault wrong-access-rights} plants is found, with object, attribute, declared and observed.
 */
@Tag("integration")
class AccessRightsTest {

    private static final String[] MANAGEMENT = {"-c", "17", "-a", "Low", "-P", "00000000"};

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run xmlclient(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new XmlClientCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args.toArray(String[]::new));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> discover(Path suite, MeterSimulator meter, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("discover", "-o", suite.toString(), "--access-rights",
                "--probe-writes", "-h", "127.0.0.1", "-p", String.valueOf(meter.port())));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void theSimulatorDoesAsItsViewsDeclareAndIsLeftAsItWas() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            for (String[] client : List.of(new String[] {"-c", "16"}, MANAGEMENT)) {
                Path suite = dir.resolve("c" + client[1]);
                List<String> args = discover(suite, meter, client);
                args.add("--probe-methods");
                Run run = xmlclient(args);
                assertEquals(0, run.code, run.out + run.err);
                assertTrue(run.out.contains("access rights: the meter did as its association view declares"), run.out);
                String checks = Files.readString(suite.resolve("access-rights/clock.xml"));
                assertTrue(checks.contains("a Set of the value just read must"), checks);
                assertTrue(checks.contains("method 6 (shift_time): declared no-access: invoking it must be refused")
                        == client[1].equals("16"), checks);
                // the suite discovered before the probes still passes: they changed nothing
                Run again = xmlclient(List.of("-h", "127.0.0.1", "-p", String.valueOf(meter.port()), "-x",
                        suite.resolve("messages").toString(), "-e", suite.resolve("expected").toString(), "-o",
                        dir.resolve("again" + client[1]).toString()));
                assertEquals(0, again.code, again.out + again.err);
            }
        }
    }

    @Test
    void withoutProbesNothingIsWrittenOrInvoked() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            Path suite = dir.resolve("reads");
            Run run = xmlclient(List.of("discover", "-o", suite.toString(), "--access-rights", "-h", "127.0.0.1",
                    "-p", String.valueOf(meter.port()), "-c", "17", "-a", "Low", "-P", "00000000"));
            assertEquals(0, run.code, run.out + run.err);
            assertTrue(java.util.regex.Pattern.compile("methods: \\d+ listed, none invoked").matcher(run.out).find(),
                    run.out);
            try (java.util.stream.Stream<Path> files = Files.list(suite.resolve("access-rights"))) {
                for (Path f : files.toList()) {
                    String text = Files.readString(f);
                    assertTrue(!text.contains("<SetRequest>") && !text.contains("<ActionRequest>"), f.toString());
                }
            }
        }
    }

    @Test
    void eachWrongDeclarationIsAFindingWithDeclaredAndObserved() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .fault(MeterFault.WRONG_ACCESS_RIGHTS))) {
            Path suite = dir.resolve("fault");
            Run run = xmlclient(discover(suite, meter, MANAGEMENT));
            assertEquals(1, run.code, run.out + run.err);
            List<String> findings = Files.readAllLines(suite.resolve("access-rights.txt"));
            assertEquals(List.of(
                    "  Register 1.0.1.8.0.255 attribute 3 (scaler_unit): declared no-access; it was read",
                    "  Disconnect control 0.0.96.3.10.255 attribute 4 (control_mode): declared read-and-write; a Set of"
                            + " the value just read was refused: ReadWriteDenied"), findings.subList(1, findings.size()));
            assertTrue(findings.get(0).startsWith("access rights: 2 findings"), findings.get(0));
            // junit.xml: one test case per attribute or method, valid for Jenkins and GitLab
            org.w3c.dom.Document junit = JUnitXml.validate(suite.resolve("access-rights-report/junit.xml"));
            org.w3c.dom.NodeList failures = junit.getElementsByTagName("failure");
            assertEquals(2, failures.getLength());
            org.w3c.dom.Element register = (org.w3c.dom.Element) failures.item(0).getParentNode();
            assertEquals("access-rights.register", register.getAttribute("classname"));
            assertEquals("1.0.1.8.0.255 attribute 3 (scaler_unit)", register.getAttribute("name"));
            java.util.regex.Matcher listed = java.util.regex.Pattern.compile("attributes: (\\d+) listed").matcher(run.out);
            assertTrue(listed.find(), run.out);
            assertEquals(Integer.parseInt(listed.group(1)), junit.getElementsByTagName("testcase").getLength(),
                    "every listed attribute once");
            assertTrue(Files.exists(suite.resolve("access-rights-report/report.html")));
        }
    }

    @Test
    void probingWritesNeedsTheAccessRightsCheck() {
        Run run = xmlclient(List.of("discover", "-o", dir.toString(), "--probe-writes"));
        assertEquals(2, run.code);
        assertEquals("xmlclient discover: --probe-writes goes with --access-rights (it probes the declared access)\n",
                run.err);
    }
}
