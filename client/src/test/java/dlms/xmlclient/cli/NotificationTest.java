package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <WaitForNotification>}: the simulator's Push setup pushes a DataNotification on the
 * script's connection; it is recorded like a reply and checked against the expected file, a
 * wrong value fails naming expected and arrived, and no notification fails within the timeout.
 */
@Tag("integration")
class NotificationTest {

    private static final String WAIT_ONLY = """
            <?xml version="1.0" encoding="utf-8"?>
            <Messages>
              <WaitForNotification Timeout="300" />
            </Messages>
            """;

    @TempDir
    Path dir;

    @Test
    void aPushedDataNotificationIsRecordedAndPassesItsExpectedFileOverHdlcAndWrapper() throws Exception {
        for (String framing : new String[] {"-s", "-w"}) {
            CliRun run = CliRun.run(dir.resolve("out" + framing), "-x", "messages/push", "-e", "expected/push",
                    framing, framing.equals("-s") ? "1" : "-w");
            assertEquals(0, run.exitCode, run.toString());
            String reply = Files.readString(run.replyFile("push-and-wait.xml"));
            assertTrue(reply.contains("<!-- #2 line 19: WaitForNotification -->\n  <DataNotification>"), reply);
            assertTrue(reply.contains("<OctetString Value=\"0000190900FF\" />"), reply);
            assertTrue(Files.readString(run.outDir.resolve("trace.txt"))
                    .contains("notification from the meter taken by <WaitForNotification>"), "trace");
        }
    }

    @Test
    void aPushInACipheredAssociationComesCipheredAndIsDecipheredWithItsKeys() throws Exception {
        CliRun run = CliRun.run(dir.resolve("out"), "-x", "messages/secure", "-e", "expected/secure");
        assertEquals(0, run.exitCode, run.toString());
        String trace = Files.readString(run.outDir.resolve("trace.txt"));
        // general-glo-ciphering (DB), the meter's system title GRX12345, security control 30.
        assertTrue(trace.matches("(?s).*RX 7E .* E6 E7 00 DB 08 47 52 58 31 32 33 34 35 [0-9A-F]{2} 30 .*"), trace);
        assertTrue(trace.contains("RX= 0F "), "the deciphered DATA-NOTIFICATION is traced");
        assertTrue(Files.readString(run.replyFile("ciphered-push.xml")).contains("<DataNotification>"), run.out);
    }

    @Test
    void aWrongValueInTheNotificationFailsNamingExpectedAndArrived() throws Exception {
        Path expected = dir.resolve("expected");
        Files.createDirectories(expected);
        Files.writeString(expected.resolve("push-and-wait.xml"), Files.readString(
                Path.of("expected/push/push-and-wait.xml")).replace("\"1094547\"", "\"1094548\""));
        CliRun run = CliRun.run(dir.resolve("out"), "-x", "messages/push", "-e", expected.toString());
        assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
        assertTrue(run.out.contains("messages/push/push-and-wait.xml #2 /DataNotification/NotificationBody/DataValue"
                + "/Structure/UInt32/@Value expected 1094548 got 1094547"), run.out);
    }

    @Test
    void noNotificationWithinTheTimeoutEndsTheScriptNamingTheWait() throws Exception {
        Path script = dir.resolve("wait.xml");
        Files.writeString(script, WAIT_ONLY);
        long start = System.nanoTime();
        CliRun run = CliRun.run(dir.resolve("out"), "-x", script.toString());
        assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
        assertTrue(run.out.contains("request #1 (line 3): no notification from the meter within 300 ms"
                + " (<WaitForNotification Timeout=\"300\"/>)"), run.out);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000, "bounded by the timeout");
    }

    @Test
    void aTimeoutThatIsNoNumberIsBadInputAtItsLine() throws Exception {
        Path script = dir.resolve("wait.xml");
        Files.writeString(script, WAIT_ONLY.replace("300", "soon"));
        CliRun run = CliRun.run(dir.resolve("out"), "-x", script.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.out.contains("wait.xml:3: <WaitForNotification Timeout=\"soon\"/>: expected milliseconds, 1 to"
                + " 3600000"), run.out);
    }

    @Test
    void aMeterPushingOnItsScheduleIsHeardOnTheConnectionItOpened() throws Exception {
        Path script = dir.resolve("scheduled.xml");
        Files.writeString(script, WAIT_ONLY.replace("300", "5000"));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String[] args = {"listen", "-p", String.valueOf(port), "-b", "127.0.0.1", "--meters", "1", "--identify", "peer",
            "-w", "-x", script.toString()};
        CompletableFuture<CliRun> listening = CompletableFuture.supplyAsync(() -> CliRun.run(dir.resolve("out"), args));
        try (MeterSimulator meter = MeterSimulator.call(new SimulatorOptions().wrapper(true),
                new InetSocketAddress("127.0.0.1", port), 200, 1000)) {
            CliRun run = listening.get(60, TimeUnit.SECONDS);
            assertEquals(0, run.exitCode, run.toString());
            try (var folders = Files.list(run.outDir)) {
                Path meterDir = folders.filter(f -> f.getFileName().toString().startsWith("call-")).findFirst()
                        .orElseThrow();
                String reply = Files.readString(meterDir.resolve("replies/scheduled.xml"));
                assertTrue(reply.contains("<DataNotification>") && reply.contains("<String Value=\"12345678\" />"),
                        reply);
            }
        }
    }

    @Test
    void aWaitForNoNotificationPassesInSilenceAndFailsWhenOneComes() throws Exception {
        CliRun silent = CliRun.run(dir.resolve("silent"), "-x", "messages/push/no-push-no-notification.xml", "-e",
                "expected/push");
        assertEquals(0, silent.exitCode, silent.toString());
        Path script = dir.resolve("pushed.xml");
        Files.writeString(script, Files.readString(Path.of("messages/push/push-and-wait.xml"))
                .replace("WaitForNotification", "WaitForNoNotification"));
        Path expected = Files.createDirectories(dir.resolve("pushed-expected")).resolve("pushed.xml");
        Files.writeString(expected, Files.readString(Path.of("expected/push/push-and-wait.xml"))
                .replaceAll("(?s)<DataNotification>.*</DataNotification>", "<NoNotification />"));
        CliRun pushed = CliRun.run(dir.resolve("pushed"), "-x", script.toString(), "-e", expected.getParent().toString(),
                "-c", "17", "-a", "Low", "-P", "00000000");
        assertEquals(ExitCode.FAILED, pushed.exitCode, pushed.toString());
        assertTrue(pushed.out.contains("pushed.xml #2 /DataNotification expected <NoNotification> got"
                + " <DataNotification>"), pushed.out);
    }

    @Test
    void thePushSampleRunsOverTheConnectionACallingMeterOpened() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String[] args = {"listen", "-p", String.valueOf(port), "-b", "127.0.0.1", "--meters", "1", "-x", "messages/push",
            "-e", "expected/push"};
        CompletableFuture<CliRun> listening = CompletableFuture.supplyAsync(() -> CliRun.run(dir.resolve("out"), args));
        try (MeterSimulator meter = MeterSimulator.call(new SimulatorOptions(), new InetSocketAddress("127.0.0.1",
                port), 200)) {
            CliRun run = listening.get(60, TimeUnit.SECONDS);
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(Files.readString(run.outDir.resolve("meter-12345678/replies/push-and-wait.xml"))
                    .contains("<DataNotification>"), run.out);
        }
    }
}
