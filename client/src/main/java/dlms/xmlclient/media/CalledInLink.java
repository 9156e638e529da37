package dlms.xmlclient.media;

import dlms.xmlclient.wire.line.LinkClosedException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The TCP connection a meter opened to us (a cellular meter calling its head-end). Every script
 * of the meter runs over it in turn: opening and closing the link for a script keeps the
 * connection, which ends with {@link #hangUp} once the meter's scripts are done, or when the
 * meter closes it (then every later script fails at once, naming that).
 */
public final class CalledInLink implements Link {

    private final Socket socket;
    private final String peer;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[16 * 1024];
    private volatile boolean closedByMeter;
    /** What {@link #discardInput} dropped: notifications no script waited for are among it. */
    private final ByteArrayOutputStream drained = new ByteArrayOutputStream();
    /** More is not kept: a meter that floods the link must not fill the memory. */
    private static final int MAX_DRAINED = 1 << 20;

    public CalledInLink(Socket socket) throws IOException {
        this.socket = socket;
        this.peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** The connection is already there; a meter that has hung up cannot be reached again. */
    @Override
    public void open() throws IOException {
        if (closedByMeter || socket.isClosed()) {
            throw new IOException(closedMessage());
        }
    }

    @Override
    public void send(byte[] data) throws IOException {
        if (closedByMeter || socket.isClosed()) {
            throw new LinkClosedException(closedMessage());
        }
        try {
            out.write(data);
        } catch (IOException e) {
            closedByMeter = true;
            throw new LinkClosedException("sending to the meter that called in from " + peer + " failed: "
                    + e.getMessage());
        }
    }

    @Override
    public byte[] receive(int waitMillis) throws IOException {
        if (closedByMeter || socket.isClosed()) {
            throw new LinkClosedException(closedMessage());
        }
        byte[] got = SocketReads.read(socket, in, buffer, waitMillis);
        if (got == SocketReads.CLOSED) {
            closedByMeter = true;
            throw new LinkClosedException(closedMessage());
        }
        return got;
    }

    @Override
    public void discardInput() {
        try {
            int left = closedByMeter || socket.isClosed() ? 0 : in.available();
            while (left > 0) {
                int n = in.read(buffer, 0, Math.min(buffer.length, left));
                if (n < 0) {
                    closedByMeter = true;
                    return;
                }
                if (drained.size() + n <= MAX_DRAINED) {
                    drained.write(buffer, 0, n);
                }
                left -= n;
            }
        } catch (IOException e) {
            // The next send or receive reports it.
        }
    }

    /** @return e.g. {@code tcp 10.0.0.7:53211 (called in)} */
    @Override
    public String describe() {
        return "tcp " + peer + " (called in)";
    }

    /** @return the meter's address and port, e.g. {@code 10.0.0.7:53211} */
    public String peer() {
        return peer;
    }

    /** @return the bytes dropped before requests so far (unsolicited frames among them), and forgets them */
    public byte[] takeDrained() {
        byte[] all = drained.toByteArray();
        drained.reset();
        return all;
    }

    /** A script is done with the link: the connection stays for the meter's next script. */
    @Override
    public void close() {
    }

    /** Ends the connection: the meter's scripts are done, or the listener is stopping. */
    public void hangUp() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closed anyway.
        }
    }

    private String closedMessage() {
        return "the meter that called in from " + peer + " closed the connection";
    }
}
