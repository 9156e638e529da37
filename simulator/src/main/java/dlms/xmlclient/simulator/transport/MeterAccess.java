package dlms.xmlclient.simulator.transport;

import java.io.IOException;

import gurux.dlms.ConnectionState;

/**
 * The meter as its ports (TCP, UDP, serial) reach it: bytes in from a client, replies out, one
 * client at a time. A client is whatever key the port gives: its TCP connection (compared by
 * identity), the sender of UDP datagrams (compared by address and port), or the one serial
 * line. Frames from another client while one owns the meter get no answer; the owner loses it
 * when its connection state drops back to none, it goes away, or it has sent nothing for
 * {@link MeterPort#INACTIVITY_TIMEOUT_SECONDS}. Thread safe.
 */
public interface MeterAccess {

    /** Where the replies to one client's frames go. */
    interface Replies {
        void send(byte[] reply) throws IOException;

        /** Closes the client's connection (drop-connection); a port without one has none. */
        default void hangUp() throws IOException {
        }
    }

    /**
     * Serves bytes from a client, writing every reply, when the client may have the meter; when
     * another client has it, the bytes get no answer at once (a port with one receiving thread:
     * the owner's next bytes would come through that thread).
     *
     * @param client the client's key
     * @param peer the client's name, for the trace and the log
     * @param data bytes received
     * @param out where replies go
     * @return the connection state after the bytes; {@link ConnectionState#NONE} also when the
     *         meter was busy with another client
     */
    byte serve(Object client, String peer, byte[] data, Replies out);

    /**
     * Traces bytes received and counts an AARQ among them, whether or not the meter is free to
     * serve them: once for each chunk, before {@link #serveIfFree}, however often that is tried.
     *
     * @param peer the client's name
     * @param data bytes received
     */
    void received(String peer, byte[] data);

    /**
     * Serves bytes from a client, writing every reply, unless another client owns the meter.
     * Never waits: a port that can wait for the owner to go keeps the bytes and tries again.
     *
     * @param client the client's key
     * @param peer the client's name, for the trace and the log
     * @param data bytes received (already passed to {@link #received})
     * @param out where replies go
     * @return false when the meter is busy with another client (or closing) and the bytes were
     *         left unserved
     */
    boolean serveIfFree(Object client, String peer, byte[] data, Replies out);

    /**
     * Sends a push of the meter's own schedule (--push-every) to a client, unless another client
     * has the meter or nothing was exchanged with it yet (the push needs its addresses).
     *
     * @param client the client's key
     * @param peer the client's name
     * @param out where the push goes
     */
    default void pushNow(Object client, String peer, Replies out) {
    }

    /** @param peer a client whose bytes get no answer, the meter being someone else's */
    void refuseBusy(String peer);

    /** @return true when the meter answers nothing (fault silent), not even a mode E sign-on */
    boolean isSilent();

    /**
     * The client went away (closed its connection, or the serial line hung up or fell silent):
     * the server forgets what it had from it.
     *
     * @param client the client's key
     */
    void disconnected(Object client);

    /** Refuses every later client: the meter is closing. */
    void close();
}
