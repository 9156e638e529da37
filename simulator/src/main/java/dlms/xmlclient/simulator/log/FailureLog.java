package dlms.xmlclient.simulator.log;

import java.util.concurrent.TimeUnit;

/**
 * Failures that may repeat many times a second (accepting connections out of file descriptors,
 * a selector that keeps failing), logged at most once a second: the first at once, the next
 * ones a second after the last line, with how many were left out meanwhile. Not thread safe.
 */
public final class FailureLog {

    private static final long INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final SimulatorLog log;
    private boolean logged;
    private long lastLine;
    private int suppressed;

    public FailureLog(SimulatorLog log) {
        this.log = log;
    }

    /**
     * @param what what failed, e.g. "accepting a connection failed"
     * @param cause the failure
     */
    public void report(String what, Throwable cause) {
        long now = System.nanoTime();
        if (logged && now - lastLine < INTERVAL) {
            ++suppressed;
            return;
        }
        log.error(suppressed == 0 ? what : what + " (" + suppressed
                + " more failures in the last " + seconds(now - lastLine) + " s)", cause);
        logged = true;
        lastLine = now;
        suppressed = 0;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
