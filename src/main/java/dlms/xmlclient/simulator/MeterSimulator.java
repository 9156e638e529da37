package dlms.xmlclient.simulator;

import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

import gurux.dlms.objects.GXDLMSObjectCollection;

/**
 * A simulated electricity meter serving DLMS/COSEM (logical name referencing) over TCP, with
 * HDLC or WRAPPER framing. Each instance has its own state, so many can run in one JVM.
 *
 * <pre>
 * try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
 *     connect to localhost:meter.port() ...
 * }
 * </pre>
 */
public final class MeterSimulator implements AutoCloseable {

    private final MeterPort meterPort;
    private final MeterServer server;
    private final GXDLMSObjectCollection device;
    private final int port;
    private final boolean wrapper;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MeterSimulator(final MeterPort meterPort, final MeterServer server,
            final GXDLMSObjectCollection device, final int port, final boolean wrapper) {
        this.meterPort = meterPort;
        this.server = server;
        this.device = device;
        this.port = port;
        this.wrapper = wrapper;
    }

    /**
     * Builds the device (built-in or from the device file) and starts listening.
     *
     * @param options how to start
     * @return the running simulator, already listening
     * @throws Exception when the device file cannot be loaded or the port cannot be opened
     */
    public static MeterSimulator start(final SimulatorOptions options) throws Exception {
        GXDLMSObjectCollection device = options.getDeviceFile() == null ? DefaultDevice.create()
                : DeviceFile.load(options.getDeviceFile());
        SimulatorLog log = new SimulatorLog(options.getTraceOut(), options.getLogOut(),
                options.getLogLevel());
        MeterServer server = new MeterServer(device, options.isWrapper(),
                new MeterClock(Clock.systemUTC()), log);
        MeterPort meterPort = new MeterPort(server, log);
        int port;
        try {
            port = meterPort.open(options.getBind(), options.getPort());
        } catch (Exception e) {
            meterPort.close();
            server.close();
            throw e;
        }
        return new MeterSimulator(meterPort, server, device, port, options.isWrapper());
    }

    /** @return the TCP port listened on (the real one when port 0 was asked) */
    public int port() {
        return port;
    }

    /** @return the local address listened on */
    public InetAddress address() {
        return meterPort.localAddress().getAddress();
    }

    /** @return true for WRAPPER framing, false for HDLC */
    public boolean isWrapper() {
        return wrapper;
    }

    /** @return the served objects (package use: the command line describes them) */
    GXDLMSObjectCollection device() {
        return device;
    }

    /**
     * Stops listening, closes client connections and waits for the network threads to end.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            meterPort.close();
            try {
                server.close();
            } catch (Exception e) {
                // Stopping the objects cannot fail for the objects served here.
            }
        }
    }
}
