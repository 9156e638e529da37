package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.MeterFleet;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --targets and --parallel: the sample scripts against a fleet of simulated meters, each into its own folder. */
@Tag("integration")
class FleetTest {

    private static final int METERS = 20;
    /** The LN samples: the fleet's meters are LN meters. */
    /** The logical-name samples the fleets run: every script under messages/ but sn/. */
    private static final int SCRIPTS = lnSamples();
    /** Of those, the scripts that send their own frames and make no association. */
    private static final int LINK_LAYER_SAMPLES = samples(Path.of("messages", "link-layer"));

    @TempDir
    Path dir;

    private final List<MeterSimulator> meters = new ArrayList<>();

    @AfterEach
    void stopMeters() {
        meters.forEach(MeterSimulator::close);
    }

    private Path targets(int count, String... extraLines) throws Exception {
        StringBuilder csv = new StringBuilder("name,host,port,flags\n# a simulated fleet\n");
        for (int i = 0; i < count; i++) {
            MeterSimulator m = MeterSimulator.start(new SimulatorOptions().port(0).serialNumber(12345678L + i));
            meters.add(m);
            csv.append("meter-").append(m.serialNumber()).append(",127.0.0.1,").append(m.port()).append(",\n");
        }
        for (String line : extraLines) {
            csv.append(line).append('\n');
        }
        Path file = dir.resolve("targets.csv");
        Files.writeString(file, csv);
        return file;
    }

    private CliRun fleet(Path targets, String... more) {
        List<String> args = new ArrayList<>(List.of("-x", "messages", "--exclude", "sn/**", "-e", "expected",
                "--targets", targets.toString()));
        args.addAll(List.of(more));
        return CliRun.run(dir.resolve("out"), args.toArray(String[]::new));
    }

    @Test
    void everyMeterRunsEveryScriptIntoItsOwnFolderAndTheSummaryCountsMeters() throws Exception {
        CliRun run = fleet(targets(METERS), "--parallel", "8");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("Fleet of 20 meters, " + SCRIPTS + " scripts each, 8 at a time"), run.out);
        assertTrue(run.out.contains("20 meters: 20 passed, 0 failed, 0 not checked, 0 errors; " + METERS * SCRIPTS
                + " scripts: " + METERS * SCRIPTS + " passed,"), run.out);
        for (MeterSimulator m : meters) {
            Path own = run.outDir.resolve("meter-" + m.serialNumber());
            assertTrue(Files.isRegularFile(own.resolve("replies/clock/1-read.xml")), own.toString());
            assertTrue(Files.readString(own.resolve("trace.txt")).contains("connecting to tcp 127.0.0.1:" + m.port()));
            assertFalse(Files.exists(own.resolve("report.html")), "a passing meter needs no report page");
            assertTrue(m.associationRequests() >= SCRIPTS - LINK_LAYER_SAMPLES,
                    "each script associated with this meter itself (link-layer scripts set up the link alone)");
        }
        String junit = Files.readString(run.outDir.resolve("junit.xml"));
        assertEquals(METERS * SCRIPTS, count(junit, "<testsuite "), "one testsuite per meter and script");
        assertTrue(junit.contains("<testsuite name=\"meter-12345678/clock/1-read.xml\""), junit.substring(0, 400));
        assertTrue(junit.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"xmlclient fleet\" tests=\""
                + count(junit, "<testcase ") + "\" failures=\"0\" errors=\"0\""), junit.substring(0, 200));
        assertFalse(Files.exists(run.outDir.resolve("junit.xml.part")));
    }

    @Test
    void aSimulatedFleetOnOnePortRunsFromTheTargetsFileItWrites() throws Exception {
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(METERS).onePort(true))) {
            Path file = dir.resolve("fleet.csv");
            fleet.writeTargets(file);
            CliRun run = fleet(file, "--parallel", "8");
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.out.contains("20 meters: 20 passed, 0 failed, 0 not checked, 0 errors; "
                    + METERS * SCRIPTS + " scripts: " + METERS * SCRIPTS + " passed,"), run.out);
            String trace = Files.readString(run.outDir.resolve(fleet.meters().get(7).name()).resolve("trace.txt"));
            long serial = fleet.meters().get(7).serialNumber();
            assertTrue(trace.contains("associated as client 17 with server "), trace);
            assertTrue(Files.readString(run.outDir.resolve(fleet.meters().get(7).name())
                    .resolve("replies/get-serial-number.xml")).contains("Value=\"" + serial + "\""),
                    "each meter answered with its own serial number");
        }
    }

    @Test
    void aMeterWithAWrongPasswordAndADeadMeterDoNotStopTheOthers() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort(); // closed again: nothing listens there
        }
        MeterSimulator other = MeterSimulator.start(new SimulatorOptions().port(0));
        meters.add(other);
        Path file = targets(3, "wrong-password,127.0.0.1," + other.port() + ",-P wrong", "dead,127.0.0.1," + dead + ",");
        CliRun run = fleet(file, "--parallel", "2");
        assertEquals(ExitCode.NO_CONNECTION, run.exitCode, run.toString());
        assertTrue(run.out.contains("5 meters: 3 passed, 0 failed, 0 not checked, 2 errors"), run.out);
        // Only the scripts with their own association (public/, secure/) and the link-layer scripts
        // (no association at all) pass with a wrong -P.
        int passing = samplesIn("public") + samplesIn("secure") + LINK_LAYER_SAMPLES;
        assertTrue(Pattern.compile("ERROR +wrong-password +" + SCRIPTS + " scripts: " + passing
                + " passed, 0 failed, 0 not checked, " + (SCRIPTS - passing) + " errors")
                .matcher(run.out).find(), run.out);
        assertTrue(run.out.contains("wrong password (check -P in " + file + ":6)"), "its own line's -P: " + run.out);
        assertTrue(run.out.contains("cannot connect to 127.0.0.1:" + dead), run.out);
        assertTrue(Files.exists(run.outDir.resolve("dead/report.html")), "a meter that did not pass gets its page");
        String junit = Files.readString(run.outDir.resolve("junit.xml"));
        assertTrue(junit.contains("<testsuite name=\"dead/clock/1-read.xml\""), junit);
        assertTrue(junit.contains("type=\"NoConnection\""), junit);
    }

    @Test
    void aMetersOwnWrongPasswordOrKeyIsNamedByItsTargetsLine() throws Exception {
        MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
        meters.add(meter);
        String at = ",127.0.0.1," + meter.port() + ",";
        Path file = dir.resolve("targets.csv");
        Files.writeString(file, "name,host,port,flags\n"
                + "wrong-password" + at + "-c 17 -a Low -P wrong\n"
                + "wrong-key" + at + "-c 1 -a HighGMAC -C AuthenticationEncryption -T " + SecurityTest.TITLE
                + " -A " + SecurityTest.AK + " -B 0F0E0D0C0B0A09080706050403020100\n");
        CliRun run = CliRun.run(dir.resolve("out"), "-x", "messages/clock/1-read.xml", "--targets", file.toString(),
                "--wait-time", "1000", "--retries", "0");
        assertEquals(ExitCode.NO_CONNECTION, run.exitCode, run.toString());
        assertTrue(run.out.contains("wrong password (check -P in " + file + ":2)"), run.out);
        assertTrue(run.out.contains("wrong block cipher key (-B in " + file + ":3), authentication key (-A in " + file + ":3)"),
                run.out);
    }

    @Test
    void aBadTargetsLineIsNamedByFileAndLine() throws Exception {
        Path file = dir.resolve("bad.csv");
        for (String[] c : new String[][] {
                {"a,127.0.0.1,4061\nb,127.0.0.1,99999", ":2: meter b: port '99999' is not 1-65535"},
                {"a,127.0.0.1,4061\na,127.0.0.1,4062", ":2: meter name a is already used on line 1"},
                {"../up,127.0.0.1,4061", ":1: meter name (column 1, 5 characters): letters, digits"},
                {"a,127.0.0.1,4061,-x other", ":1: -x is not a per-meter flag"},
                {"a,127.0.0.1,4061,-h 10.0.0.1", ":1: -h is not a per-meter flag"},
                {"a,127.0.0.1", ":1: expected name,host,port[,flags]"},
                {"a,127.0.0.1,4061,-n x", "-n"},
                {"junit.xml,127.0.0.1,4061", ":1: meter name 'junit.xml' is the name of a file the fleet writes"}}) {
            Files.writeString(file, c[0] + "\n");
            CliRun run = fleet(file);
            assertEquals(ExitCode.BAD_INPUT, run.exitCode, c[0] + "\n" + run);
            assertTrue(run.err.startsWith("xmlclient: ") && run.err.contains(c[1]) && run.err.lines().count() == 1,
                    c[0] + "\n" + run.err);
        }
        CliRun withHost = CliRun.run(dir.resolve("out"), "-x", "messages", "-h", "127.0.0.1", "-p", "4061",
                "--targets", file.toString());
        assertEquals(ExitCode.BAD_INPUT, withHost.exitCode);
        assertTrue(withHost.err.contains("-h does not go with --targets"), withHost.err);
    }

    @Test
    void failFastStopsTheMetersNotYetStartedAndLeavesTheirFoldersAlone() throws Exception {
        MeterSimulator refusing = MeterSimulator.start(new SimulatorOptions().port(0));
        meters.add(refusing);
        Path file = dir.resolve("targets.csv");
        Files.writeString(file, "first,127.0.0.1," + refusing.port() + ",-P wrong\n");
        Path earlier = Files.createDirectories(dir.resolve("out/meter-12345678"));
        Files.writeString(earlier.resolve("trace.txt"), "an earlier run");
        Files.writeString(file, Files.readString(file) + Files.readString(targets(2)).lines()
                .filter(l -> l.startsWith("meter-")).reduce("", (a, b) -> a + b + "\n"));
        CliRun run = fleet(file, "--parallel", "1", "--fail-fast");
        assertTrue(run.out.contains("3 meters: 0 passed, 0 failed, 0 not checked, 1 errors, 2 not run"), run.out);
        assertEquals("an earlier run", Files.readString(earlier.resolve("trace.txt")));
        String junit = Files.readString(run.outDir.resolve("junit.xml"));
        assertEquals(3 * SCRIPTS, count(junit, "<testsuite "), "not-run meters are in junit.xml, as skipped");
    }

    @Test
    void excludedScriptsAreNotRun() throws Exception {
        CliRun run = CliRun.run(dir.resolve("single"), "-x", "messages", "--exclude", "sn/**", "--exclude",
                "load-profile/*", "-e", "expected");
        assertEquals(0, run.exitCode, run.toString());
        int run3 = SCRIPTS - 3; // the three load-profile scripts left out
        assertTrue(run.out.contains(run3 + " scripts: " + run3 + " passed"), run.out);
        assertFalse(run.out.contains("load-profile/"), run.out);
    }

    private static int lnSamples() {
        try (var files = Files.walk(Path.of("messages"))) {
            return (int) files.filter(f -> f.toString().endsWith(".xml")
                    && !f.startsWith(Path.of("messages", "sn"))).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int samples(Path folder) {
        try (var files = Files.walk(folder)) {
            return (int) files.filter(f -> f.toString().endsWith(".xml")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The sample scripts in one folder below messages/. */
    private static int samplesIn(String folder) throws java.io.IOException {
        try (var files = Files.list(Path.of("messages", folder))) {
            return (int) files.filter(f -> f.toString().endsWith(".xml")).count();
        }
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
