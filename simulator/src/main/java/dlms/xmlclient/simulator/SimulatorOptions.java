package dlms.xmlclient.simulator;

import dlms.xmlclient.simulator.faults.MeterFault;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;

import dlms.xmlclient.simulator.transport.ModeEResponder;
import dlms.xmlclient.simulator.transport.ReplyPacing;
import dlms.xmlclient.simulator.transport.ServerAddress;
import dlms.xmlclient.wire.line.SerialSettings;
import gurux.common.enums.TraceLevel;

/**
 * How to start a {@link MeterSimulator} or a {@link MeterFleet}: fluent setters on a small
 * mutable value. The simulator copies what it needs when it starts, so changing the options
 * afterwards has no effect on it.
 */
public final class SimulatorOptions {

    /** The default TCP port of the simulator (the IANA-registered DLMS/COSEM port is 4059). */
    public static final int DEFAULT_PORT = 4061;
    /** Most meters in a fleet: beyond it, serial numbers give physical addresses twice. */
    public static final int MAX_COUNT = 10_000;

    private int port = DEFAULT_PORT;
    private InetAddress bind = InetAddress.getLoopbackAddress();
    private boolean wrapper;
    private Path deviceFile;
    private PrintStream traceOut;
    private PrintStream logOut;
    private TraceLevel logLevel = TraceLevel.OFF;
    private boolean udp;
    private long serialNumber = ServerAddress.DEFAULT_SERIAL_NUMBER;
    private boolean anyServerAddress;
    private Referencing referencing = Referencing.BOTH;
    private SerialSettings serial;
    private boolean modeE;
    /** Proposed mode E baud rate character; null = {@link ModeEResponder#DEFAULT_BAUD}. */
    private Character iecBaud;
    private boolean echo;
    private MeterFault fault;
    private int count = 1;
    private boolean onePort;
    private ReplyPacing pacing = ReplyPacing.NONE;

    /**
     * Defaults: TCP port 4061 on the loopback address, HDLC, logical and short names (chosen per
     * association), the built-in device
     * with serial number 12345678, no trace, no log, no fault.
     */
    public SimulatorOptions() {
    }

    /**
     * @param value TCP (or UDP) port to listen on; 0 picks a free ephemeral port
     * @return this
     */
    public SimulatorOptions port(int value) {
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
    public SimulatorOptions bind(InetAddress address) {
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
    public SimulatorOptions wrapper(boolean value) {
        this.wrapper = value;
        return this;
    }

    /**
     * @param file device file in GXDLMSObjectCollection XML format; null = built-in device
     * @return this
     */
    public SimulatorOptions deviceFile(Path file) {
        this.deviceFile = file;
        return this;
    }

    /**
     * @param out where every received and sent frame is written in hex with a timestamp;
     *            null = no trace
     * @return this
     */
    public SimulatorOptions trace(PrintStream out) {
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
    public SimulatorOptions log(PrintStream out, TraceLevel level) {
        this.logOut = out;
        this.logLevel = level == null ? TraceLevel.OFF : level;
        return this;
    }

    /**
     * @param value true to serve the WRAPPER profile over UDP (implies WRAPPER) on
     *            {@link #port} instead of TCP
     * @return this
     */
    public SimulatorOptions udp(boolean value) {
        this.udp = value;
        return this;
    }

    /**
     * @param value the meter's serial number, 0..2147483647 (12345678 by default): the value
     *            of its serial-number object 0.0.96.1.0.255, the source of its HDLC physical
     *            address (SN % 10000 + 1000) and its IEC 62056-21 device address
     * @return this
     */
    public SimulatorOptions serialNumber(long value) {
        if (value < 0 || value > ServerAddress.MAX_SERIAL_NUMBER) {
            throw new IllegalArgumentException(
                    "serial number must be 0.." + ServerAddress.MAX_SERIAL_NUMBER + ": " + value);
        }
        this.serialNumber = value;
        return this;
    }

    /**
     * @param value true to answer frames sent to any server address, with the meter's own
     *            address as the source of every reply
     * @return this
     */
    public SimulatorOptions anyServerAddress(boolean value) {
        this.anyServerAddress = value;
        return this;
    }

    /** @return this, serving short names only (clients 16 and 17) if true, else LN only */
    public SimulatorOptions shortNames(boolean value) {
        return referencing(value ? Referencing.SHORT_NAMES : Referencing.LOGICAL_NAMES);
    }

    /** @return this, serving the referencing given: by default both, chosen per association */
    public SimulatorOptions referencing(Referencing value) {
        this.referencing = Objects.requireNonNull(value, "referencing");
        return this;
    }

    /**
     * @param settings serial port to serve HDLC on instead of a network port; null = network
     * @return this
     */
    public SimulatorOptions serial(SerialSettings settings) {
        this.serial = settings;
        return this;
    }

    /**
     * @param value true to open the serial port with the IEC 62056-21 mode E handshake at 300
     *            baud 7E1 (needs {@link #serial})
     * @return this
     */
    public SimulatorOptions modeE(boolean value) {
        this.modeE = value;
        return this;
    }

    /**
     * @param value the baud rate character the meter proposes in its mode E identification
     *            ('0' 300 .. '6' 19200; any other character is sent as it is)
     * @return this
     */
    public SimulatorOptions iecBaud(char value) {
        this.iecBaud = value;
        return this;
    }

    /**
     * @param value true to echo every byte received during the mode E handshake, as an optical
     *            head with echo does
     * @return this
     */
    public SimulatorOptions echo(boolean value) {
        this.echo = value;
        return this;
    }

    /**
     * @param value how the meter misbehaves (see {@link MeterFault}); null = it does not
     * @return this
     */
    public SimulatorOptions fault(MeterFault value) {
        this.fault = value;
        return this;
    }

    /**
     * @param value how many meters (a {@link MeterFleet}), 1..{@link #MAX_COUNT}: meter i
     *            (from 0) has serial number {@link #serialNumber} + i and, without
     *            {@link #onePort}, port {@link #port} + i (any free port each with port 0)
     * @return this
     */
    public SimulatorOptions count(int value) {
        if (value < 1 || value > MAX_COUNT) {
            throw new IllegalArgumentException("count must be 1.." + MAX_COUNT + ": " + value);
        }
        this.count = value;
        return this;
    }

    /**
     * @param value true to serve every meter of a {@link MeterFleet} on the one port of
     *            {@link #port}, each HDLC frame going to the meter of its server address (as
     *            on a multi-drop line); HDLC over TCP only
     * @return this
     */
    public SimulatorOptions onePort(boolean value) {
        this.onePort = value;
        return this;
    }

    /**
     * @param millis each reply starts this long after its request's last byte (the round trip
     *            a client sees), 0..60000
     * @param jitter ± this much more, uniform, never before the request, 0..60000
     * @return this
     */
    public SimulatorOptions latency(int millis, int jitter) {
        pacing = pacing.withLatency(millis, jitter);
        return this;
    }

    /** @return this, the replies' bytes leaving at value / 10 a second (300..115200; 0 = at once) */
    public SimulatorOptions baud(int value) {
        pacing = pacing.withBaud(value);
        return this;
    }

    /**
     * @throws IllegalArgumentException naming the options (by their command line flags) that
     *             do not go together
     */
    public void check() {
        if (serial != null && (wrapper || udp)) {
            throw new IllegalArgumentException(
                    "-S/--serial carries HDLC only: not with -w/--wrapper or -U/--udp");
        }
        if (modeE && serial == null) {
            throw new IllegalArgumentException("-i/--mode-e needs a serial port (-S/--serial)");
        }
        if (!modeE && (echo || iecBaud != null)) {
            throw new IllegalArgumentException((echo ? "--echo" : "--iec-baud")
                    + " applies to the mode E handshake: it needs -i/--mode-e");
        }
        if (fault != null) {
            checkFault();
        }
        if (isFleet()) {
            checkFleet();
        }
    }

    /** A fleet is TCP meters, told apart by port or (one port) by HDLC address. */
    private void checkFleet() {
        String flags = onePort ? "-X/--one-port" : "-N/--count";
        if (serial != null || udp) {
            throw new IllegalArgumentException(flags + " serves meters over TCP: not with "
                    + (udp ? "-U/--udp" : "-S/--serial"));
        }
        if (onePort && wrapper) {
            throw new IllegalArgumentException("-X/--one-port tells meters apart by their HDLC"
                    + " server address, which WRAPPER lacks: not with -w/--wrapper");
        }
        if (onePort && anyServerAddress) {
            throw new IllegalArgumentException("-X/--one-port gives each frame to the meter of"
                    + " its server address: not with --any-server-address");
        }
        if (!onePort && port != 0 && port + count - 1 > 0xFFFF) {
            throw new IllegalArgumentException("-N/--count " + count + " from -p/--port " + port
                    + " needs ports up to " + (port + count - 1) + ", past 65535");
        }
        if (serialNumber + count - 1 > ServerAddress.MAX_SERIAL_NUMBER) {
            throw new IllegalArgumentException("-N/--count " + count + " from --serial-number "
                    + serialNumber + " goes past " + ServerAddress.MAX_SERIAL_NUMBER);
        }
    }

    /** The faults that need a framing, a TCP connection or the meter's own reply address. */
    private void checkFault() {
        String name = "--fault " + fault.optionName();
        String wrapperFlag = udp ? "-U/--udp" : "-w/--wrapper";
        switch (fault) {
        case SNRM_ONLY:
        case BAD_CRC:
            if (isWrapper()) {
                throw new IllegalArgumentException(name + " is an HDLC fault: not with "
                        + wrapperFlag);
            }
            break;
        case DROP_CONNECTION:
            if (udp || serial != null) {
                throw new IllegalArgumentException(name + " closes a TCP connection: not with "
                        + (udp ? "-U/--udp" : "-S/--serial"));
            }
            break;
        case WRONG_ADDRESS:
            if (anyServerAddress) {
                throw new IllegalArgumentException(name
                        + " and --any-server-address both set the source of the replies");
            }
            break;
        default:
            break;
        }
    }

    int getPort() { return port; }

    int getCount() { return count; }

    boolean isOnePort() { return onePort; }

    /** @return true for more than one meter, or meters on one port: a {@link MeterFleet} */
    public boolean isFleet() {
        return count > 1 || onePort;
    }

    InetAddress getBind() { return bind; }

    boolean isWrapper() {
        return wrapper || udp;
    }

    boolean isUdp() { return udp; }

    long getSerialNumber() { return serialNumber; }

    boolean isAnyServerAddress() { return anyServerAddress; }

    Referencing getReferencing() { return referencing; }

    SerialSettings getSerial() { return serial; }

    boolean isModeE() { return modeE; }

    char getIecBaud() {
        return iecBaud == null ? ModeEResponder.DEFAULT_BAUD : iecBaud;
    }

    boolean isEcho() { return echo; }

    MeterFault getFault() { return fault; }

    Path getDeviceFile() { return deviceFile; }

    PrintStream getTraceOut() { return traceOut; }

    PrintStream getLogOut() { return logOut; }

    TraceLevel getLogLevel() { return logLevel; }

    ReplyPacing getPacing() { return pacing; }
}
