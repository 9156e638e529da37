package dlms.xmlclient.simulator;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import gurux.common.IGXMediaListener;
import gurux.common.MediaStateEventArgs;
import gurux.common.PropertyChangedEventArgs;
import gurux.common.ReceiveEventArgs;
import gurux.common.TraceEventArgs;
import gurux.dlms.ConnectionState;
import gurux.dlms.GXServerReply;
import gurux.net.ConnectionEventArgs;
import gurux.net.GXNet;
import gurux.net.IGXNetListener;
import gurux.net.enums.NetworkType;

/**
 * The meter's TCP port: a gurux.net server feeding one {@link MeterServer}. Like a real
 * meter's port it serves one client at a time: the client whose frames the server is working on
 * owns the port until its connection state drops back to none, it disconnects, or it has sent
 * nothing for {@link #INACTIVITY_TIMEOUT_SECONDS} (the HDLC setup's default inactivity
 * time-out); frames from other clients meanwhile get no answer. When the owner goes, the
 * server state is reset so the next client can associate.
 */
final class MeterPort implements IGXMediaListener, IGXNetListener {

    /** Seconds after which a silent client loses the port to another one. */
    static final int INACTIVITY_TIMEOUT_SECONDS = 120;

    /** How long a frame from another client waits for the owner to go before it is dropped. */
    private static final long BUSY_WAIT_MILLIS = 1000;
    private static final int FREE_PORT_ATTEMPTS = 5;
    private static final long THREAD_STOP_MILLIS = 5000;

    private final MeterServer server;
    private final SimulatorLog log;
    private final Object lock = new Object();
    private volatile boolean closing;
    private GXNet net;
    private int port;
    /** Remote address of the client being served; guarded by lock. */
    private String owner;
    /** System.nanoTime() of the owner's last frame; guarded by lock. */
    private long ownerSeen;

    MeterPort(final MeterServer server, final SimulatorLog log) {
        this.server = server;
        this.log = log;
    }

    /**
     * Starts listening. Note: GXNet binds every interface (new ServerSocket(port)); a later
     * issue adds a --bind option. GXNet does not tell which port it bound, so for port 0 a
     * free port is found first and used; if another process takes it in between, another one
     * is tried.
     *
     * @param requested TCP port, 0 = any free port
     * @return the port listened on
     * @throws Exception when the port cannot be opened
     */
    int open(final int requested) throws Exception {
        for (int attempt = 1;; ++attempt) {
            int candidate = requested != 0 ? requested : freePort();
            GXNet media = new GXNet(NetworkType.TCP, candidate);
            media.addListener(this);
            try {
                media.open();
                synchronized (lock) {
                    net = media;
                    port = candidate;
                }
                return candidate;
            } catch (BindException e) {
                media.close();
                if (requested != 0 || attempt == FREE_PORT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Stops listening, closes every client connection and waits for gurux.net's threads. */
    void close() {
        closing = true;
        GXNet media;
        int listening;
        synchronized (lock) {
            media = net;
            listening = port;
            net = null;
            lock.notifyAll();
        }
        if (media == null) {
            return;
        }
        // The listener stays registered: gurux.net iterates its listener list unsynchronised
        // while receiving, so removing it here can break a receive thread.
        media.close();
        awaitThreadsOfPort(listening);
    }

    /**
     * gurux.net threads are not daemons and not exposed; they are named after their socket,
     * whose text ends with "localport=PORT]".
     */
    private static void awaitThreadsOfPort(final int listening) {
        String suffix = "localport=" + listening + "]";
        long deadline = System.currentTimeMillis() + THREAD_STOP_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            boolean alive = false;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t != Thread.currentThread() && t.getName().startsWith("GXNet ")
                        && t.getName().endsWith(suffix)) {
                    alive = true;
                    try {
                        t.join(Math.max(1, deadline - System.currentTimeMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (!alive) {
                return;
            }
        }
    }

    @Override
    public void onReceived(final Object sender, final ReceiveEventArgs e) {
        String peer = e.getSenderInfo();
        byte[] data = (byte[]) e.getData();
        log.frame("RX", peer, data);
        synchronized (lock) {
            if (closing || net == null || !claim(peer)) {
                return;
            }
            GXNet media = net;
            if (media == null) {
                return; // closed while waiting for the port
            }
            try {
                GXServerReply sr = new GXServerReply(data);
                do {
                    server.serve(sr);
                    byte[] reply = sr.getReply();
                    if (reply != null) {
                        log.frame("TX", peer, reply);
                        media.send(reply, peer);
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
     * own previous connection in the way. Called with the lock held.
     *
     * @return false when the port stays busy
     */
    private boolean claim(final String peer) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUSY_WAIT_MILLIS);
        while (owner != null && !owner.equals(peer)) {
            if (System.nanoTime() - ownerSeen
                    >= TimeUnit.SECONDS.toNanos(INACTIVITY_TIMEOUT_SECONDS)) {
                log.info(owner + " inactive, connection state reset for " + peer);
                server.reset();
                releaseOwner();
                break;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || closing) {
                log.warning("meter busy with " + owner + ", no answer to " + peer);
                return false;
            }
            try {
                lock.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        owner = peer;
        ownerSeen = System.nanoTime();
        return true;
    }

    /** Frees the port for the next client. Called with the lock held. */
    private void releaseOwner() {
        owner = null;
        lock.notifyAll();
    }

    @Override
    public void onClientConnected(final Object sender, final ConnectionEventArgs e) {
        if (closing) {
            e.setAccept(false);
            return;
        }
        log.info("client connected: " + e.getInfo());
    }

    @Override
    public void onClientDisconnected(final Object sender, final ConnectionEventArgs e) {
        log.info("client disconnected: " + e.getInfo());
        synchronized (lock) {
            if (owner == null || owner.equals(e.getInfo())) {
                server.reset();
                releaseOwner();
            }
        }
    }

    @Override
    public void onError(final Object sender, final Exception ex) {
        if (!closing) {
            log.error("network error", ex);
        }
    }

    @Override
    public void onMediaStateChange(final Object sender, final MediaStateEventArgs e) {
        // Not needed.
    }

    @Override
    public void onTrace(final Object sender, final TraceEventArgs e) {
        // Frames are traced in onReceived, where the peer is known.
    }

    @Override
    public void onPropertyChanged(final Object sender, final PropertyChangedEventArgs e) {
        // Not needed.
    }
}
