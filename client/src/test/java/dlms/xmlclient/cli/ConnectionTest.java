package dlms.xmlclient.cli;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Talking to a meter given with -h/-p: both DLMS profiles, and meters that are not there. */
@Tag("integration")
class ConnectionTest {

    @TempDir
    Path out;

    @Test
    void readsTheClockOverHdlc() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(meter.port()), "-c", "16", "-s", "1",
                    "-a", "None", "-x", "messages/clock/1-read.xml");
            assertEquals(0, run.exitCode, run.toString());
            assertClockReply(run);
            assertTrue(run.trace().contains("TX 7E A0"), "HDLC frames start with 7E A0");
        }
    }

    @Test
    void readsTheClockOverWrapper() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true))) {
            CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(meter.port()), "-w",
                    // messages/xmlclient.options says client 17 with Low: the command line wins, flag by flag
                    "-c", "16", "-a", "None", "-x", "messages/clock/1-read.xml");
            assertEquals(0, run.exitCode, run.toString());
            assertClockReply(run);
            assertTrue(run.trace().contains("TX 00 01 00 10 00 01"), "WRAPPER header version 1, client 16, server 1");
        }
    }

    @Test
    void publicClientSetIsDeniedAndTheDenialIsTheReply() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(meter.port()), "-c", "16",
                    "-x", "messages/public/set-clock-denied.xml");
            assertEquals(0, run.exitCode, run.toString());
            Element set = run.replies("set-clock-denied.xml").get(1);
            assertEquals("ReadWriteDenied", CliRun.xpath(set, "SetResponseNormal/Result/@Value"));
        }
    }

    @Test
    void closedPortFailsWithOneLineAndExitCode3() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(port), "--wait-time", "1000",
                "-x", "messages/clock/1-read.xml");
        assertEquals(3, run.exitCode, run.toString());
        String line = onlyLineMentioning(run.out, "1-read.xml");
        assertTrue(line.contains("ERROR") && line.contains("no connection: cannot connect") && line.contains("connection refused"), line);
    }

    @Test
    void silentMeterFailsWithinWaitTimeTimesTries() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread sink = new Thread(() -> swallow(silent), "silent meter");
            sink.setDaemon(true);
            sink.start();
            CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(silent.getLocalPort()),
                    "--wait-time", "300", "--retries", "1", "-x", "messages/clock/1-read.xml");
            assertEquals(3, run.exitCode, run.toString());
            String line = onlyLineMentioning(run.out, "1-read.xml");
            assertTrue(line.contains("SNRM failed: no reply from the meter within 300 ms after 2 tries"), line);
            assertTrue(line.contains("check -c in messages/xmlclient.options:4 and -s"), line); // its -c 17
            assertTrue(run.elapsedMillis < 5_000, "took " + run.elapsedMillis + " ms");
            try (var files = Files.walk(run.outDir)) {
                assertFalse(files.anyMatch(f -> f.toString().endsWith(".tmp")), "a temporary file was left behind");
            }
        }
    }

    @Test
    void unknownClientAddressGetsAHintNamingTheAddresses() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(meter.port()), "-c", "99",
                    "--wait-time", "300", "--retries", "0", "-x", "messages/clock/1-read.xml");
            assertEquals(3, run.exitCode, run.toString());
            assertTrue(run.out.contains("the meter may not know client 99 or server address 1"), run.out);
        }
    }

    @Test
    void wrongPasswordIsRejectedWithExitCode3() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(meter.port()), "-c", "17",
                    "-a", "Low", "-P", "Not-The-Pw-42", "-x", "messages/clock/1-read.xml");
            assertEquals(3, run.exitCode, run.toString());
            String line = onlyLineMentioning(run.out, "1-read.xml");
            assertTrue(line.contains("association rejected by the meter: authentication-failure (13): wrong password"
                    + " (check -P)"), line);
            for (String output : List.of(run.out, run.err, run.trace())) {
                assertFalse(output.contains("Not-The-Pw") || output.contains("4E 6F 74 2D"), "the password leaked: " + run);
            }
        }
    }

    @Test
    void everySampleRunsOverWrapperWithBlocksJoined() throws Exception {
        // The options files choose each folder's client (17 Low, 16 public, 1 ciphered).
        CliRun run = CliRun.run(out, "-w", "-x", "messages");
        assertEquals(0, run.exitCode, run.toString());
        Element buffer = run.replies("load-profile/whole.xml").get(2);
        assertEquals(672, CliRun.count(buffer, "GetResponseNormal/Result/Data/Array/Structure"));
        assertEquals(10, CliRun.count(run.replies("load-profile/entries-3-to-12.xml").get(0), ".//Data/Array/Structure"));
    }

    @Test
    void longPasswordSplitOverFramesAppearsInNoOutput() throws Exception {
        String password = "S3cretPassw0rd-".repeat(8);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(meter.port()), "-c", "17",
                    "-a", "Low", "-P", password, "-t", "Verbose", "-x", "messages/clock/1-read.xml");
            assertEquals(3, run.exitCode, run.toString());
            String trace = run.trace();
            assertTrue(trace.contains("** ** **"), "the AARQ is traced, masked");
            String head = gurux.dlms.GXDLMSTranslator.toHex(password.substring(0, 6).getBytes());
            String tail = gurux.dlms.GXDLMSTranslator.toHex(password.substring(password.length() - 6).getBytes());
            for (String output : List.of(trace, run.out, run.err)) {
                assertFalse(output.contains(head) || output.contains(tail) || output.contains("S3cret"), output);
            }
        }
    }

    @Test
    void associationSecretCannotBeReadByAnyClient() throws Exception {
        Path script = out.resolve("secret.xml");
        Files.writeString(script, Files.readString(Path.of("messages/association-view.xml"))
                .replace("0000280000FF", "0000280002FF").replace("<AttributeId Value=\"2\" />",
                        "<AttributeId Value=\"7\" />"));
        CliRun run = CliRun.run(out.resolve("out"), "-x", script.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertEquals("ReadWriteDenied", CliRun.xpath(run.replies("secret.xml").get(0),
                "GetResponseNormal/Result/DataAccessError/@Value"));
        assertFalse(Files.readString(run.replyFile("secret.xml")).contains("3030303030303030"));
    }

    private static void assertClockReply(CliRun run) throws Exception {
        List<Element> replies = run.replies("1-read.xml");
        assertEquals(3, replies.size());
        String time = CliRun.xpath(replies.get(0), "GetResponseNormal/Result/Data/OctetString/@Value");
        assertEquals(24, time.length(), "a 12-byte date-time: " + time);
    }

    private static String onlyLineMentioning(String text, String what) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.contains(what)) {
                lines.add(line);
            }
        }
        assertEquals(1, lines.size(), text);
        return lines.get(0);
    }

    private static void swallow(ServerSocket server) {
        try {
            while (true) {
                Socket s = server.accept();
                InputStream in = s.getInputStream();
                Thread t = new Thread(() -> {
                    try {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (IOException ignored) {
                        // closed
                    }
                });
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException closed) {
            // test over
        }
    }
}
