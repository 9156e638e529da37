package dlms.xmlclient.session;

/**
 * How long and how much the client waits for a meter, so that no meter can hang a run: every
 * request ends within about {@code waitTimeMillis × (retries + 1)}, and a reply that never ends
 * is cut off at {@code maxReplyBytes}.
 *
 * @param waitTimeMillis   how long to wait for a reply to start (and for the TCP connect)
 * @param inactivityMillis how long a reply may pause once it has started
 * @param retries          how many times a request is resent when no reply arrives
 * @param maxReplyBytes    the most bytes one reply may take, all its frames and blocks together
 */
public record ReplyLimits(int waitTimeMillis, int inactivityMillis, int retries, long maxReplyBytes) {

    /**
     * 16 MiB: a year of 15-minute profile rows is about 1 MiB; a meter sending more is looping
     * (and at 200 bytes a block on loopback, 16 MiB is reached in well under a minute).
     */
    public static final long DEFAULT_MAX_REPLY_BYTES = 16L << 20;

    /** The defaults: 5 s, 3 retries, 16 MiB. */
    public static final ReplyLimits DEFAULT = new ReplyLimits(5000, 5000, 3, DEFAULT_MAX_REPLY_BYTES);
}
