package dlms.xmlclient.run;

import dlms.xmlclient.media.Link;

import java.io.PrintStream;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A run as plain values, once the options are read: what to run and where the results go. The
 * command line, each meter of a fleet and the bench each make one and hand it to
 * {@link RunLauncher}.
 *
 * @param plan      the scripts, the out and expected folders, strict and fail-fast
 * @param listeners the reports, in the order they hear of each script
 * @param echo      where the trace is echoed as it is written ({@code -t Verbose}), or null
 * @param stop      ends the run early (Ctrl-C, SIGTERM, --fail-fast)
 * @param cache     scripts loaded once for several runs (a fleet's meters), or null for this run's own
 * @param wrapLink  wraps each link the run opens (the bench counts the bytes received)
 * @param traced    whether frames go to trace.txt and the reports' trace excerpts ({@code --no-trace}: not)
 */
public record RunRequest(RunPlan plan, List<RunListener> listeners, PrintStream echo, StopSignal stop,
        ScriptCache cache, UnaryOperator<Link> wrapLink, boolean traced) {

    public RunRequest {
        listeners = List.copyOf(listeners);
    }

    /** A run with these reports, its own stop signal, no echo, no shared scripts, links as they are. */
    public static RunRequest of(RunPlan plan, List<RunListener> listeners) {
        return new RunRequest(plan, listeners, null, new StopSignal(), null, UnaryOperator.identity(), true);
    }

    public RunRequest echoingTo(PrintStream console) {
        return new RunRequest(plan, listeners, console, stop, cache, wrapLink, traced);
    }

    public RunRequest stoppedBy(StopSignal signal) {
        return new RunRequest(plan, listeners, echo, signal, cache, wrapLink, traced);
    }

    public RunRequest sharing(ScriptCache scripts) {
        return new RunRequest(plan, listeners, echo, stop, scripts, wrapLink, traced);
    }

    public RunRequest wrappingLinks(UnaryOperator<Link> wrapper) {
        return new RunRequest(plan, listeners, echo, stop, cache, wrapper, traced);
    }

    /** {@code --no-trace}: no trace.txt and no trace excerpts in the reports ({@code -t Verbose} still echoes). */
    public RunRequest untraced() {
        return new RunRequest(plan, listeners, echo, stop, cache, wrapLink, false);
    }
}
