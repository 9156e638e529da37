package dlms.xmlclient.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child process, timed from just before it is started to its exit, and its peak resident
 * memory read from {@code /proc/PID/status} while it runs (Linux; none elsewhere).
 *
 * @param nanos    wall time, start to exit
 * @param exitCode the child's exit code
 * @param peakKb   VmHWM in kB, 0 when it could not be read
 * @param output   what the child wrote (stdout, then stderr), for an error message
 */
record ChildRun(long nanos, int exitCode, long peakKb, String output) {

    private static final long POLL_MILLIS = 3;
    private static final long TIMEOUT_SECONDS = 120;

    static ChildRun run(List<String> command, Path logDir) throws IOException, InterruptedException {
        return run(command, logDir, TIMEOUT_SECONDS, POLL_MILLIS);
    }

    /** @param pollMillis how often VmHWM is read: a run of minutes needs no 3 ms readings */
    static ChildRun run(List<String> command, Path logDir, long timeoutSeconds, long pollMillis)
            throws IOException, InterruptedException {
        return run(command, logDir, timeoutSeconds, pollMillis, Map.of());
    }

    /** @param environment variables set for the child, beside this process's */
    static ChildRun run(List<String> command, Path logDir, long timeoutSeconds, long pollMillis,
            Map<String, String> environment) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path out = logDir.resolve("stdout.txt");
        Path err = logDir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        PeakPoller poller = new PeakPoller(process, pollMillis);
        Thread thread = new Thread(poller, "bench-vmhwm-" + process.pid());
        thread.setDaemon(true);
        thread.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not exit within " + timeoutSeconds + " s");
        }
        long nanos = System.nanoTime() - start;
        thread.join();
        String output = Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
        return new ChildRun(nanos, process.exitValue(), poller.peakKb, output);
    }

    /**
     * Reads VmHWM ("high water mark": the largest resident set the process has had) every few
     * ms until the process ends. VmHWM never goes down while one program image runs, so the last
     * reading is the peak, missing at most what the last few ms added; a reading taken after the
     * process has become a zombie has no VmHWM line and is skipped. bin/xmlclient is a shell
     * script that {@code exec}s java: the PID stays, and exec starts a fresh VmHWM for the JVM,
     * so the shell's few MB before it never count.
     */
    private static final class PeakPoller implements Runnable {

        private final Process process;
        private final Path status;
        private final long pollMillis;
        private volatile long peakKb;

        PeakPoller(Process process, long pollMillis) {
            this.process = process;
            this.pollMillis = pollMillis;
            this.status = Path.of("/proc", String.valueOf(process.pid()), "status");
        }

        @Override
        public void run() {
            while (process.isAlive()) {
                long kb = vmHwm(status);
                if (kb > 0) {
                    peakKb = kb;
                }
                try {
                    Thread.sleep(pollMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** VmHWM of the process at {@code /proc/PID/status}, in kB; 0 when it cannot be read. */
    static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Gone already, or not Linux.
        }
        return 0;
    }
}
