package dlms.xmlclient.simulator.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import dlms.xmlclient.simulator.log.SimulatorLog;

/**
 * The single meter's TCP port: a {@link TcpHub} with one port and one meter, served by one
 * worker (a meter serves one frame at a time anyway). One client at a time through
 * {@link MeterAccess}: bytes from another connection wait up to a second for the one being
 * served to end (see {@link MeterLane}), then get no answer. A connection that closes is
 * forgotten by the server.
 */
public final class MeterPort implements MeterTransport {

    /** Seconds after which a silent client loses the meter to another one. */
    public static final int INACTIVITY_TIMEOUT_SECONDS = 120;
    /** Prefix of the names of the port's threads, followed by the port number. */
    public static final String THREAD_PREFIX = "simulator port ";

    private final TcpHub hub;
    private final InetSocketAddress local;

    private MeterPort(TcpHub hub, InetSocketAddress local) {
        this.hub = hub;
        this.local = local;
    }

    /**
     * Starts listening.
     *
     * @param access the meter
     * @param log where connection events, failures and the trace go
     * @param address local address to listen on
     * @param requested TCP port, 0 = any free port
     * @param pacing how replies are held back and paced ({@link ReplyPacing#NONE}: sent at once)
     * @return the port, listening
     * @throws IOException when the port cannot be opened (BindException when it is in use)
     */
    public static MeterPort open(MeterAccess access, SimulatorLog log,
            InetAddress address, int requested, ReplyPacing pacing) throws IOException {
        TcpHub hub = new TcpHub(log, 1);
        try {
            hub.pace(pacing);
            MeterLane lane = new MeterLane(access, log, hub.workers(), null);
            InetSocketAddress local = hub.listen(address, requested, FrameRoute.to(lane));
            hub.start(THREAD_PREFIX + local.getPort() + " ");
            return new MeterPort(hub, local);
        } catch (IOException | RuntimeException e) {
            hub.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public String describe() {
        return "port " + local.getPort();
    }

    /** Stops listening, closes every client connection and waits for the port's threads. */
    @Override
    public void close() {
        hub.close();
    }
}
