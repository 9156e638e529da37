package dlms.xmlclient.simulator.cli;

import java.io.PrintStream;

import dlms.xmlclient.simulator.MeterSimulator;

/** --call on the command line: serves the call to its end, which ends the simulator. */
final class CallEnd {

    private CallEnd() {
    }

    /**
     * Waits until the head-end closes the connection (exit 0) or every connection attempt has
     * failed (exit 3, the reason on {@code err}); Ctrl-C or an interruption closes the meter.
     *
     * @return the exit code
     */
    static int await(MeterSimulator meter, PrintStream err) {
        Thread hook = new Thread(meter::close, "simulator shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (!meter.callEnded()) {
                meter.awaitCall(1000);
            }
            String failure = meter.awaitCall(0);
            if (failure != null) {
                err.println("simulator: " + failure);
                return SimulatorMain.CANNOT_LISTEN;
            }
            return SimulatorMain.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SimulatorMain.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook closes the meter.
            }
            meter.close();
        }
    }
}
