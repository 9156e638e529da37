package dlms.xmlclient.session;

import java.util.List;
import java.util.function.Function;

/**
 * A failure of the link or the association: a one-line, user-facing message of what failed, and
 * a {@link Hint} at the settings that may be the cause, which the caller words by where each
 * setting was set (the session knows no flags).
 */
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
    private final Hint hint;
    /** The exchange was ended by an interruption (Ctrl-C, SIGTERM), not by the link. */
    private final boolean stopped;

    public SessionException(Kind kind, String message) {
        this(kind, message, Hint.NONE, null, false);
    }

    public SessionException(Kind kind, String message, Throwable cause) {
        this(kind, message, Hint.NONE, cause, false);
    }

    /** @param message what failed, without the hint */
    public SessionException(Kind kind, String message, Hint hint) {
        this(kind, message, hint, null, false);
    }

    public SessionException(Kind kind, String message, Hint hint, Throwable cause) {
        this(kind, message, hint, cause, false);
    }

    private SessionException(Kind kind, String message, Hint hint, Throwable cause, boolean stopped) {
        super(message, cause);
        this.kind = kind;
        this.hint = hint;
        this.stopped = stopped;
    }

    /** An exchange ended by an interruption: the link is not known to be broken. */
    static SessionException stopped(String message) {
        return new SessionException(Kind.EXCHANGE, message, Hint.NONE, null, true);
    }

    boolean isStopped() {
        return stopped;
    }

    public Kind kind() {
        return kind;
    }

    /** What to check; {@link Hint#NONE} when the failure points at no setting. */
    public Hint hint() {
        return hint;
    }

    /** The settings that may be the cause, in the order the hint names them. */
    public List<Setting> suspects() {
        return hint.suspects();
    }

    /**
     * The message and its hint in one line.
     *
     * @param places where each setting was set, in its user's words (see {@link Hint#words})
     */
    public String worded(Function<Setting, List<String>> places) {
        return getMessage() + hint.words(places);
    }
}
