package dlms.xmlclient.simulator.log;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import gurux.common.enums.TraceLevel;

/**
 * Where the simulator writes: the frame trace (every received and sent chunk in hex with a UTC
 * timestamp, a Low password masked in each client's stream, see {@link TraceMask}) and log lines by level. Both are
 * optional. Nothing written here may carry a key or secret.
 */
public final class SimulatorLog {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Clients whose password masks are kept. */
    private static final int MASKS = 256;

    private final PrintStream traceOut;
    private final PrintStream logOut;
    private final TraceLevel level;
    /**
     * The password masks of the clients last heard, by peer; guarded by traceOut. A peer's
     * TCP connection has a port of its own, so old ones are dropped past {@link #MASKS}.
     */
    private final Map<String, TraceMask> masks = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TraceMask> eldest) {
            return size() > MASKS;
        }
    };

    public SimulatorLog(PrintStream traceOut, PrintStream logOut, TraceLevel level) {
        this.traceOut = traceOut;
        this.logOut = logOut;
        this.level = level == null ? TraceLevel.OFF : level;
    }

    /**
     * @param direction "RX" or "TX"
     * @param peer remote address
     * @param data bytes received or sent
     */
    public void frame(String direction, String peer, byte[] data) {
        if (traceOut != null) {
            synchronized (traceOut) {
                String hex;
                if ("RX".equals(direction)) {
                    // What a client sends is read as a stream, so that a password split over
                    // HDLC segments or reads is masked too.
                    hex = masks.computeIfAbsent(peer, p -> new TraceMask()).hex(data);
                } else {
                    hex = TraceMask.toHex(data);
                }
                StringBuilder sb = new StringBuilder(data.length * 3 + 64);
                sb.append(TIME.format(Instant.now())).append(' ').append(direction).append(' ')
                        .append(peer).append(' ').append(hex);
                traceOut.println(sb);
            }
        }
    }

    public void info(String message) {
        write(TraceLevel.INFO, "INFO", message);
    }

    public void warning(String message) {
        write(TraceLevel.WARNING, "WARNING", message);
    }

    public void error(String message, Throwable cause) {
        write(TraceLevel.ERROR, "ERROR", cause == null ? message : message + ": " + cause);
    }

    private void write(TraceLevel at, String label, String message) {
        if (logOut != null && level != TraceLevel.OFF && level.ordinal() >= at.ordinal()) {
            synchronized (logOut) {
                logOut.println(TIME.format(Instant.now()) + ' ' + label + ' ' + message);
            }
        }
    }
}
