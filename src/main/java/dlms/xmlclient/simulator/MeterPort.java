package dlms.xmlclient.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The meter's TCP port, feeding one {@link MeterServer} through {@link MeterAccess}, which serves
 * one client at a time: frames from another connection wait up to a second for the one being
 * served to end, then get no answer. A connection that closes is forgotten by the server.
 * <p>
 * Its own sockets rather than gurux.net: GXNet 1.0.22 listens with {@code new
 * ServerSocket(port)}, on every interface, and has no way to bind one address; an unauthenticated
 * meter should listen on the loopback address unless told otherwise.
 */
final class MeterPort implements MeterTransport {

    /** Seconds after which a silent client loses the meter to another one. */
    static final int INACTIVITY_TIMEOUT_SECONDS = 120;
    /** Prefix of the names of the port's threads, followed by the port number. */
    static final String THREAD_PREFIX = "simulator port ";

    /** How long a frame from another client waits for the owner to go before it is dropped. */
    private static final long BUSY_WAIT_MILLIS = 1000;
    private static final long THREAD_STOP_MILLIS = 5000;
    private static final int BACKLOG = 50;
    private static final int READ_BUFFER = 4096;

    private final MeterAccess access;
    private final SimulatorLog log;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Socket> clients = new ArrayList<>();
    private volatile boolean closing;
    private ServerSocket listener;

    MeterPort(final MeterAccess access, final SimulatorLog log) {
        this.access = access;
        this.log = log;
    }

    /**
     * Starts listening.
     *
     * @param address local address to listen on
     * @param requested TCP port, 0 = any free port
     * @return the port listened on
     * @throws IOException when the port cannot be opened (BindException when it is in use)
     */
    int open(final InetAddress address, final int requested) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(address, requested), BACKLOG);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        listener = socket;
        start(THREAD_PREFIX + socket.getLocalPort() + " listener", this::accept);
        return socket.getLocalPort();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public String describe() {
        return "port " + listener.getLocalPort();
    }

    /** Stops listening, closes every client connection and waits for the port's threads. */
    @Override
    public void close() {
        closing = true;
        closeQuietly(listener);
        List<Thread> running;
        synchronized (threads) {
            for (Socket client : clients) {
                closeQuietly(client);
            }
            running = new ArrayList<>(threads);
        }
        long deadline = System.currentTimeMillis() + THREAD_STOP_MILLIS;
        for (Thread t : running) {
            if (t != Thread.currentThread()) {
                try {
                    t.join(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void accept() {
        while (!closing) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closing) {
                    log.error("network error", e);
                }
                return;
            }
            String peer = String.valueOf(client.getRemoteSocketAddress());
            log.info("client connected: " + peer);
            synchronized (threads) {
                if (closing) {
                    closeQuietly(client);
                    return;
                }
                clients.add(client);
                start(THREAD_PREFIX + client.getLocalPort() + " " + peer,
                        () -> receive(client, peer));
            }
        }
    }

    private void receive(final Socket client, final String peer) {
        byte[] buffer = new byte[READ_BUFFER];
        try (client; InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream()) {
            for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
                onReceived(client, peer, Arrays.copyOf(buffer, count), out);
            }
        } catch (SocketException e) {
            // Closed by the client or by close().
        } catch (IOException e) {
            if (!closing) {
                log.error("connection " + peer + " failed", e);
            }
        } finally {
            synchronized (threads) {
                clients.remove(client);
            }
            onDisconnected(client, peer);
        }
    }

    private void onReceived(final Socket client, final String peer, final byte[] data,
            final OutputStream out) {
        if (!closing) {
            access.serve(client, peer, data, BUSY_WAIT_MILLIS, new MeterAccess.Replies() {
                @Override
                public void send(final byte[] reply) throws IOException {
                    out.write(reply);
                    out.flush();
                }

                @Override
                public void hangUp() throws IOException {
                    client.close(); // the receiving loop then ends and the server forgets it
                }
            });
        }
    }

    private void onDisconnected(final Socket client, final String peer) {
        log.info("client disconnected: " + peer);
        access.disconnected(client);
    }

    private void start(final String name, final Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } finally {
                synchronized (threads) {
                    threads.remove(Thread.currentThread());
                }
            }
        }, name);
        t.setDaemon(true);
        synchronized (threads) {
            threads.add(t);
        }
        t.start();
    }

    private static void closeQuietly(final java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }
}
