package dlms.xmlclient.hostile;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The xmlclient command in a child JVM (bin/xmlclient's main class), to be signalled, killed or starved of heap. */
public final class ChildRun implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private ChildRun(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code java JVM_OPTIONS dlms.xmlclient.cli.Main ARGS}; its output goes to files in {@code logs}. */
    public static ChildRun start(Path logs, List<String> jvmOptions, String... args) throws IOException {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dlms.xmlclient.cli.Main");
        command.addAll(List.of(args));
        Path out = logs.resolve("stdout.txt");
        Path err = logs.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        return new ChildRun(p, out, err);
    }

    public Process process() {
        return process;
    }

    /** Waits for the exit, at most {@code seconds}; the exit code, or -1 if it did not end. */
    public int waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** Polls {@code condition} every 20 ms for at most {@code seconds}. */
    public static boolean await(BooleanSupplier condition, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    /** The output so far, for assertion messages. */
    public String output() {
        try {
            return "--- out\n" + Files.readString(out) + "--- err\n" + Files.readString(err);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
