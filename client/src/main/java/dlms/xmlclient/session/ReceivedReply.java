package dlms.xmlclient.session;

import gurux.dlms.GXReplyData;
import gurux.dlms.enums.InterfaceType;

/**
 * Everything received for one request: the library's joined reply, whether it was joined,
 * the last frame as it came off the wire, and a service-level error the library raised instead
 * of returning data (exception-response, confirmed-service-error).
 */
final class ReceivedReply {
    final GXReplyData data = new GXReplyData();
    /** The APDUs of the reply as they were on the wire (each block, ciphered ones still ciphered). */
    final ApduAssembler apdus;
    boolean joined;
    /** The reply came ciphered (glo-, ded- or general-ciphering) and the library deciphered it. */
    boolean ciphered;
    byte[] lastFrame;
    RuntimeException serviceError;
    /** The request's type byte (normal, next, with-list, …), 0 when it has none. */
    int requestType;
    /** The request's command (GetRequest, SetRequest, …), to name a joined reply whose command the library cleared. */
    int requestCommand;
    /** The request's invoke-id-and-priority byte, or -1 when the service has none. */
    int requestInvokeId = -1;
    /** Replies dropped because their invoke id was not the request's (late answers to earlier requests). */
    int staleReplies;
    long staleInvokeId = -1;
    /** Bytes received for this reply so far, every frame and block. */
    long bytes;
    /** A try whose reply started and then stopped: how many bytes it got. */
    long partialBytes;
    /** Frames dropped for a bad header or frame check sequence. */
    int badFrames;
    /** I-frames dropped for an N(S) other than the one expected (a frame lost before them?), and the first. */
    int outOfSequence;
    String outOfSequenceText;
    /** Frames the meter answered with receive-not-ready (HDLC RNR): busy, the request not taken. */
    int notReady;
    /** Unsolicited notifications (event or data) that came instead of the reply. */
    int notifications;
    /** Tries that ran out while bytes still came (trickled, or never a frame). */
    int overruns;

    ReceivedReply(InterfaceType interfaceType) {
        apdus = new ApduAssembler(interfaceType);
    }
}
