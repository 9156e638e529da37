package dlms.xmlclient.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The output files a run could not write (reply files, junit.xml, report.html): each is told in
 * one line as it happens, and the command ends with its own exit code when there is any.
 */
public final class WriteFailures {

    private final PrintStream err;
    private final List<String> lines = new ArrayList<>();

    /** @param err where each failure is told, in one line */
    public WriteFailures(PrintStream err) {
        this.err = err;
    }

    /** Tells and keeps "cannot write FILE: cause". */
    public void add(Path file, Throwable cause) {
        add("cannot write " + file + ": " + why(cause));
    }

    /** Tells and keeps a line; the same line again (the start and the end of a run) is told once. */
    public synchronized void add(String line) {
        if (!lines.contains(line)) {
            lines.add(line);
            err.println(line);
        }
    }

    public synchronized boolean any() {
        return !lines.isEmpty();
    }

    public synchronized List<String> all() {
        return List.copyOf(lines);
    }

    static String why(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.strip().lines().findFirst().orElse("");
    }
}
