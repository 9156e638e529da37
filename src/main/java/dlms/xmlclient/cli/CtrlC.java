package dlms.xmlclient.cli;

import dlms.xmlclient.run.StopSignal;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) during a run: the first one ends the exchange in progress within a second
 * (release and disconnect, then the reports, exit code 130); a second one ends the
 * process at once. A JVM shutdown hook cannot do this: it runs after the run was cut off.
 */
final class CtrlC implements AutoCloseable {

    static final String REASON = "interrupted (Ctrl-C)";
    private static final Signal INT = new Signal("INT");

    private final StopSignal stop;
    private final SignalHandler previous;

    private CtrlC(StopSignal stop) {
        this.stop = stop;
        this.previous = Signal.handle(INT, signal -> {
            if (stop.requested() && REASON.equals(stop.reason())) {
                Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
            }
            stop.interrupt(REASON);
        });
    }

    /** Handles Ctrl-C for the run until closed. */
    static CtrlC handle(StopSignal stop) {
        return new CtrlC(stop);
    }

    boolean interrupted() {
        return REASON.equals(stop.reason());
    }

    @Override
    public void close() {
        Signal.handle(INT, previous);
    }
}
