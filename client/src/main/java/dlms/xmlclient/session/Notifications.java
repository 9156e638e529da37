package dlms.xmlclient.session;

import java.util.ArrayDeque;

/**
 * Unsolicited notifications (DataNotification, EventNotification) that arrived while the
 * session waited for a reply: kept, frame by frame, for a script's {@code <WaitForNotification>}
 * instead of being dropped. Only the session's thread uses it.
 */
final class Notifications {

    /** More are not kept: a meter that floods the link must not fill the memory. */
    private static final int KEPT = 64;

    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();

    /** @param frame the notification's frame as it came (HDLC or WRAPPER) */
    void arrived(byte[] frame, Trace trace) {
        if (frames.size() < KEPT) {
            frames.add(frame);
            trace.note("unsolicited notification from the meter kept for the script's <WaitForNotification>");
        } else {
            trace.note("unsolicited notification from the meter dropped: " + KEPT + " are already kept");
        }
    }

    /** @return the oldest kept notification's frame, or null */
    byte[] next() {
        return frames.poll();
    }
}
