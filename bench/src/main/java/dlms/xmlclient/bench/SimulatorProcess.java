package dlms.xmlclient.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator in a process of its own, as a user starts it ({@code bin/simulator -p 0}, or
 * {@code java -cp} when the jars are stale): listening on a free port it names in its first line.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    private static final long START_SECONDS = 60;

    private final Process process;
    private final int port;

    private SimulatorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param command the launcher or java command, without the port */
    static SimulatorProcess start(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-p", "0"));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        ReadPort read = new ReadPort(process);
        Thread reader = new Thread(read, "bench-simulator-output");
        reader.setDaemon(true);
        reader.start();
        if (!read.named.await(START_SECONDS, TimeUnit.SECONDS) || read.port <= 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", full) + " named no port within " + START_SECONDS + " s: "
                    + read.output());
        }
        return new SimulatorProcess(process, read.port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Reads the simulator's output until it names its port, then drains the rest. */
    private static final class ReadPort implements Runnable {

        private final Process process;
        private final StringBuilder lines = new StringBuilder();
        private final CountDownLatch named = new CountDownLatch(1);
        private volatile int port;

        ReadPort(Process process) {
            this.process = process;
        }

        @Override
        public void run() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (port != 0) {
                        continue; // the simulator's log, drained so that it never blocks on a full pipe
                    }
                    synchronized (lines) {
                        lines.append(line).append('\n');
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port = Integer.parseInt(m.group(1));
                        named.countDown();
                    }
                }
            } catch (IOException e) {
                // The process ended.
            } finally {
                named.countDown();
            }
        }

        String output() {
            synchronized (lines) {
                return lines.toString().strip();
            }
        }
    }
}
