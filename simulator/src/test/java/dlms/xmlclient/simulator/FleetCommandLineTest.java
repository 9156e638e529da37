package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dlms.xmlclient.simulator.cli.SimulatorMain;
import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.enums.ObjectType;

/** The command line of many meters: -N, -X and --write-targets. */
@Tag("integration")
class FleetCommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private int run(String... args) {
        return SimulatorMain.run(args, out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-N 0 | -N/--count needs a number 1..10000, not '0'",
        "-N 10001 | -N/--count needs a number 1..10000, not '10001'",
        "--count many | -N/--count needs a number 1..10000, not 'many'",
        "-N | Missing argument for option: N",
        "-N 2 -U | -N/--count serves meters over TCP: not with -U/--udp",
        "-N 2 -S /dev/x | -N/--count serves meters over TCP: not with -S/--serial",
        "-X -U | -X/--one-port serves meters over TCP: not with -U/--udp",
        "-N 2 -X -w | -X/--one-port tells meters apart by their HDLC server address, which"
            + " WRAPPER lacks: not with -w/--wrapper",
        "-X --any-server-address | -X/--one-port gives each frame to the meter of its server"
            + " address: not with --any-server-address",
        "-N 100 -p 65500 | -N/--count 100 from -p/--port 65500 needs ports up to 65599, past"
            + " 65535",
        "-N 2 --serial-number 2147483647 | -N/--count 2 from --serial-number 2147483647 goes"
            + " past 2147483647",
        "-U --write-targets t.csv | --write-targets lists TCP meters: not with -U/--udp",
        "-S /dev/x --write-targets t.csv | --write-targets lists TCP meters: not with"
            + " -S/--serial"})
    void badFleetOptionsExitWithTwoAndOneLineNamingTheFlags(String args,
            String message) {
        assertEquals(2, run(args.trim().split(" ")));
        String[] lines = err().split("\\R");
        assertEquals(1, lines.length, err());
        assertTrue(lines[0].contains(message), lines[0]);
        assertEquals("", out());
    }

    @Test
    void helpDocumentsTheFleetFlags() {
        assertEquals(0, run("--help"));
        for (String expected : new String[] {"-N,--count", "-X,--one-port", "--write-targets",
            "name,host,port,flags", "-n SERIAL"}) {
            assertTrue(out().contains(expected), "help mentions " + expected);
        }
    }

    @Test
    void countPrintsOneSummaryLineWritesTheTargetsAndServesUntilInterrupted() throws Exception {
        Path csv = dir.resolve("targets.csv");
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(run("-N", "3", "-X", "-p", "0",
                "--serial-number", "100", "--write-targets", csv.toString())), "simulator main");
        runner.start();
        try {
            awaitStartLine();
            String[] lines = out().split("\\R");
            assertEquals(1, lines.length, out());
            List<String> targets = Files.readAllLines(csv);
            assertEquals(4, targets.size(), targets.toString());
            String[] third = targets.get(3).split(",", -1);
            assertEquals("meter-102", third[0]);
            assertEquals("-n 102", third[3]);
            int port = Integer.parseInt(third[2]);
            assertTrue(lines[0].startsWith("Simulator fleet of 3 meters listening on port " + port
                    + ", each meter at its server address (-n SERIAL) (127.0.0.1, HDLC, LN and SN,"
                    + " server address 1 / physical SN % 10000 + 1000 / serial numbers"
                    + " 100-102, clients 1 HighGMAC ciphered"), lines[0]);
            try (TestClient client = TestClient.bySerialNumber(port, 102).associate()) {
                assertEquals("102", client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                        .getValue());
            }
        } finally {
            runner.interrupt();
            runner.join(10_000);
        }
        assertEquals(0, exit.get());
    }

    @Test
    void writeTargetsOfOneMeterListsIt() throws Exception {
        Path csv = dir.resolve("one.csv");
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(run("-p", "0", "--write-targets",
                csv.toString())), "simulator main");
        runner.start();
        try {
            awaitStartLine();
            List<String> targets = Files.readAllLines(csv);
            assertEquals(2, targets.size(), targets.toString());
            assertTrue(targets.get(1).startsWith("meter-12345678,127.0.0.1,"), targets.get(1));
            assertTrue(out().contains("Simulator listening on port "
                    + targets.get(1).split(",")[2] + " "), out());
        } finally {
            runner.interrupt();
            runner.join(10_000);
        }
        assertEquals(0, exit.get());
    }

    @Test
    void unwritableTargetsFileExitsWithTwoAndStopsTheMeters() {
        Path csv = dir.resolve("missing-folder").resolve("targets.csv");
        assertEquals(2, run("-N", "2", "-p", "0", "--write-targets", csv.toString()));
        assertTrue(err().startsWith("simulator: --write-targets: cannot write " + csv), err());
    }

    private void awaitStartLine() throws InterruptedException {
        for (int i = 0; i != 200; ++i) {
            if (out().startsWith("Simulator ") && out().endsWith(System.lineSeparator())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no start line: " + out() + err());
    }
}
