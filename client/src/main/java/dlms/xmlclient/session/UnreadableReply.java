package dlms.xmlclient.session;

/** A reply the client cannot read, worded by our code (not the library's text). */
final class UnreadableReply extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableReply(String message, Throwable cause) {
        super(message, cause);
    }
}
