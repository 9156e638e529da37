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
import java.util.concurrent.TimeUnit;

import gurux.dlms.ConnectionState;
import gurux.dlms.GXServerReply;

/**
 * The meter's TCP port, feeding one {@link MeterServer}. Like a real meter's port it serves one
 * client at a time: the client whose frames the server is working on owns the port until its
 * connection state drops back to none, it disconnects, or it has sent nothing for
 * {@link #INACTIVITY_TIMEOUT_SECONDS} (the HDLC setup's default inactivity time-out); frames
 * from other clients meanwhile get no answer. The server state is reset when the connection it
 * belongs to closes or goes silent, and when another connection's frames are served: a
 * connection that ends an exchange with the connection state back to none (a refused AARQ over
 * WRAPPER, say) leaves gurux.dlms holding its client and server addresses, and gurux.dlms
 * silently drops every frame from other addresses until it is reset.
 * <p>
 * Connections are told apart by their socket, not by the remote address, which a new loopback
 * connection may reuse while the old one's thread has not yet seen it close.
 * <p>
 * Its own sockets rather than gurux.net: GXNet 1.0.22 listens with {@code new
 * ServerSocket(port)}, on every interface, and has no way to bind one address; an unauthenticated
 * meter should listen on the loopback address unless told otherwise.
 */
final class MeterPort {

    /** Seconds after which a silent client loses the port to another one. */
    static final int INACTIVITY_TIMEOUT_SECONDS = 120;
    /** Prefix of the names of the port's threads, followed by the port number. */
    static final String THREAD_PREFIX = "simulator port ";

    /** How long a frame from another client waits for the owner to go before it is dropped. */
    private static final long BUSY_WAIT_MILLIS = 1000;
    private static final long THREAD_STOP_MILLIS = 5000;
    private static final int BACKLOG = 50;
    private static final int READ_BUFFER = 4096;

    private final MeterServer server;
    private final SimulatorLog log;
    private final Object lock = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Socket> clients = new ArrayList<>();
    private volatile boolean closing;
    private ServerSocket listener;
    /** Connection of the client being served, null when the port is free; guarded by lock. */
    private Socket owner;
    /** Remote address of the owner, for the log; guarded by lock. */
    private String ownerName;
    /**
     * Connection whose frames the server state comes from, null after a reset; guarded by lock.
     * Stays set after the owner is released, until the server is reset.
     */
    private Socket served;
    /** System.nanoTime() of the owner's last frame; guarded by lock. */
    private long ownerSeen;

    MeterPort(final MeterServer server, final SimulatorLog log) {
        this.server = server;
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

    /** @return the listening socket's local address (package use: tests check the binding) */
    InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Stops listening, closes every client connection and waits for the port's threads. */
    void close() {
        closing = true;
        synchronized (lock) {
            lock.notifyAll();
        }
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
        log.frame("RX", peer, data);
        synchronized (lock) {
            if (closing || !claim(client, peer)) {
                return;
            }
            try {
                GXServerReply sr = new GXServerReply(data);
                do {
                    server.serve(sr);
                    byte[] reply = sr.getReply();
                    if (reply != null) {
                        log.frame("TX", peer, reply);
                        out.write(reply);
                        out.flush();
                        sr.setData(null);
                    }
                } while (sr.isStreaming());
            } catch (Exception ex) {
                log.error("request from " + peer + " failed", ex);
            }
            if (server.getConnectionState() == ConnectionState.NONE) {
                releaseOwner();
            }
        }
    }

    /**
     * Makes the peer the owner of the port. When another client owns it, waits a moment for it
     * to go: a client that closes its connection and at once opens a new one must not find its
     * own previous connection in the way. When the server state comes from another connection,
     * it is reset first, so that the frames are served as a new client's. Called with the lock
     * held.
     *
     * @return false when the port stays busy
     */
    private boolean claim(final Socket client, final String peer) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUSY_WAIT_MILLIS);
        while (owner != null && owner != client) {
            if (System.nanoTime() - ownerSeen
                    >= TimeUnit.SECONDS.toNanos(INACTIVITY_TIMEOUT_SECONDS)) {
                log.info(ownerName + " inactive, connection state reset for " + peer);
                resetServer();
                releaseOwner();
                break;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || closing) {
                log.warning("meter busy with " + ownerName + ", no answer to " + peer);
                return false;
            }
            try {
                lock.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (served != null && served != client) {
            resetServer();
        }
        served = client;
        owner = client;
        ownerName = peer;
        ownerSeen = System.nanoTime();
        return true;
    }

    /** Frees the port for the next client. Called with the lock held. */
    private void releaseOwner() {
        owner = null;
        ownerName = null;
        lock.notifyAll();
    }

    /** Makes the server forget the link, association and addresses. Called with the lock held. */
    private void resetServer() {
        server.reset();
        served = null;
    }

    private void onDisconnected(final Socket client, final String peer) {
        log.info("client disconnected: " + peer);
        synchronized (lock) {
            if (served == client) {
                resetServer();
            }
            if (owner == client) {
                releaseOwner();
            }
        }
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
