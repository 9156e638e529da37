package dlms.xmlclient.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;

/**
 * WRAPPER frames in UDP datagrams, one APDU each, on a connected {@link DatagramChannel}.
 * Not gurux.net: GXNet 1.0.22 receives datagrams into a fixed 1024-byte buffer, so a longer
 * reply (a profile, an association view) arrives cut short, and it looks up the sender's host
 * name for every datagram.
 */
final class UdpLink implements Link {

    /** The largest UDP payload. */
    private static final int MAX_DATAGRAM = 65_507;

    private final String host;
    private final int port;
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    private DatagramChannel channel;
    private Selector selector;

    UdpLink(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public void open() throws IOException {
        InetSocketAddress meter = new InetSocketAddress(host, port);
        if (meter.isUnresolved()) {
            throw new UnknownHostException("unknown host " + host);
        }
        channel = DatagramChannel.open();
        try {
            channel.connect(meter);
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException e) {
            close();
            throw new IOException("cannot open UDP to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void send(byte[] data) throws IOException {
        try {
            channel.write(ByteBuffer.wrap(data));
        } catch (PortUnreachableException e) {
            // An earlier datagram was refused (ICMP): nothing listens there; the wait for a reply says so.
        }
    }

    @Override
    public byte[] receive(int waitMillis) throws IOException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (true) {
            byte[] datagram = poll();
            if (datagram != null) {
                return datagram;
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            selector.select(left);
            selector.selectedKeys().clear();
        }
    }

    /** The next datagram already received, or null. */
    private byte[] poll() throws IOException {
        buffer.clear();
        try {
            if (channel.receive(buffer) == null) {
                return null;
            }
        } catch (PortUnreachableException e) {
            return null; // nothing listens on the meter's port: the same as no reply
        }
        buffer.flip();
        return Arrays.copyOf(buffer.array(), buffer.limit());
    }

    @Override
    public void discardInput() {
        try {
            while (poll() != null) {
                // Dropped: a late answer to an earlier request.
            }
        } catch (IOException e) {
            // The next receive reports it.
        }
    }

    @Override
    public String describe() {
        return "udp " + host + ":" + port;
    }

    @Override
    public void close() {
        try {
            if (selector != null) {
                selector.close();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
