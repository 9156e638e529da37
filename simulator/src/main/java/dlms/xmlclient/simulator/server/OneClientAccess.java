package dlms.xmlclient.simulator.server;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import dlms.xmlclient.simulator.faults.FaultInjection;
import dlms.xmlclient.simulator.log.SimulatorLog;
import dlms.xmlclient.simulator.transport.MeterAccess;
import dlms.xmlclient.simulator.transport.MeterLane;
import dlms.xmlclient.simulator.transport.MeterPort;
import dlms.xmlclient.simulator.transport.ServerAddress;
import gurux.dlms.ConnectionState;
import gurux.dlms.GXServerReply;

/**
 * The meter's {@link MeterAccess}: one client at a time, shared by its TCP, UDP and serial
 * ports. Like a real
 * meter's port, the client whose frames the server is working on owns the meter until its
 * connection state drops back to none, it goes away, or it has sent nothing for
 * {@link MeterPort#INACTIVITY_TIMEOUT_SECONDS} (the HDLC setup's default inactivity time-out);
 * frames from other clients meanwhile get no answer (the TCP port lets them wait up to a second
 * for the owner to go, see {@link MeterLane}). The server state is reset when the client
 * it belongs to goes away or is silent too long, and when another client's frames are served: a
 * client that ends an exchange with the connection state back to none (a refused AARQ over
 * WRAPPER, say) leaves gurux.dlms holding its client and server addresses, and gurux.dlms
 * silently drops every frame from other addresses until it is reset.
 * <p>
 * A client is whatever key the port gives: its TCP connection (compared by identity, since a new
 * loopback connection may reuse the old one's remote address), the sender of UDP datagrams
 * (compared by address and port), or the one serial line.
 * <p>
 * The meter's fault ({@link FaultInjection}) decides whether the owner's bytes are served and
 * what of each reply is sent. Thread safe: every method takes the meter's lock.
 */
public final class OneClientAccess implements MeterAccess {

    private final ReferencingServers server;
    private final ServerAddress address;
    private final SimulatorLog log;
    private final FaultInjection faults;
    private final Object lock = new Object();
    /** The last frame sent: a scheduled push goes between the same addresses. */
    private byte[] lastReply;
    private volatile boolean closing;
    /** Client being served, null when the meter is free; guarded by lock. */
    private Object owner;
    /** Name of the owner, for the log; guarded by lock. */
    private String ownerName;
    /**
     * Client whose frames the server state comes from, null after a reset; guarded by lock.
     * Stays set after the owner is released, until the server is reset.
     */
    private Object served;
    /** System.nanoTime() of the owner's last frame; guarded by lock. */
    private long ownerSeen;

    /**
     * @param server the meter's DLMS servers
     * @param address the meter's address, which may rewrite the source of its replies
     * @param log where events, frames and failures go
     * @param faults how the meter misbehaves
     */
    public OneClientAccess(ReferencingServers server, ServerAddress address, SimulatorLog log,
            FaultInjection faults) {
        this.server = server;
        this.address = address;
        this.log = log;
        this.faults = faults;
    }

    @Override
    public byte serve(Object client, String peer, byte[] data, Replies out) {
        received(peer, data);
        synchronized (lock) {
            if (!serveIfFree(client, peer, data, out)) {
                refuseBusy(peer);
                return ConnectionState.NONE;
            }
            return server.getConnectionState();
        }
    }

    @Override
    public void received(String peer, byte[] data) {
        log.frame("RX", peer, data);
        faults.received(data);
    }

    @Override
    public boolean serveIfFree(Object client, String peer, byte[] data, Replies out) {
        synchronized (lock) {
            if (closing || !claim(client, peer)) {
                return false;
            }
            try {
                for (byte[] read : ReadFrames.of(data, address.isWrapper())) {
                    if (!serveRead(read, peer, out)) {
                        break;
                    }
                }
            } catch (Exception ex) {
                log.error("request from " + peer + " failed", ex);
            } catch (Throwable ex) { // NOPMD: one request must not end the meter
                // StackOverflowError, OutOfMemoryError, a library's Error: gurux.dlms is left
                // in an unknown state, so the client loses its association and connection,
                // and the meter serves the next client.
                log.error("request from " + peer + " failed, connection closed", ex);
                resetServer();
                hangUpQuietly(out);
            }
            if (server.getConnectionState() == ConnectionState.NONE) {
                releaseOwner();
            }
            return true;
        }
    }

    @Override
    public void refuseBusy(String peer) {
        synchronized (lock) {
            log.warning("meter busy with " + (ownerName == null ? "another client" : ownerName)
                    + ", no answer to " + peer);
        }
    }

    @Override
    public void pushNow(Object client, String peer, Replies out) {
        synchronized (lock) {
            if (closing || owner != null && owner != client) {
                return; // another client has the meter: the push is not for it
            }
            byte[] apdu = lastReply == null ? null : server.scheduledPush();
            byte[] frame = apdu == null ? null : PushFrames.after(lastReply, address.isWrapper(), apdu);
            if (frame == null) {
                log.info("scheduled push skipped: " + (lastReply == null ? "no frame from " + peer
                        + " yet to take the addresses from" : "the device has no Push setup 0.0.25.9.0.255"));
                return;
            }
            log.frame("TX", peer, frame);
            try {
                out.send(frame);
            } catch (Exception e) {
                log.error("scheduled push to " + peer + " failed", e);
            }
        }
    }

    @Override
    public boolean isSilent() {
        return faults.isSilent();
    }

    /**
     * Serves one frame of a read (or what is left of it), as the fault lets through.
     *
     * @return false when the connection was hung up, so what else came is not served
     */
    private boolean serveRead(byte[] data, String peer, Replies out) throws Exception {
        switch (faults.intake(data, server.getConnectionState())) {
        case IGNORE:
            return true;
        case HANG_UP:
            log.warning("fault drop-connection: closing the connection of " + peer
                    + " at data request " + FaultInjection.DROPPED_REQUEST + " of its association");
            out.hangUp();
            return false;
        default:
            return serveFrames(data, peer, out);
        }
    }

    /**
     * Serves the bytes and sends every reply.
     *
     * @return false when the meter hung up
     */
    private boolean serveFrames(byte[] data, String peer, Replies out) throws Exception {
        GXServerReply sr = new GXServerReply(data);
        do {
            server.serve(sr);
            byte[] reply = sr.getReply();
            if (reply != null) {
                reply = faults.reply(address.ownSource(reply), server.getConnectionState());
                log.frame("TX", peer, reply);
                out.send(reply);
                lastReply = reply;
                sr.setData(null);
                for (byte[] apdu : server.takePushes()) { // a push method's notification, after its reply
                    byte[] push = PushFrames.after(reply, address.isWrapper(), apdu);
                    if (push != null) {
                        log.frame("TX", peer, push);
                        out.send(push);
                    }
                }
            }
            if (server.takeHangUp()) {
                resetServer();
                out.hangUp();
                return false;
            }
        } while (sr.isStreaming());
        return true;
    }

    private static void hangUpQuietly(Replies out) {
        try {
            out.hangUp();
        } catch (IOException | RuntimeException e) {
            // Closing anyway.
        }
    }

    /**
     * Makes the client the owner, unless another client owns the meter and has not been silent
     * for the inactivity time-out. When the server state comes from another client, it is
     * reset first, so that the frames are served as a new client's. Called with the lock held.
     *
     * @return false when the meter is busy
     */
    private boolean claim(Object client, String peer) {
        if (owner != null && !owner.equals(client)) {
            if (System.nanoTime() - ownerSeen
                    < TimeUnit.SECONDS.toNanos(MeterPort.INACTIVITY_TIMEOUT_SECONDS)) {
                return false;
            }
            log.info(ownerName + " inactive, connection state reset for " + peer);
            resetServer();
            releaseOwner();
        }
        if (served != null && !served.equals(client)) {
            resetServer();
        }
        served = client;
        owner = client;
        ownerName = peer;
        ownerSeen = System.nanoTime();
        return true;
    }

    /** Frees the meter for the next client. Called with the lock held. */
    private void releaseOwner() {
        owner = null;
        ownerName = null;
    }

    /** Makes the server forget the link, association and addresses. Called with the lock held. */
    private void resetServer() {
        server.reset();
        served = null;
    }

    @Override
    public void disconnected(Object client) {
        synchronized (lock) {
            if (Objects.equals(served, client)) {
                resetServer();
            }
            if (Objects.equals(owner, client)) {
                releaseOwner();
            }
        }
    }

    @Override
    public void close() {
        closing = true;
    }
}
