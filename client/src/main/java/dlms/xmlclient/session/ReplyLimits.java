package dlms.xmlclient.session;

/**
 * How long and how much the client waits for a meter, so that no meter can hang a run, whatever
 * it sends (nothing, trickled bytes, stale replies, broken frames, notifications):
 * <ul>
 * <li>a <em>try</em> (a frame sent, its answer awaited) ends when nothing has come within
 *     {@code waitTimeMillis}, when an answer pauses longer than {@code inactivityMillis}, and in any
 *     case {@link #tryMillis()} after the frame went out unless a whole frame came or one is still
 *     coming steadily (a real frame on a slow line; see ExchangeClock.STEADY_BYTES_PER_SECOND);</li>
 * <li>a frame is sent at most {@code retries + 1} times, so one frame exchange lasts at most
 *     {@code tryMillis × (retries + 1)};</li>
 * <li>one request's whole reply (every frame and block) ends within {@code maxReplyMillis} and
 *     {@code maxReplyBytes}: a meter that keeps answering, however slowly, is cut off there.</li>
 * </ul>
 *
 * @param waitTimeMillis   how long to wait for a reply to start (and for the TCP connect)
 * @param inactivityMillis how long a reply may pause once it has started
 * @param retries          how many times a request is resent when no reply arrives
 * @param maxReplyBytes    the most bytes one reply may take, all its frames and blocks together
 * @param maxReplyMillis   the longest one reply may take, all its frames and blocks together
 */
public record ReplyLimits(int waitTimeMillis, int inactivityMillis, int retries, long maxReplyBytes,
        long maxReplyMillis) {

    /**
     * 16 MiB: a year of 15-minute profile rows is about 1 MiB; a meter sending more is looping
     * (and at 200 bytes a block on loopback, 16 MiB is reached in well under a minute).
     */
    public static final long DEFAULT_MAX_REPLY_BYTES = 16L << 20;

    /**
     * 10 minutes: a year of 15-minute profile rows (about 1 MiB) at 19200 baud. No bound derived
     * from the per-frame waits can tell a slow endless reply from a long real one: this one says it.
     */
    public static final long DEFAULT_MAX_REPLY_MILLIS = 600_000;

    /** The defaults: 5 s, 3 retries, 16 MiB, 10 minutes. */
    public static final ReplyLimits DEFAULT = new ReplyLimits(5000, 5000, 3, DEFAULT_MAX_REPLY_BYTES);

    /** Limits with the default {@link #DEFAULT_MAX_REPLY_MILLIS}. */
    public ReplyLimits(int waitTimeMillis, int inactivityMillis, int retries, long maxReplyBytes) {
        this(waitTimeMillis, inactivityMillis, retries, maxReplyBytes, DEFAULT_MAX_REPLY_MILLIS);
    }

    /**
     * The longest one try lasts: the frame's answer must be whole by then, whatever came. The
     * longer of the two waits, so that a slow serial line given a long {@code --inactivity} keeps it.
     */
    public int tryMillis() {
        return Math.max(waitTimeMillis, inactivityMillis);
    }

    /** The longest one frame exchange lasts, every try together. */
    public long frameExchangeMillis() {
        return (long) tryMillis() * (retries + 1);
    }
}
