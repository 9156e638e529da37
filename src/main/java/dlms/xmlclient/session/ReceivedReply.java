package dlms.xmlclient.session;

import gurux.dlms.GXReplyData;

/**
 * Everything received for one request: the library's joined reply, how many frames it took,
 * the last frame as it came off the wire, and a service-level error the library raised instead
 * of returning data (exception-response, confirmed-service-error).
 */
final class ReceivedReply {
    final GXReplyData data = new GXReplyData();
    int frames;
    boolean joined;
    byte[] lastFrame;
    RuntimeException serviceError;
    /** The request's type byte (normal, next, with-list, …), 0 when it has none. */
    int requestType;
}
