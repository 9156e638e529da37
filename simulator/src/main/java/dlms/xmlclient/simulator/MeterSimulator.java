package dlms.xmlclient.simulator;

import dlms.xmlclient.simulator.faults.MeterFault;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DeviceTemplate;
import dlms.xmlclient.simulator.faults.FaultInjection;
import dlms.xmlclient.simulator.log.SimulatorLog;
import dlms.xmlclient.simulator.transport.MeterAccess;
import dlms.xmlclient.simulator.transport.MeterCall;
import dlms.xmlclient.simulator.transport.MeterPort;
import dlms.xmlclient.simulator.transport.MeterSerialPort;
import dlms.xmlclient.simulator.transport.MeterTransport;
import dlms.xmlclient.simulator.transport.MeterUdpPort;
import dlms.xmlclient.simulator.transport.ModeEResponder;
import dlms.xmlclient.simulator.transport.ReplyPacing;
import dlms.xmlclient.simulator.transport.ServerAddress;
import gurux.dlms.objects.GXDLMSObjectCollection;

/**
 * A simulated electricity meter serving DLMS/COSEM, by logical or short names, over TCP (HDLC
 * or WRAPPER framing), UDP (WRAPPER) or a serial port (HDLC, with or without the IEC 62056-21
 * mode E handshake). Each instance has its own state, so many can run in one JVM.
 *
 * <pre>
 * try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
 *     connect to localhost:meter.port() ...
 * }
 * </pre>
 */
public final class MeterSimulator implements AutoCloseable {

    private final MeterTransport transport;
    private final MeterCore meter;
    private final GXDLMSObjectCollection device;
    private final ServerAddress serverAddress;
    private final FaultInjection faults;
    private final boolean udp;
    private final Referencing referencing;
    private final boolean modeE;
    private final ReplyPacing pacing;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MeterSimulator(MeterTransport transport, MeterCore meter,
            SimulatorOptions options) {
        this.transport = transport;
        this.meter = meter;
        this.device = meter.device();
        this.serverAddress = meter.address();
        this.faults = meter.faults();
        this.udp = options.isUdp();
        this.referencing = options.getReferencing();
        this.modeE = options.isModeE();
        this.pacing = options.getPacing();
    }

    /**
     * Builds the device (built-in or from the device file) and starts listening.
     *
     * @param options how to start
     * @return the running simulator, already listening
     * @throws IllegalArgumentException when options do not go together
     * @throws Exception when the device file cannot be loaded or the port cannot be opened
     */
    public static MeterSimulator start(SimulatorOptions options) throws Exception {
        options.check();
        if (options.isFleet()) {
            throw new IllegalArgumentException("-N/--count and -X/--one-port make a fleet:"
                    + " start it with MeterFleet");
        }
        GXDLMSObjectCollection device = DeviceTemplate.of(options.getDeviceFile())
                .create(options.getSerialNumber());
        SimulatorLog log = new SimulatorLog(options.getTraceOut(), options.getLogOut(),
                options.getLogLevel());
        MeterCore meter = new MeterCore(options, device, options.getSerialNumber(), log);
        MeterAccess access = meter.access();
        MeterTransport transport = null;
        try {
            if (options.getSerial() != null) {
                MeterSerialPort serial = new MeterSerialPort(access, log, options.getSerial(),
                        options.isModeE() ? new ModeEResponder(String.valueOf(
                                options.getSerialNumber()), options.getIecBaud(), log) : null,
                        options.isEcho(), options.getPacing());
                transport = serial;
                serial.open();
            } else if (options.isUdp()) {
                transport = MeterUdpPort.open(access, log, options.getBind(), options.getPort(),
                        options.getPacing());
            } else {
                transport = MeterPort.open(access, log, options.getBind(), options.getPort(),
                        options.getPacing());
            }
        } catch (Exception e) {
            if (transport != null) {
                transport.close();
            }
            meter.close();
            throw e;
        }
        return new MeterSimulator(transport, meter, options);
    }

    /**
     * Builds the device and calls the head-end (--call): the meter opens the TCP connection and
     * serves the head-end's frames over it, HDLC or WRAPPER as the options say (see
     * {@link MeterCall} for the retries and the end of the call).
     *
     * @param options how to start (the port and bind address are not used)
     * @param headEnd where the head-end listens
     * @param retryMillis the pause after the first failed connection attempt, doubled each time
     * @return the simulator, its call under way
     * @throws Exception when the device file cannot be loaded
     */
    public static MeterSimulator call(SimulatorOptions options, InetSocketAddress headEnd, long retryMillis)
            throws Exception {
        return call(options, headEnd, retryMillis, 0);
    }

    /**
     * {@link #call(SimulatorOptions, InetSocketAddress, long)}, pushing on the connection too.
     *
     * @param pushEveryMillis how often the meter pushes its Push setup's DATA-NOTIFICATION on the
     *        connection (--push-every), 0 for never
     */
    public static MeterSimulator call(SimulatorOptions options, InetSocketAddress headEnd, long retryMillis,
            long pushEveryMillis) throws Exception {
        options.check();
        if (options.isFleet() || options.isUdp() || options.getSerial() != null) {
            throw new IllegalArgumentException("--call is one meter over TCP: not with -N, -X, -U or a serial port");
        }
        GXDLMSObjectCollection device = DeviceTemplate.of(options.getDeviceFile())
                .create(options.getSerialNumber());
        SimulatorLog log = new SimulatorLog(options.getTraceOut(), options.getLogOut(),
                options.getLogLevel());
        MeterCore meter = new MeterCore(options, device, options.getSerialNumber(), log);
        return new MeterSimulator(MeterCall.start(meter.access(), log, headEnd, retryMillis,
                pushEveryMillis, options.getPacing()), meter, options);
    }

    /**
     * Waits for a call (--call) to end: the head-end closed the connection, or every attempt to
     * connect failed.
     *
     * @param millis the longest wait
     * @return null when the call ended well or is still under way after the wait; why it failed
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public String awaitCall(long millis) throws InterruptedException {
        if (!(transport instanceof MeterCall call)) {
            throw new IllegalStateException("not calling: started without --call");
        }
        call.awaitEnd(millis);
        return call.failure();
    }

    /** @return true when the call (--call) has ended, or this simulator does not call */
    public boolean callEnded() throws InterruptedException {
        return !(transport instanceof MeterCall call) || call.awaitEnd(0);
    }

    /**
     * @return the TCP or UDP port listened on (the real one when port 0 was asked); 0 on a
     *         serial port
     */
    public int port() {
        InetSocketAddress local = transport.localAddress();
        return local == null ? 0 : local.getPort();
    }

    /** @return the local address listened on; null on a serial port */
    public InetAddress address() {
        InetSocketAddress local = transport.localAddress();
        return local == null ? null : local.getAddress();
    }

    /** @return true for WRAPPER framing (TCP or UDP), false for HDLC */
    public boolean isWrapper() {
        return serverAddress.isWrapper();
    }

    /** @return true when it serves UDP datagrams (WRAPPER) */
    public boolean isUdp() {
        return udp;
    }

    /** @return true for short name referencing only, false when it serves logical names */
    public boolean isShortNames() {
        return referencing == Referencing.SHORT_NAMES;
    }

    /** @return the referencing it serves: LN, SN, or both chosen per association */
    public Referencing referencing() {
        return referencing;
    }

    /** @return the meter's serial number (also its IEC 62056-21 device address) */
    public long serialNumber() {
        return serverAddress.serialNumber();
    }

    /** @return the meter's HDLC physical address: serial number % 10000 + 1000 */
    public int physicalAddress() {
        return serverAddress.physical();
    }

    /** @return how the meter's replies are held back and paced (--latency, --baud) */
    public ReplyPacing pacing() {
        return pacing;
    }

    /** @return how the meter misbehaves, null when it does not */
    public MeterFault fault() {
        return faults.fault();
    }

    /**
     * @return how many AARQs the meter has received since it started, whatever the fault (so
     *         that a test can tell a client that retries a rejected association in a loop)
     */
    public int associationRequests() {
        return faults.associationRequests();
    }

    /** @return true when it answers frames sent to any server address */
    public boolean isAnyServerAddress() {
        return serverAddress.isAny();
    }

    /** @return true when a serial port opens with the mode E handshake */
    public boolean isModeE() {
        return modeE;
    }

    /** @return how it listens, e.g. "port 4061" or "serial /dev/pts/5 300 7E1" */
    public String listening() {
        return transport.describe();
    }

    /**
     * @return the clients that may associate, e.g. "1 HighGMAC ciphered / 16 public / 17 Low"
     *         (with short names only, those without HLS or ciphering)
     */
    public String clients() {
        return Associations.describeClients(device, isShortNames());
    }

    /** @return the served objects (package use: tests look into them) */
    GXDLMSObjectCollection device() {
        return device;
    }

    /**
     * Stops listening, closes client connections and waits for the port's threads to end.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            meter.access().close();
            transport.close();
            meter.close();
        }
    }
}
