package dlms.xmlclient.cli;

/** Process exit codes; CI reads these. Documented in the README. */
public final class ExitCode {
    /** Every script ran and got all its replies. */
    public static final int OK = 0;
    /** At least one script broke off part-way (the meter stopped answering or closed the link). */
    public static final int FAILED = 1;
    /** Usage error or a message file that cannot be used. */
    public static final int BAD_INPUT = 2;
    /** A meter could not be connected or the association failed. */
    public static final int NO_CONNECTION = 3;
    /**
     * A report or reply file could not be written (named, with the cause, in one line on stderr);
     * the run itself went on, and the other files were written.
     */
    public static final int CANNOT_WRITE = 4;
    /** Ctrl-C: the run stopped after the exchange in progress; reports hold what ran (128 + SIGINT). */
    public static final int INTERRUPTED = 130;
    /** SIGTERM: like Ctrl-C, the run stopped after the exchange in progress; reports hold what ran (128 + SIGTERM). */
    public static final int TERMINATED = 143;

    private ExitCode() {
    }
}
