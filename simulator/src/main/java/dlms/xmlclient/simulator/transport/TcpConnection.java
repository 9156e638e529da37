package dlms.xmlclient.simulator.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;

import dlms.xmlclient.wire.hdlc.HdlcStream;

/**
 * One accepted TCP connection of a {@link TcpHub}: a client's key in {@link MeterAccess} (by
 * identity) and where its replies go. Replies are written at once from the worker that made
 * them; what the socket does not take is queued and written by the selector thread when the
 * socket can take more, so that no thread ever blocks on a slow client.
 */
final class TcpConnection implements MeterAccess.Replies {

    private final SocketChannel channel;
    private final SelectionKey key;
    private final String peer;
    private final FrameRoute route;
    /** Where replies wait for their time (latency, line rate); null to send them at once. */
    private final PacedLine line;
    /** Reply bytes the socket has not taken yet; guarded by this. */
    private final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
    /** Meters the connection has sent to; selector thread only. */
    private final Set<MeterLane> lanes = new LinkedHashSet<>();
    /** Frame assembly for a port shared by meters; selector thread only. */
    private HdlcStream splitter;
    /** Set when the meter hangs up (drop-connection): nothing is read or sent any more. */
    private volatile boolean hungUp;
    /** Selector thread only. */
    private boolean closed;

    /**
     * @param channel the accepted connection, non-blocking
     * @param key its registration with the hub's selector
     * @param route where its bytes go
     * @param line where its replies wait for their time, null to send them at once
     */
    TcpConnection(SocketChannel channel, SelectionKey key, FrameRoute route, PacedLine line) {
        this.channel = channel;
        this.key = key;
        this.route = route;
        this.line = line;
        String remote;
        try {
            remote = String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            remote = "?";
        }
        this.peer = remote;
    }

    /** @return the client's address, e.g. "/127.0.0.1:53512" */
    String peer() {
        return peer;
    }

    SocketChannel channel() {
        return channel;
    }

    FrameRoute route() {
        return route;
    }

    /**
     * @param requestEnd System.nanoTime() of the request's last byte
     * @return where the replies to that request go: the connection, or its paced line
     */
    MeterAccess.Replies replies(long requestEnd) {
        return line == null ? this : line.after(requestEnd, this);
    }

    /** @return true when the meter has hung up on the client */
    boolean isHungUp() {
        return hungUp;
    }

    /** @param lane a meter the connection sends to, told when the connection closes */
    void uses(MeterLane lane) {
        lanes.add(lane);
    }

    /** @return the frame assembly of the connection (a port shared by meters) */
    HdlcStream splitter() {
        if (splitter == null) {
            splitter = new HdlcStream();
        }
        return splitter;
    }

    @Override
    public void send(byte[] reply) throws IOException {
        synchronized (this) {
            if (hungUp || !channel.isOpen()) {
                return; // the client went away meanwhile
            }
            ByteBuffer buffer = ByteBuffer.wrap(reply);
            if (output.isEmpty()) {
                channel.write(buffer);
                if (!buffer.hasRemaining()) {
                    return;
                }
            }
            output.add(buffer);
            interest(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    /** Closes the connection once the replies before are written (fault drop-connection). */
    @Override
    public void hangUp() {
        synchronized (this) {
            hungUp = true;
            interest(SelectionKey.OP_WRITE); // the selector thread closes it when written
        }
    }

    /**
     * Writes queued replies; selector thread.
     *
     * @return true when the connection is to be closed: hung up and every reply written
     * @throws IOException when the socket fails
     */
    boolean flush() throws IOException {
        synchronized (this) {
            while (!output.isEmpty()) {
                ByteBuffer head = output.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    return false;
                }
                output.poll();
            }
            if (hungUp) {
                return true;
            }
            interest(SelectionKey.OP_READ);
            return false;
        }
    }

    private void interest(int ops) {
        try {
            key.interestOps(ops);
            key.selector().wakeup();
        } catch (CancelledKeyException e) {
            // Closed meanwhile.
        }
    }

    /**
     * Closes the socket and tells every meter it sent to; selector thread. Calling it again
     * does nothing.
     *
     * @return true when it was open
     */
    boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            // Closed anyway.
        }
        for (MeterLane lane : lanes) {
            lane.disconnected(this);
        }
        return true;
    }
}
