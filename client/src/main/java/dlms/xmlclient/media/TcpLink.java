package dlms.xmlclient.media;

import dlms.xmlclient.wire.line.LinkClosedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * TCP on a plain socket, read by the session's own thread. Not gurux.net: measured by
 * {@code bin/xmlclient bench}, GXNet 1.0.22 starts a receive thread for every connection and
 * hands every chunk over to the reader through it (a thread switch per frame, a {@code sleep}
 * per read), takes replies in 1 KB pieces, and leaves Nagle's algorithm on; together they made up
 * most of a short script's time on loopback.
 */
final class TcpLink implements Link {

    /** Larger than any frame a meter sends in one go (WRAPPER APDUs up to the PDU size). */
    private static final int READ_BUFFER = 16 * 1024;

    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private final byte[] buffer = new byte[READ_BUFFER];
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean closedByMeter;

    TcpLink(String host, int port, int connectTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public void open() throws IOException {
        InetSocketAddress meter = new InetSocketAddress(host, port);
        if (meter.isUnresolved()) {
            throw new IOException("unknown host " + host);
        }
        Socket s = new Socket();
        try {
            // Requests are single writes answered before the next: Nagle only delays them.
            s.setTcpNoDelay(true);
            s.connect(meter, connectTimeoutMillis);
            in = s.getInputStream();
            out = s.getOutputStream();
        } catch (ConnectException e) {
            s.close();
            throw new IOException("cannot connect to " + host + ":" + port + ": connection refused", e);
        } catch (SocketTimeoutException e) {
            s.close();
            throw new IOException("cannot connect to " + host + ":" + port + ": no answer within "
                    + connectTimeoutMillis + " ms", e);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        socket = s;
    }

    @Override
    public void send(byte[] data) throws IOException {
        if (socket == null || closedByMeter) {
            throw new LinkClosedException(closedMessage());
        }
        try {
            out.write(data);
        } catch (IOException e) {
            throw new LinkClosedException("sending to " + host + ":" + port + " failed: " + e.getMessage());
        }
    }

    @Override
    public byte[] receive(int waitMillis) throws IOException {
        if (socket == null || closedByMeter) {
            throw new LinkClosedException(closedMessage());
        }
        byte[] got = SocketReads.read(socket, in, buffer, waitMillis);
        if (got == SocketReads.CLOSED) {
            closedByMeter = true;
            throw new LinkClosedException(closedMessage());
        }
        return got;
    }

    private String closedMessage() {
        return "the meter at " + host + ":" + port + " closed the connection";
    }

    @Override
    public void discardInput() {
        try {
            // Only what is here now: a meter that floods the line must not keep the client here.
            int left = socket == null || closedByMeter ? 0 : in.available();
            while (left > 0) {
                int n = in.read(buffer, 0, Math.min(buffer.length, left));
                if (n < 0) {
                    closedByMeter = true;
                    return;
                }
                left -= n;
            }
        } catch (IOException e) {
            // The next send or receive reports it.
        }
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }
}
