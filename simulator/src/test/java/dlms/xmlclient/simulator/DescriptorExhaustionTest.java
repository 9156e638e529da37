package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ObjectType;

/**
 * Out of file descriptors (idle connections holding them all), the simulator logs the failed
 * accepts at most once a second, does not spin, and serves again once they are back. Run in a
 * child JVM under {@code ulimit -n}, the only way to run out of descriptors for real.
 */
@EnabledOnOs(OS.LINUX)
@Tag("integration")
class DescriptorExhaustionTest {

    /** Descriptors of the child: some 30 for the JVM and its jars, the rest for sockets. */
    private static final int DESCRIPTORS = 64;
    private static final int IDLE_CONNECTIONS = 60;
    private static final long HOLD_MILLIS = 3000;

    @Test
    void acceptFailuresAreLoggedOnceASecondAndTheMeterServesAgain() throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "ulimit -n " + DESCRIPTORS
                + " && exec \"$0\" -cp \"$1\" dlms.xmlclient.simulator.cli.SimulatorMain"
                + " -p 0 -w -t Info", java.toString(), System.getProperty("java.class.path"));
        pb.redirectErrorStream(true);
        Process child = pb.start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> readLines(child, lines), "child output");
        reader.setDaemon(true);
        reader.start();
        List<Socket> idle = new ArrayList<>();
        try {
            int port = awaitPort(lines);
            for (int i = 0; i != IDLE_CONNECTIONS; ++i) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
                } catch (IOException e) {
                    s.close();
                    break; // the backlog is full
                }
                idle.add(s);
            }
            int before = failureLines(lines);
            Thread.sleep(HOLD_MILLIS);
            int during = failureLines(lines) - before;
            assertTrue(failureLines(lines) > 0, "descriptors ran out: " + String.join("\n", lines));
            // One line a second, plus one for the window's edges.
            assertTrue(during <= HOLD_MILLIS / 1000 + 1, during + " lines in " + HOLD_MILLIS
                    + " ms:\n" + String.join("\n", lines));
            for (Socket s : idle) {
                s.close();
            }
            idle.clear();
            try (TestClient client = TestClient.connect(port, true, 17, Authentication.LOW,
                    Associations.LOW_SECRET).associate()) {
                assertEquals(0, client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2)
                        .getError());
                client.release();
            }
            assertTrue(child.isAlive());
            String all = String.join("\n", lines);
            assertFalse(all.contains("Exception in thread"), all);
            assertTrue(all.matches("(?s).*accepting a connection failed \\(\\d+ more failures.*"),
                    all);
        } finally {
            for (Socket s : idle) {
                s.close();
            }
            child.destroy();
            if (!child.waitFor(5, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private static int failureLines(List<String> lines) {
        synchronized (lines) {
            return (int) lines.stream()
                    .filter(l -> l.contains("ERROR accepting a connection failed")).count();
        }
    }

    private static void readLines(Process child, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The child ended.
        }
    }

    private static int awaitPort(List<String> lines) throws InterruptedException {
        Pattern pattern = Pattern.compile("listening on port (\\d+)");
        for (int i = 0; i != 600; ++i) { // 30 s: a slow start on a busy machine
            synchronized (lines) {
                for (String line : lines) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no start line: " + lines);
    }
}
