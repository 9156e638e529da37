package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xmlclient listen}: meters that call in (the simulator's --call) are run over their own
 * connection, each into its own folder; the listener stops after --meters or --listen-time, and
 * a meter that calls and says nothing, or hangs up, is that meter's error, named.
 */
@Tag("integration")
class ListenTest {

    /** The simulator's pause after a refused call (the listener may not be up yet). */
    private static final long RETRY_MILLIS = 200;

    @TempDir
    Path dir;

    private final List<MeterSimulator> meters = new ArrayList<>();

    @AfterEach
    void stopMeters() {
        meters.forEach(MeterSimulator::close);
    }

    @Test
    void theSampleFolderPassesOverTheConnectionTheMeterOpened() throws Exception {
        int port = freePort();
        CompletableFuture<CliRun> listening = listen(port, "--meters", "1", "--listen-time", "120", "-x", "messages",
                "-e", "expected");
        MeterSimulator meter = call(new SimulatorOptions(), port);
        CliRun run = listening.get(120, TimeUnit.SECONDS);
        int samples = samples();
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("Listening on 127.0.0.1:" + port + " for meters that call in (HDLC): " + samples
                + " scripts each, 8 at a time, until 1 meter has called in or for 120 s"), run.out);
        assertTrue(run.out.contains("1 meters: 1 passed, 0 failed, 0 not checked, 0 errors; " + samples + " scripts: "
                + samples + " passed"), run.out);
        Path own = run.outDir.resolve("meter-12345678");
        assertTrue(Files.isRegularFile(own.resolve("replies/clock/1-read.xml")), own.toString());
        assertTrue(Files.readString(own.resolve("trace.txt")).contains("connecting to tcp 127.0.0.1:"), "trace");
        assertTrue(Files.readString(own.resolve("trace.txt")).contains("(called in)"), "trace");
        assertTrue(Files.readString(own.resolve(ListenRun.IDENTIFY_TRACE)).contains("--identify serial: reading its serial number, Data 0.0.96.1.0.255"),
                "the identification read is traced");
        int linkLayer; // the link-layer samples send their own frames and make no association
        try (var files = Files.list(Path.of("messages", "link-layer"))) {
            linkLayer = (int) files.filter(f -> f.toString().endsWith(".xml")).count();
        }
        assertTrue(meter.associationRequests() > samples - linkLayer, "every script associated over the one call,"
                + " after the identification");
        assertNull(meter.awaitCall(5000), "the call ends well when the head-end hangs up");
        assertTrue(meter.callEnded(), "the listener hung up after the meter's scripts");
    }

    @Test
    void twoMetersCallAtOnceAndEachGetsItsOwnFolderByItsSerialNumber() throws Exception {
        int port = freePort();
        CompletableFuture<CliRun> listening = listen(port, "--meters", "2", "--parallel", "2", "-w", "-x",
                "messages/clock", "-e", "expected/clock");
        call(new SimulatorOptions().wrapper(true).serialNumber(22222221L), port);
        call(new SimulatorOptions().wrapper(true).serialNumber(22222222L), port);
        CliRun run = listening.get(120, TimeUnit.SECONDS);
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("(WRAPPER)"), run.out);
        assertTrue(run.out.contains("2 meters: 2 passed"), run.out);
        for (String name : List.of("meter-22222221", "meter-22222222")) {
            assertTrue(Files.isRegularFile(run.outDir.resolve(name).resolve("replies/1-read.xml")), run.out);
        }
        String junit = Files.readString(run.outDir.resolve("junit.xml"));
        assertTrue(junit.contains("meter-22222221/1-read.xml") && junit.contains("meter-22222222/1-read.xml"), junit);
    }

    @Test
    void listenTimeEndsAListenerNoMeterCalledWithNoConnection() throws Exception {
        int port = freePort();
        long start = System.nanoTime();
        CliRun run = listen(port, "--listen-time", "1", "-x", "messages/clock").get(30, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ExitCode.NO_CONNECTION, run.exitCode, run.toString());
        assertTrue(run.err.contains("no meter called in on port " + port + " within 1 s (--listen-time)"), run.err);
        assertTrue(millis < 10_000, "stopped at --listen-time: " + millis + " ms");
    }

    @Test
    void aMeterThatCallsAndSaysNothingIsItsOwnErrorWithinTheWaitTime() throws Exception {
        int port = freePort();
        CompletableFuture<CliRun> listening = listen(port, "--meters", "1", "--wait-time", "300", "--retries", "0",
                "-x", "messages/clock");
        try (Socket silent = connect(port)) {
            CliRun run = listening.get(30, TimeUnit.SECONDS);
            assertEquals(ExitCode.NO_CONNECTION, run.exitCode, run.toString());
            String peer = "127.0.0.1:" + silent.getLocalPort();
            assertTrue(run.out.contains("ERROR        call-127.0.0.1_" + silent.getLocalPort()), run.out);
            assertTrue(run.out.contains("--identify serial: the meter that called in from " + peer + ": SNRM failed: no"
                    + " reply from the meter within 300 ms"), run.out);
        }
    }

    @Test
    void aMeterThatHangsUpFailsEveryScriptNamingTheClosedConnection() throws Exception {
        int port = freePort();
        CompletableFuture<CliRun> listening = listen(port, "--meters", "1", "--identify", "peer", "-x",
                "messages/clock");
        Socket gone = connect(port);
        int local = gone.getLocalPort();
        gone.close();
        CliRun run = listening.get(30, TimeUnit.SECONDS);
        assertEquals(ExitCode.NO_CONNECTION, run.exitCode, run.toString());
        assertTrue(run.out.contains("the meter that called in from 127.0.0.1:" + local + " closed the connection"),
                run.out);
        assertTrue(Files.isDirectory(run.outDir.resolve("call-127.0.0.1_" + local)), run.out);
    }

    @Test
    void pushesNoScriptWaitedForAreKeptInTheMetersNotificationsFile() throws Exception {
        String get = """
                  <GetRequest><GetRequestNormal><InvokeIdAndPriority Value="193" /><AttributeDescriptor>
                    <ClassId Value="1" /><InstanceId Value="0.0.96.1.0.255" /><AttributeId Value="2" />
                  </AttributeDescriptor></GetRequestNormal></GetRequest>
                """;
        Path script = dir.resolve("sleepy.xml");
        Files.writeString(script, "<Messages>\n" + get + "  <Sleep Value=\"2500\" />\n" + get + "</Messages>\n");
        int port = freePort();
        CompletableFuture<CliRun> listening = listen(port, "--meters", "1", "--identify", "peer", "-x",
                script.toString());
        meters.add(MeterSimulator.call(new SimulatorOptions(), new InetSocketAddress("127.0.0.1", port), RETRY_MILLIS,
                1000));
        CliRun run = listening.get(60, TimeUnit.SECONDS);
        assertEquals(0, run.exitCode, run.toString());
        try (var folders = Files.list(run.outDir)) {
            Path own = folders.filter(f -> f.getFileName().toString().startsWith("call-")).findFirst().orElseThrow();
            String kept = Files.readString(own.resolve(DrainedNotifications.FILE));
            assertTrue(kept.contains("<!-- notification 1: unsolicited, no script waited for it -->\n  <DataNotification>"),
                    kept);
            assertTrue(kept.contains("<OctetString Value=\"0000190900FF\" />"), kept);
        }
    }

    @Test
    void listenWithoutAPortIsBadInputNamingTheOption() {
        CliRun run = CliRun.run(dir.resolve("out"), "listen", "-x", "messages/clock");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertEquals("xmlclient listen: -p is required: the TCP port meters call in to (0 = any free port)\n",
                run.err);
        CliRun identify = CliRun.run(dir.resolve("out"), "listen", "-p", "0", "--identify", "imei", "-x",
                "messages/clock");
        assertEquals(ExitCode.BAD_INPUT, identify.exitCode, identify.toString());
        assertTrue(identify.err.contains("--identify imei: expected serial (default), name or peer"), identify.err);
        CliRun here = CliRun.run(dir.resolve("out"), "listen", "-p", "0", "-h", "10.0.0.1", "-x", "messages/clock");
        assertEquals(ExitCode.BAD_INPUT, here.exitCode, here.toString());
        assertEquals("xmlclient listen: -h does not go with listen: the meters call in, to the port of -p (see xmlclient"
                + " listen --help)\n", here.err);
    }

    private CompletableFuture<CliRun> listen(int port, String... args) {
        List<String> all = new ArrayList<>(List.of("listen", "-p", String.valueOf(port), "-b", "127.0.0.1"));
        all.addAll(List.of(args));
        return CompletableFuture.supplyAsync(() -> CliRun.run(dir.resolve("out"), all.toArray(String[]::new)));
    }

    private MeterSimulator call(SimulatorOptions options, int port) throws Exception {
        MeterSimulator meter = MeterSimulator.call(options, new InetSocketAddress("127.0.0.1", port), RETRY_MILLIS);
        meters.add(meter);
        return meter;
    }

    /** Connects as a meter would, once the listener is up. */
    private static Socket connect(int port) throws Exception {
        for (int i = 0; ; i++) {
            try {
                return new Socket("127.0.0.1", port);
            } catch (java.net.ConnectException e) {
                if (i > 100) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static int samples() throws Exception {
        try (var files = Files.walk(Path.of("messages"))) {
            return (int) files.filter(f -> f.toString().endsWith(".xml")).count();
        }
    }
}
