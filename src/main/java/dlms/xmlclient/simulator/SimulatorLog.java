package dlms.xmlclient.simulator;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import gurux.common.enums.TraceLevel;

/**
 * Where the simulator writes: the frame trace (every received and sent chunk in hex with a UTC
 * timestamp, a Low password masked, see {@link TraceMask}) and log lines by level. Both are
 * optional. Nothing written here may carry a key or secret.
 */
final class SimulatorLog {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final PrintStream traceOut;
    private final PrintStream logOut;
    private final TraceLevel level;

    SimulatorLog(final PrintStream traceOut, final PrintStream logOut, final TraceLevel level) {
        this.traceOut = traceOut;
        this.logOut = logOut;
        this.level = level == null ? TraceLevel.OFF : level;
    }

    /**
     * @param direction "RX" or "TX"
     * @param peer remote address
     * @param data bytes received or sent
     */
    void frame(final String direction, final String peer, final byte[] data) {
        if (traceOut != null) {
            StringBuilder sb = new StringBuilder(data.length * 3 + 64);
            sb.append(TIME.format(Instant.now())).append(' ').append(direction).append(' ')
                    .append(peer).append(' ').append(TraceMask.toHex(data));
            synchronized (traceOut) {
                traceOut.println(sb);
            }
        }
    }

    void info(final String message) {
        write(TraceLevel.INFO, "INFO", message);
    }

    void warning(final String message) {
        write(TraceLevel.WARNING, "WARNING", message);
    }

    void error(final String message, final Throwable cause) {
        write(TraceLevel.ERROR, "ERROR", cause == null ? message : message + ": " + cause);
    }

    private void write(final TraceLevel at, final String label, final String message) {
        if (logOut != null && level != TraceLevel.OFF && level.ordinal() >= at.ordinal()) {
            synchronized (logOut) {
                logOut.println(TIME.format(Instant.now()) + ' ' + label + ' ' + message);
            }
        }
    }
}
