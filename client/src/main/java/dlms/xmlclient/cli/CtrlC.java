package dlms.xmlclient.cli;

import dlms.xmlclient.run.StopSignal;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) or SIGTERM (a CI job cancelled, {@code kill}, {@code timeout}) during a run:
 * the first one ends the exchange in progress within a fraction of a second (a hurried release
 * and disconnect, then the reply files and reports, exit code 130 for SIGINT, 143 for SIGTERM);
 * a second one of either ends the process at once. A JVM shutdown hook cannot do this: it runs
 * after the run was cut off.
 */
final class CtrlC implements AutoCloseable {

    static final String REASON = "interrupted (Ctrl-C)";
    static final String TERMINATED = "terminated (SIGTERM)";
    private static final Signal INT = new Signal("INT");
    private static final Signal TERM = new Signal("TERM");

    private final StopSignal stop;
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private CtrlC(StopSignal stop) {
        this.stop = stop;
        this.previousInt = Signal.handle(INT, signal -> stopOrHalt(REASON));
        this.previousTerm = Signal.handle(TERM, signal -> stopOrHalt(TERMINATED));
    }

    private void stopOrHalt(String reason) {
        if (stop.requested() && isSignal(stop.reason())) {
            Runtime.getRuntime().halt(exitCode(stop.reason()));
        }
        stop.interrupt(reason);
    }

    private static boolean isSignal(String reason) {
        return REASON.equals(reason) || TERMINATED.equals(reason);
    }

    private static int exitCode(String reason) {
        return TERMINATED.equals(reason) ? ExitCode.TERMINATED : ExitCode.INTERRUPTED;
    }

    /** Handles Ctrl-C and SIGTERM for the run until closed. */
    static CtrlC handle(StopSignal stop) {
        return new CtrlC(stop);
    }

    boolean interrupted() {
        return isSignal(stop.reason());
    }

    /** 130 after Ctrl-C, 143 after SIGTERM. */
    int exitCode() {
        return exitCode(stop.reason());
    }

    @Override
    public void close() {
        Signal.handle(INT, previousInt);
        Signal.handle(TERM, previousTerm);
    }
}
