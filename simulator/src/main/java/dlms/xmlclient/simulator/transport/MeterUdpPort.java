package dlms.xmlclient.simulator.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.List;

import dlms.xmlclient.simulator.log.SimulatorLog;
import dlms.xmlclient.wire.wrapper.WrapperHeader;

/**
 * The meter's UDP port: the WRAPPER profile over UDP, one WRAPPER frame a datagram, each reply
 * sent to the datagram's sender. One client at a time through {@link MeterAccess}: the client is
 * the sender's host and client wPort. A datagram from another sender while one is served gets no
 * answer at once: the port has one receiving thread, which the owner's next datagram needs.
 */
public final class MeterUdpPort implements MeterTransport {

    /** Largest UDP payload. */
    private static final int MAX_DATAGRAM = 65_507;

    private final MeterAccess access;
    private final SimulatorLog log;
    private final DatagramSocket socket;
    private final Thread receiver;
    /** Where replies wait for their time, null to send them at once. */
    private final PacedLine line;
    private volatile boolean closing;

    private MeterUdpPort(MeterAccess access, SimulatorLog log,
            DatagramSocket socket, ReplyPacing pacing) {
        this.access = access;
        this.log = log;
        this.socket = socket;
        // A datagram cannot be cut: it goes whole once all of it would have left the line.
        this.line = PacedLine.own(pacing, MeterPort.THREAD_PREFIX + socket.getLocalPort()
                + " udp pacing", true);
        this.receiver = new Thread(this::receive,
                MeterPort.THREAD_PREFIX + socket.getLocalPort() + " udp");
    }

    /**
     * Binds the port and starts receiving.
     *
     * @param access the meter
     * @param log where failures and the trace go
     * @param address local address to bind
     * @param requested UDP port, 0 = any free port
     * @param pacing how replies are held back and paced ({@link ReplyPacing#NONE}: sent at once)
     * @return the port, receiving
     * @throws IOException when the port cannot be bound (BindException when it is in use)
     */
    public static MeterUdpPort open(MeterAccess access, SimulatorLog log,
            InetAddress address, int requested, ReplyPacing pacing) throws IOException {
        MeterUdpPort port = new MeterUdpPort(access, log,
                new DatagramSocket(new InetSocketAddress(address, requested)), pacing);
        port.receiver.setDaemon(true);
        port.receiver.start();
        return port;
    }

    private void receive() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!closing) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!closing) {
                    log.error("UDP port failed", e);
                }
                return;
            }
            SocketAddress sender = packet.getSocketAddress();
            byte[] data = Arrays.copyOfRange(buffer, packet.getOffset(),
                    packet.getOffset() + packet.getLength());
            MeterAccess.Replies out =
                    reply -> socket.send(new DatagramPacket(reply, reply.length, sender));
            access.serve(client(packet, data), String.valueOf(sender), data,
                    line == null ? out : line.after(System.nanoTime(), out));
        }
    }

    /**
     * Who the datagram is from, as the meter tells clients apart: the host and the client's
     * wPort (its SAP, in the WRAPPER header), not the UDP source port. UDP has no connection to
     * close: a client that stopped without releasing and starts again, from a new port, is the
     * same client and takes its association over instead of waiting out the inactivity time-out.
     */
    private static Object client(DatagramPacket packet, byte[] data) {
        WrapperHeader header = WrapperHeader.decode(data, 0, data.length);
        if (header == null) {
            return packet.getSocketAddress();
        }
        return List.of(packet.getAddress(), header.source());
    }

    @Override
    public String describe() {
        return "UDP port " + socket.getLocalPort();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() {
        closing = true;
        if (line != null) {
            line.close();
        }
        socket.close();
        MeterTransport.join(receiver);
    }
}
