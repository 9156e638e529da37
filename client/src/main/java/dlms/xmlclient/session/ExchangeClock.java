package dlms.xmlclient.session;

import dlms.xmlclient.media.Link;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * The deadlines of one exchange, as {@link ReplyLimits} states them: the try's (a frame sent, its
 * whole answer in), the reply's (every frame and block), and the link read in slices so that an
 * interruption (Ctrl-C) is seen within {@link #SLICE_MILLIS}. After an interruption the release
 * is hurried: one short try per frame, the interruption no longer checked.
 */
final class ExchangeClock {

    /** The longest the reader waits on the link without looking whether the run was interrupted. */
    static final int SLICE_MILLIS = 200;
    /** A try's length while releasing after an interruption: the user is waiting for the reports. */
    static final int HURRIED_TRY_MILLIS = 1000;
    /**
     * A frame still coming at this rate or faster is waited for past its try, up to the reply's
     * bound: below the slowest DLMS line (300 baud, 30 bytes a second), above a trickle attack.
     */
    static final int STEADY_BYTES_PER_SECOND = 20;

    private final Link link;
    private final int tryMillis;
    private final long maxReplyMillis;
    /** Why the run was interrupted (Ctrl-C), or null while it goes on. */
    private final Supplier<String> interruption;
    private boolean hurried;
    /** System.nanoTime() by which the current try must have its whole frame. */
    private long tryEnd;
    /** System.nanoTime() by which the current request's whole reply must be in. */
    private long replyEnd;
    /** System.nanoTime() when the current try's first bytes came, 0 before. */
    private long firstBytesAt;
    /** The reply's bytes when the try was last let run on, -1 before: it runs on only while more come. */
    private long bytesWhenRunOn;

    ExchangeClock(Link link, ReplyLimits limits, Supplier<String> interruption) {
        this.link = link;
        this.tryMillis = limits.tryMillis();
        this.maxReplyMillis = limits.maxReplyMillis();
        this.interruption = interruption;
    }

    void hurry() {
        hurried = true;
    }

    boolean hurried() {
        return hurried;
    }

    /** The try's length now, in ms. */
    int tryMillis() {
        return hurried ? HURRIED_TRY_MILLIS : tryMillis;
    }

    long maxReplyMillis() {
        return maxReplyMillis;
    }

    void startReply() {
        replyEnd = System.nanoTime() + maxReplyMillis * 1_000_000;
    }

    void startTry() {
        tryEnd = System.nanoTime() + tryMillis() * 1_000_000L;
        firstBytesAt = 0;
        bytesWhenRunOn = -1;
    }

    boolean replyOver() {
        return System.nanoTime() - replyEnd >= 0;
    }

    boolean tryOver() {
        return System.nanoTime() - tryEnd >= 0;
    }

    /**
     * Lets the try run on for a frame still coming: more bytes came since it last ran on, and
     * the {@code frameBytes} unread (they start a frame) came at {@link #STEADY_BYTES_PER_SECOND}
     * or faster since the try's first bytes.
     *
     * @param replyBytes every byte the reply has taken so far
     * @return true when the try runs on; the first time in a try, the caller traces it
     */
    boolean runOnFor(long replyBytes, int frameBytes) {
        long elapsed = System.nanoTime() - firstBytesAt;
        if (hurried || firstBytesAt == 0 || replyBytes <= bytesWhenRunOn
                || frameBytes * 1_000_000_000L < STEADY_BYTES_PER_SECOND * elapsed) {
            return false;
        }
        tryEnd = System.nanoTime() + tryMillis * 1_000_000L;
        bytesWhenRunOn = replyBytes;
        return true;
    }

    /**
     * Bytes from the meter within {@code gapMillis}, or null when none came by then, by the try's
     * end or by the reply's.
     */
    byte[] receive(int gapMillis) throws SessionException {
        long gapEnd = System.nanoTime() + gapMillis * 1_000_000L;
        long end = hurried ? Math.min(gapEnd, tryEnd) : Math.min(Math.min(gapEnd, tryEnd), replyEnd);
        for (boolean first = true; ; first = false) {
            String why = hurried ? null : interruption.get();
            if (why != null) {
                throw SessionException.stopped("stopped: " + why);
            }
            long left = end - System.nanoTime();
            if (left <= 0 && !first) {
                return null;
            }
            // The link is read once even when the deadline passed while the caller worked (a slow
            // JVM, a GC pause): bytes already here are the meter's answer in time, not late.
            try {
                byte[] chunk = link.receive((int) Math.max(1, Math.min(SLICE_MILLIS, (left + 999_999) / 1_000_000)));
                if (chunk != null) {
                    if (firstBytesAt == 0) {
                        firstBytesAt = System.nanoTime();
                    }
                    return chunk;
                }
            } catch (IOException e) { // a LinkClosedException says so in its message
                throw new SessionException(SessionException.Kind.EXCHANGE, e.getMessage(), e);
            }
        }
    }
}
