package dlms.xmlclient.simulator.transport;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * How a meter's replies are held back and paced, as over a slow or distant link: each reply
 * starts {@code latencyMillis} ± {@code jitterMillis} (uniform, never before the request) after
 * its request's last byte, and with a {@code baud} rate its bytes leave at baud / 10 bytes a
 * second (8N1). {@link #NONE} sends at once.
 *
 * @param latencyMillis 0..{@value #MAX_LATENCY_MILLIS}
 * @param jitterMillis 0..{@value #MAX_LATENCY_MILLIS}
 * @param baud 0 (not paced) or {@value #MIN_BAUD}..{@value #MAX_BAUD}
 */
public record ReplyPacing(int latencyMillis, int jitterMillis, int baud) {

    /** Longest latency and jitter. */
    public static final int MAX_LATENCY_MILLIS = 60_000;
    /** Slowest line rate. */
    public static final int MIN_BAUD = 300;
    /** Fastest line rate. */
    public static final int MAX_BAUD = 115_200;
    /** Replies sent at once, as they are made. */
    public static final ReplyPacing NONE = new ReplyPacing(0, 0, 0);
    /** How often a paced reply's next bytes are written. */
    private static final long TICK_MILLIS = 20;

    /** @throws IllegalArgumentException naming the option (--latency, --baud) out of range */
    public ReplyPacing {
        if (latencyMillis < 0 || latencyMillis > MAX_LATENCY_MILLIS
                || jitterMillis < 0 || jitterMillis > MAX_LATENCY_MILLIS) {
            throw new IllegalArgumentException("--latency must be MS or MS:JITTER, each 0.."
                    + MAX_LATENCY_MILLIS + " ms: " + latencyMillis + ":" + jitterMillis);
        }
        if (baud != 0 && (baud < MIN_BAUD || baud > MAX_BAUD)) {
            throw new IllegalArgumentException("--baud must be " + MIN_BAUD + ".." + MAX_BAUD
                    + ": " + baud);
        }
    }

    /** @return the same pacing with another latency and jitter */
    public ReplyPacing withLatency(int millis, int jitter) {
        return new ReplyPacing(millis, jitter, baud);
    }

    /** @return the same pacing with another line rate (0 = not paced) */
    public ReplyPacing withBaud(int value) {
        return new ReplyPacing(latencyMillis, jitterMillis, value);
    }

    /** @return true when replies go at once */
    public boolean isNone() {
        return latencyMillis == 0 && jitterMillis == 0 && baud == 0;
    }

    /** @return a reply's delay after its request: the latency ± a uniform jitter, never below 0 */
    long delayNanos() {
        long millis = latencyMillis;
        if (jitterMillis > 0) {
            millis += ThreadLocalRandom.current().nextLong(-jitterMillis, jitterMillis + 1L);
        }
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
    }

    /**
     * @param bytes a count of bytes
     * @return how long they take on the line: bytes * 10 / baud seconds; 0 when not paced
     */
    long lineNanos(long bytes) {
        return baud == 0 ? 0 : bytes * 10 * TimeUnit.SECONDS.toNanos(1) / baud;
    }

    /** @return how many bytes are written at a time: one tick's worth, at least 1 */
    int chunkBytes() {
        return baud == 0 ? Integer.MAX_VALUE
                : (int) Math.max(1, baud / 10 * TICK_MILLIS / 1000);
    }

    /** @return e.g. "latency 200 ms ± 50, 9600 baud", "" for none */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (latencyMillis != 0 || jitterMillis != 0) {
            text.append("latency ").append(latencyMillis).append(" ms");
            if (jitterMillis != 0) {
                text.append(" ± ").append(jitterMillis);
            }
        }
        if (baud != 0) {
            text.append(text.length() == 0 ? "" : ", ").append(baud).append(" baud");
        }
        return text.toString();
    }
}
