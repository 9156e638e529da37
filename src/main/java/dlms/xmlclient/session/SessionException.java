package dlms.xmlclient.session;

/** A failure of the link or the association, with a one-line, user-facing message. */
public final class SessionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What failed; the runner maps these to verdicts and exit codes. */
    public enum Kind {
        /** The medium could not be opened (host unreachable, port closed). */
        CONNECT,
        /** SNRM/UA, AARQ/AARE or the HLS challenge failed. */
        ASSOCIATE,
        /** The meter did not answer in time, closed the link, or sent something unusable. */
        EXCHANGE
    }

    private final Kind kind;

    public SessionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SessionException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
