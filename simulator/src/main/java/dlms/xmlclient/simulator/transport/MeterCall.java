package dlms.xmlclient.simulator.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dlms.xmlclient.simulator.log.SimulatorLog;

/**
 * A meter that calls the head-end, as a cellular meter does: it opens the TCP connection to
 * HOST:PORT itself and then serves the head-end's frames (HDLC or WRAPPER) over it. A failed
 * connection attempt is tried again after 1, 2, 4 and 8 s; after {@link #ATTEMPTS} failures in a
 * row the call ends with an error. The call also ends, without an error, when the head-end
 * closes the connection: it has read the meter. With a push period, the meter pushes its Push
 * setup's DATA-NOTIFICATION on the connection that often (see {@link MeterAccess#pushNow}).
 */
public final class MeterCall implements MeterTransport, MeterAccess.Replies {

    /** Connection attempts before the call gives up. */
    public static final int ATTEMPTS = 5;
    /** How long one connection attempt may take. */
    static final int CONNECT_MILLIS = 5000;
    /** A read wakes up this often to see whether the meter is closing. */
    private static final int READ_SLICE_MILLIS = 500;

    private final MeterAccess access;
    private final SimulatorLog log;
    private final InetSocketAddress headEnd;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread thread;
    private volatile Socket socket;
    private volatile boolean closing;
    /** Why the call ended in an error, or null. */
    private volatile String failure;
    /** Where replies and pushes wait for their time, null to send them at once. */
    private final PacedLine line;
    private final long firstDelayMillis;
    /** --push-every in ms, 0 for no scheduled pushes. */
    private final long pushEveryMillis;

    private MeterCall(MeterAccess access, SimulatorLog log, InetSocketAddress headEnd, long firstDelayMillis,
            long pushEveryMillis, ReplyPacing pacing) {
        this.pushEveryMillis = pushEveryMillis;
        this.line = PacedLine.own(pacing, "simulator call " + headEnd + " pacing", false);
        this.access = access;
        this.log = log;
        this.headEnd = headEnd;
        this.firstDelayMillis = firstDelayMillis;
        this.thread = new Thread(this::call, "simulator call " + headEnd);
        thread.setDaemon(true);
    }

    /**
     * Starts calling the head-end.
     *
     * @param access the meter
     * @param log where the call's events and the trace go
     * @param headEnd where the head-end listens
     * @param firstDelayMillis the pause between a failed attempt and the next, doubled each time
     * @param pushEveryMillis how often the meter pushes on the connection (its Push setup's
     *        DATA-NOTIFICATION), 0 for never
     * @param pacing how replies are held back and paced ({@link ReplyPacing#NONE}: sent at once)
     * @return the call, under way
     */
    public static MeterCall start(MeterAccess access, SimulatorLog log, InetSocketAddress headEnd,
            long firstDelayMillis, long pushEveryMillis, ReplyPacing pacing) {
        MeterCall call = new MeterCall(access, log, headEnd, firstDelayMillis, pushEveryMillis,
                pacing);
        call.thread.start();
        return call;
    }

    private void call() {
        try {
            Socket connected = connect();
            if (connected == null) {
                return;
            }
            socket = connected;
            log.info("called the head-end " + describe());
            serve(connected);
        } finally {
            access.disconnected(this);
            closeSocket();
            ended.countDown();
        }
    }

    /** @return the connection, or null when every attempt failed or the meter is closing */
    private Socket connect() {
        long delay = firstDelayMillis;
        String last = null;
        for (int attempt = 1; attempt <= ATTEMPTS && !closing; attempt++) {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(headEnd, CONNECT_MILLIS);
                return s;
            } catch (IOException e) {
                closeQuietly(s);
                last = e.getMessage();
                log.warning("cannot call the head-end " + hostPort() + " (attempt " + attempt + " of "
                        + ATTEMPTS + "): " + last);
            }
            if (attempt < ATTEMPTS && !pause(delay)) {
                return null;
            }
            delay *= 2;
        }
        if (!closing) {
            failure = "cannot call the head-end " + hostPort() + ": " + last + " (" + ATTEMPTS
                    + " attempts with " + firstDelayMillis * ((1L << (ATTEMPTS - 1)) - 1)
                    + " ms of pauses between them)";
        }
        return null;
    }

    private void serve(Socket s) {
        byte[] buffer = new byte[16 * 1024];
        String peer = "head-end " + hostPort();
        try {
            s.setSoTimeout((int) (pushEveryMillis > 0 ? Math.min(READ_SLICE_MILLIS, pushEveryMillis)
                    : READ_SLICE_MILLIS));
            InputStream in = s.getInputStream();
            long nextPush = System.nanoTime() + pushEveryMillis * 1_000_000;
            while (!closing) {
                if (pushEveryMillis > 0 && System.nanoTime() - nextPush >= 0) {
                    access.pushNow(this, peer, paced());
                    nextPush += pushEveryMillis * 1_000_000;
                }
                int count;
                try {
                    count = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (count < 0) {
                    log.info("the head-end " + hostPort() + " closed the connection: the call is over");
                    return;
                }
                access.serve(this, peer, Arrays.copyOf(buffer, count), paced());
            }
        } catch (IOException e) {
            if (!closing) {
                log.info("the connection to the head-end " + hostPort() + " ended: " + e.getMessage());
            }
        }
    }

    /** @return where what the meter sends now goes: this, or the paced line */
    private MeterAccess.Replies paced() {
        return line == null ? this : line.after(System.nanoTime(), this);
    }

    /** Writes a reply (or a notification) to the head-end; the meter serialises its replies. */
    @Override
    public synchronized void send(byte[] reply) throws IOException {
        Socket s = socket;
        if (s == null || s.isClosed()) {
            return; // the head-end went away meanwhile
        }
        OutputStream out = s.getOutputStream();
        out.write(reply);
        out.flush();
    }

    @Override
    public void hangUp() {
        closeSocket();
    }

    /**
     * Waits for the call to end.
     *
     * @param millis the longest wait
     * @return true when it ended
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    /** @return why the call failed (every connection attempt refused), or null */
    public String failure() {
        return failure;
    }

    @Override
    public String describe() {
        return "calling " + hostPort();
    }

    /** @return the meter's end of the connection once connected, else null */
    @Override
    public InetSocketAddress localAddress() {
        Socket s = socket;
        return s == null ? null : (InetSocketAddress) s.getLocalSocketAddress();
    }

    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        closeSocket();
        if (line != null) {
            line.close();
        }
        MeterTransport.join(thread);
    }

    private String hostPort() {
        return headEnd.getHostString() + ":" + headEnd.getPort();
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false; // closing
        }
    }

    private void closeSocket() {
        Socket s = socket;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Closed anyway.
        }
    }
}
