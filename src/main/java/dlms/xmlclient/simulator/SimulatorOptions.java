package dlms.xmlclient.simulator;

import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;

import gurux.common.enums.TraceLevel;

/**
 * How to start a {@link MeterSimulator}: fluent setters on a small mutable value. The simulator
 * copies what it needs when it starts, so changing the options afterwards has no effect on it.
 */
public final class SimulatorOptions {

    /** The default TCP port of the simulator (the IANA-registered DLMS/COSEM port is 4059). */
    public static final int DEFAULT_PORT = 4061;

    private int port = DEFAULT_PORT;
    private InetAddress bind = InetAddress.getLoopbackAddress();
    private boolean wrapper;
    private Path deviceFile;
    private PrintStream traceOut;
    private PrintStream logOut;
    private TraceLevel logLevel = TraceLevel.OFF;

    /** Defaults: port 4061 on the loopback address, HDLC, the built-in device, no trace, no log. */
    public SimulatorOptions() {
    }

    /**
     * @param value TCP port to listen on; 0 picks a free ephemeral port
     * @return this
     */
    public SimulatorOptions port(final int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("port must be 0..65535: " + value);
        }
        this.port = value;
        return this;
    }

    /**
     * @param address local address to listen on: the loopback address by default, since the
     *            simulator is a meter anyone who reaches it can read; 0.0.0.0 (or ::) for every
     *            interface
     * @return this
     */
    public SimulatorOptions bind(final InetAddress address) {
        if (address == null) {
            throw new IllegalArgumentException("bind address must not be null");
        }
        this.bind = address;
        return this;
    }

    /**
     * @param value true for the TCP/UDP WRAPPER framing, false for HDLC
     * @return this
     */
    public SimulatorOptions wrapper(final boolean value) {
        this.wrapper = value;
        return this;
    }

    /**
     * @param file device file in GXDLMSObjectCollection XML format; null = built-in device
     * @return this
     */
    public SimulatorOptions deviceFile(final Path file) {
        this.deviceFile = file;
        return this;
    }

    /**
     * @param out where every received and sent frame is written in hex with a timestamp;
     *            null = no trace
     * @return this
     */
    public SimulatorOptions trace(final PrintStream out) {
        this.traceOut = out;
        return this;
    }

    /**
     * Connection events (INFO), dropped frames (WARNING) and handler failures (ERROR).
     *
     * @param out where log lines go; null = no log
     * @param level the most detailed level written (VERBOSE behaves like INFO here)
     * @return this
     */
    public SimulatorOptions log(final PrintStream out, final TraceLevel level) {
        this.logOut = out;
        this.logLevel = level == null ? TraceLevel.OFF : level;
        return this;
    }

    int getPort() {
        return port;
    }

    InetAddress getBind() {
        return bind;
    }

    boolean isWrapper() {
        return wrapper;
    }

    Path getDeviceFile() {
        return deviceFile;
    }

    PrintStream getTraceOut() {
        return traceOut;
    }

    PrintStream getLogOut() {
        return logOut;
    }

    TraceLevel getLogLevel() {
        return logLevel;
    }
}
