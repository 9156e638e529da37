package dlms.xmlclient.wire.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}, as
 * a user makes a virtual serial port: bytes written to one end are read at the other. The ends
 * are symbolic links in a temporary folder. Tests that need one are skipped by JUnit's
 * assumptions when socat is missing ({@code .ci/run} installs it).
 */
public final class PtyPair implements AutoCloseable {

    private static final long START_MILLIS = 5000;

    private final Process socat;
    private final Path dir;
    private final Path a;
    private final Path b;

    private PtyPair(Process socat, Path dir) {
        this.socat = socat;
        this.dir = dir;
        this.a = dir.resolve("a");
        this.b = dir.resolve("b");
    }

    /**
     * True when socat can be started here. Under {@code .ci/run} (which sets
     * {@code XMLCLIENT_REQUIRE_SOCAT}) a missing socat is an error, not a skipped test.
     */
    public static boolean available() {
        boolean found;
        try {
            Process p = new ProcessBuilder("socat", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            found = p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            found = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found = false;
        }
        if (!found && System.getenv("XMLCLIENT_REQUIRE_SOCAT") != null) {
            throw new IllegalStateException("socat cannot be started, and XMLCLIENT_REQUIRE_SOCAT says the serial"
                    + " tests must run: install socat (apt-get install socat)");
        }
        return found;
    }

    /** Starts a pair, or skips the calling test (JUnit assumption) when socat is missing and not required. */
    public static PtyPair startOrSkip() throws IOException, InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(available(), "socat is not installed (.ci/run installs it)");
        return start();
    }

    /** Starts socat and waits until both ends exist. */
    public static PtyPair start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pty");
        Process socat = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + dir.resolve("a"), "pty,raw,echo=0,link=" + dir.resolve("b"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        PtyPair pair = new PtyPair(socat, dir);
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (!(Files.exists(pair.a) && Files.exists(pair.b))) {
            if (!socat.isAlive() || System.currentTimeMillis() > deadline) {
                pair.close();
                throw new IOException("socat did not make the pty pair: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(20);
        }
        return pair;
    }

    /** One end, e.g. for the simulator. */
    public Path a() {
        return a;
    }

    /** The other end, e.g. for the client. */
    public Path b() {
        return b;
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String name : new String[] {"a", "b", "socat.log"}) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                // Temporary files: left for the system to clean.
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Left behind.
        }
    }

    /** Reads until {@code count} bytes came or 3 s passed; what came. */
    public static byte[] readAll(SerialLine line, int count) throws IOException {
        byte[] all = new byte[0];
        long deadline = System.currentTimeMillis() + 3000;
        while (all.length < count && System.currentTimeMillis() < deadline) {
            byte[] chunk = line.read(500);
            if (chunk != null) {
                byte[] joined = new byte[all.length + chunk.length];
                System.arraycopy(all, 0, joined, 0, all.length);
                System.arraycopy(chunk, 0, joined, all.length, chunk.length);
                all = joined;
            }
        }
        return all;
    }
}
