package dlms.xmlclient.session;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.enums.InterfaceType;

import java.util.List;

/**
 * The words for an exchange that ends without a reply the client can use: nothing (or nothing
 * whole) came within the tries, or what came does not decode.
 */
final class NoWholeReply {

    private NoWholeReply() {
    }

    /**
     * @param partial bytes came and the reply stopped short
     * @param silence what the last try saw, in words
     * @param limit the last try's length in ms
     * @param waited the wait the user set (or the hurried try's length) in ms
     * @param waitMillis --wait-time in ms
     * @param allowed the resends allowed
     */
    static SessionException failure(ReceivedReply received, boolean partial, String silence, int limit, int waited,
            int waitMillis, int allowed) {
        String tries = allowed > 0 ? " after " + (allowed + 1) + " tries" : "";
        if (received.overruns > 0) {
            return new SessionException(SessionException.Kind.EXCHANGE, "no whole reply from the meter"
                    + " within " + limit + " ms" + tries + ": it kept sending bytes that end no frame"
                    + " (slower than " + ExchangeClock.STEADY_BYTES_PER_SECOND + " bytes a second, or not a frame)"
                    + DroppedFrames.describe(received));
        }
        if (!partial && received.staleReplies > 0 && received.partialBytes == 0 && received.badFrames == 0
                && received.outOfSequence == 0) {
            return new SessionException(SessionException.Kind.EXCHANGE, "the meter answered with invoke id "
                    + DroppedFrames.invokeId(received.staleInvokeId) + ", not the request's "
                    + DroppedFrames.invokeId(received.requestInvokeId) + " (" + received.staleReplies
                    + (received.staleReplies == 1 ? " reply" : " replies") + "), and no reply with the"
                    + " request's invoke id came within " + waitMillis + " ms" + tries);
        }
        return new SessionException(SessionException.Kind.EXCHANGE, (partial ? silence
                : (received.partialBytes > 0 || received.badFrames > 0 || received.outOfSequence > 0
                        || received.notReady > 0 ? "no whole reply" : "no reply")
                        + " from the meter within " + waited + " ms")
                + tries + DroppedFrames.describe(received));
    }

    /** What could not be read, in our words: the library's own message goes to the trace. */
    static String unreadable(GXByteBuffer bytes, int start, ReceivedReply received, InterfaceType interfaceType) {
        int size = bytes.size() - start;
        ApduAssembler frame = new ApduAssembler(interfaceType);
        if (!received.apdus.midApdu()) { // the frame starts an APDU: its grammar can tell what is wrong
            frame.frame(bytes.subArray(start, size));
        }
        for (byte[] apdu : frame.apdus()) {
            List<String> found = EncodingCheck.ofApdu(apdu);
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        byte[] first = bytes.subArray(start, Math.min(size, 16));
        return size + " bytes that do not decode as a frame and APDU the client expects (" + Trace.hex(first)
                + (size > 16 ? " …" : "") + "; the decoder's reason is in trace.txt)";
    }
}
