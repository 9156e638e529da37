package dlms.xmlclient.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A man in the middle between the client and a real meter (the built-in simulator): frames pass
 * through unchanged until the {@link Meddler} decides what the client gets instead. The
 * association is real (HLS, ciphering), so an attack needs to forge only the replies it is about.
 * One client connection at a time, like a meter's port; each frame the client sends is forwarded
 * and the meter's one answering frame handed to the meddler.
 */
public final class MeddlingProxy implements AutoCloseable {

    /** What the client gets for one of its frames. */
    @FunctionalInterface
    public interface Meddler {
        /**
         * @param exchange the frame's number on this connection, from 1 (SNRM or AARQ first)
         * @param request  the client's frame, as sent
         * @param reply    the meter's answer, or null when it gave none within a second
         * @param client   where the client's bytes go: write the reply, another, or nothing
         */
        void answer(int exchange, byte[] request, byte[] reply, ClientSide client) throws IOException;
    }

    /** The client's side of the connection, with the timing tricks attacks need. */
    public static final class ClientSide {
        private final OutputStream out;
        private final Socket socket;

        ClientSide(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        public void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Sends {@code bytes} one at a time, {@code gapMillis} apart, until done or the client hangs up. */
        public void trickle(byte[] bytes, long gapMillis) throws IOException {
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                pause(gapMillis);
            }
        }

        /** True once the client has closed its side (reads end of stream without consuming data). */
        public boolean closedByClient() {
            return socket.isClosed() || socket.isInputShutdown();
        }

        public static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final ServerSocket server;
    private final InetSocketAddress meter;
    private final boolean wrapper;
    private final Meddler meddler;
    private final Thread thread;
    private final List<byte[]> repliesSeen = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;
    private volatile Socket clientSocket;

    private MeddlingProxy(InetSocketAddress meter, boolean wrapper, Meddler meddler) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.meter = meter;
        this.wrapper = wrapper;
        this.meddler = meddler;
        this.thread = new Thread(this::serve, "meddling-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a proxy on an ephemeral loopback port in front of the meter at {@code meterPort}. */
    public static MeddlingProxy start(int meterPort, boolean wrapper, Meddler meddler) throws IOException {
        return new MeddlingProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), meterPort), wrapper, meddler);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The meter's own answers, in order, across connections: what a replay attack has to work with. */
    public List<byte[]> repliesSeen() {
        synchronized (repliesSeen) {
            return new ArrayList<>(repliesSeen);
        }
    }

    private void serve() {
        while (!closed) {
            try (Socket client = server.accept(); Socket toMeter = new Socket()) {
                clientSocket = client;
                toMeter.connect(meter, 2000);
                toMeter.setSoTimeout(1000);
                InputStream fromClient = client.getInputStream();
                InputStream fromMeter = toMeter.getInputStream();
                ClientSide side = new ClientSide(client);
                for (int exchange = 1; ; exchange++) {
                    byte[] request = readFrame(fromClient, wrapper);
                    if (request == null) {
                        break;
                    }
                    toMeter.getOutputStream().write(request);
                    byte[] reply;
                    try {
                        reply = readFrame(fromMeter, wrapper);
                    } catch (java.net.SocketTimeoutException e) {
                        reply = null;
                    }
                    if (reply != null) {
                        repliesSeen.add(reply);
                    }
                    meddler.answer(exchange, request, reply, side);
                }
            } catch (IOException e) {
                // The client or the meter hung up: wait for the next client.
            } catch (RuntimeException e) {
                e.printStackTrace(); // a broken attack: the test's assertions say which
            }
        }
    }

    /** One whole frame: WRAPPER by its length field, HDLC by its format field. Null at end of stream. */
    static byte[] readFrame(InputStream in, boolean wrapper) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        if (wrapper) {
            byte[] header = in.readNBytes(8);
            if (header.length < 8) {
                return null;
            }
            int length = (header[6] & 0xFF) << 8 | header[7] & 0xFF;
            frame.write(header);
            frame.write(in.readNBytes(length));
            return frame.toByteArray();
        }
        int b;
        do {
            b = in.read();
            if (b < 0) {
                return null;
            }
        } while (b != 0x7E);
        int format1 = in.read();
        int format2 = in.read();
        if (format1 < 0 || format2 < 0) {
            return null;
        }
        int length = (format1 & 0x07) << 8 | format2;
        frame.write(0x7E);
        frame.write(format1);
        frame.write(format2);
        frame.write(in.readNBytes(length - 1)); // the rest of the frame and its closing flag
        return frame.toByteArray();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
            Socket c = clientSocket;
            if (c != null) {
                c.close();
            }
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
