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
    /** The exchange was ended by an interruption (Ctrl-C, SIGTERM), not by the link. */
    private final boolean stopped;

    public SessionException(Kind kind, String message) {
        this(kind, message, null, false);
    }

    public SessionException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, false);
    }

    private SessionException(Kind kind, String message, Throwable cause, boolean stopped) {
        super(message, cause);
        this.kind = kind;
        this.stopped = stopped;
    }

    /** An exchange ended by an interruption: the link is not known to be broken. */
    static SessionException stopped(String message) {
        return new SessionException(Kind.EXCHANGE, message, null, true);
    }

    boolean isStopped() {
        return stopped;
    }

    public Kind kind() {
        return kind;
    }
}
