package dlms.xmlclient.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.hostile.MeddlingProxy.ClientSide;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C ends the exchange in progress at once, whatever the meter does: here it trickles bytes
 * that never end a frame, under a minute's --wait-time. Before, the client went on until the
 * meter hung up (79.5 s in the attack that found it).
 */
@Tag("integration")
class InterruptedExchangeTest {

    @TempDir
    Path dir;

    @Test
    void ctrlCDuringATrickledReplyEndsTheRunWithinSecondsWithEveryReport() throws Exception {
        Path script = Files.writeString(dir.resolve("serial.xml"), HostileRun.READ_SERIAL_NUMBER);
        Path out = dir.resolve("out");
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
             MeddlingProxy proxy = MeddlingProxy.start(meter.port(), false, (n, request, reply, client) -> {
                 byte[] sent = ForgedFrames.apdu(request, false);
                 if (sent.length > 0 && (sent[0] & 0xFF) == 0xC0) {
                     for (int i = 0; i < 600; i++) { // a minute of bytes that end no frame
                         client.send(new byte[] {0x55});
                         ClientSide.pause(100);
                     }
                 } else if (reply != null) {
                     client.send(reply);
                 }
             })) {
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dlms.xmlclient.cli.Main",
                    "-h", "127.0.0.1", "-p", Integer.toString(proxy.port()), "-c", "16", "-a", "None",
                    "--wait-time", "60000", "-x", script.toString(), "-o", out.toString(), "-t", "Verbose"))
                    .redirectErrorStream(true).start();
            StringBuilder console = new StringBuilder();
            long signalled = 0;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    console.append(line).append('\n');
                    if (signalled == 0 && line.contains(" RX 55")) { // the GetRequest is out and the trickle began
                        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
                        signalled = System.nanoTime();
                    }
                }
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), console.toString());
            long exitMillis = (System.nanoTime() - signalled) / 1_000_000;
            assertTrue(signalled != 0, console.toString());
            assertEquals(130, p.exitValue(), console.toString());
            // The exchange ends within 200 ms; the hurried release (RLRQ, DISC) takes at most a second
            // each; the rest is writing the reports and the JVM's exit.
            assertTrue(exitMillis < 5000, "exited " + exitMillis + " ms after Ctrl-C\n" + console);
            assertTrue(console.toString().contains("stopped: interrupted (Ctrl-C)"), console.toString());
            assertTrue(Files.readString(out.resolve("junit.xml")).contains("interrupted (Ctrl-C)"));
            assertTrue(Files.exists(out.resolve("report.html")));
            assertTrue(Files.exists(out.resolve("replies/serial.xml")));
        }
    }
}
