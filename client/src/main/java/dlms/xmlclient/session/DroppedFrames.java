package dlms.xmlclient.session;

/**
 * The frames of a reply that came but did not count, in words for the error that ends the
 * exchange: a reply cut short, broken frames, frames out of sequence, receive-not-ready,
 * notifications, answers to another request.
 */
final class DroppedFrames {

    private DroppedFrames() {
    }

    /** The frames of a reply that came but did not count: partial, broken or answering another request. */
    static String describe(ReceivedReply r) {
        StringBuilder b = new StringBuilder();
        if (r.partialBytes > 0) {
            b.append("; a reply stopped after ").append(r.partialBytes).append(" bytes");
        }
        if (r.badFrames > 0) {
            b.append("; ").append(r.badFrames).append(r.badFrames == 1 ? " frame" : " frames")
                    .append(" with a bad frame check sequence dropped");
        }
        if (r.outOfSequence > 0) {
            b.append("; ").append(r.outOfSequence).append(r.outOfSequence == 1 ? " I-frame" : " I-frames")
                    .append(" out of sequence dropped: ").append(r.outOfSequenceText);
        }
        if (r.notReady > 0) {
            b.append("; the meter answered receive-not-ready (HDLC RNR) ").append(times(r.notReady))
                    .append(" and never took the request");
        }
        if (r.notifications > 0) {
            b.append("; ").append(r.notifications).append(r.notifications == 1 ? " unsolicited notification"
                    : " unsolicited notifications").append(" ignored");
        }
        if (r.staleReplies > 0) {
            b.append("; ").append(r.staleReplies).append(r.staleReplies == 1 ? " reply" : " replies")
                    .append(" with invoke id ").append(invokeId(r.staleInvokeId)).append(" instead of ")
                    .append(invokeId(r.requestInvokeId)).append(" dropped");
        }
        return b.toString();
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }

    /** An invoke-id-and-priority byte as the invoke id it carries and the byte, e.g. 193 → "1 (C1)". */
    static String invokeId(long invokeIdAndPriority) {
        return (invokeIdAndPriority & 0x0F) + String.format(" (%02X)", invokeIdAndPriority & 0xFF);
    }
}
