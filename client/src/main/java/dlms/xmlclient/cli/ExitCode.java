package dlms.xmlclient.cli;

import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.verdict.Verdict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Process exit codes; CI reads these. Documented in the README and, in {@link #HELP}, in
 * {@code --help}. They are numbered so that the highest is the worst: when several apply, the
 * run exits with {@link #worst}.
 */
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

    /**
     * Every code with its meaning, in order: {@code --help} is made from it, and a test holds the
     * README's table of exit codes to the same codes.
     */
    static final Map<Integer, String> MEANINGS = meanings();

    /** The codes in one line, for {@code --help}. */
    static final String HELP = "Exit codes: " + MEANINGS.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
            + " (the reports hold what ran); the highest that applies.";

    private static Map<Integer, String> meanings() {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(OK, "every checked reply passed");
        m.put(FAILED, "a reply failed or a script broke off");
        m.put(BAD_INPUT, "bad input");
        m.put(NO_CONNECTION, "no connection");
        m.put(CANNOT_WRITE, "a report or reply file could not be written (named on stderr)");
        m.put(INTERRUPTED, "Ctrl-C");
        m.put(TERMINATED, "SIGTERM");
        return Collections.unmodifiableMap(m);
    }

    private ExitCode() {
    }

    /** Of two outcomes' codes, the one the run exits with: the higher. */
    static int worst(int a, int b) {
        return Math.max(a, b);
    }

    /** The code a run's outcomes ask for: the worst that applies (no connection, bad input, a failure). */
    static int of(List<ScriptOutcome> outcomes) {
        int code = OK;
        for (ScriptOutcome o : outcomes) {
            if (o.status() == Status.NO_CONNECTION) {
                code = worst(code, NO_CONNECTION);
            } else if (o.status() == Status.BAD_INPUT) {
                code = worst(code, BAD_INPUT);
            } else if (o.verdict() == Verdict.FAIL || o.verdict() == Verdict.ERROR) {
                code = worst(code, FAILED);
            }
        }
        return code;
    }
}
