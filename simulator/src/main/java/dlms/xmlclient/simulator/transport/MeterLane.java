package dlms.xmlclient.simulator.transport;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dlms.xmlclient.simulator.log.SimulatorLog;

/**
 * One meter's TCP work, done in order and one task at a time on a shared worker pool, so that
 * the selector thread never waits for DLMS processing and a meter never serves two frames at
 * once. Bytes from a connection while another connection owns the meter (see
 * {@link MeterAccess}) are parked, not waited for: they are served as soon as the owner goes
 * (it releases the meter or its connection closes), or dropped unanswered after
 * {@link #BUSY_WAIT_MILLIS}. A client that closes its connection and at once opens a new one
 * thus does not find its own previous connection in the way, and no thread is held meanwhile.
 * Later bytes of a connection with parked bytes are parked behind them, to keep their order.
 */
public final class MeterLane {

    /** How long bytes from another client wait for the owner to go before they are dropped. */
    static final long BUSY_WAIT_MILLIS = 1000;
    /** Tasks run before the lane yields its worker to other meters. */
    private static final int BATCH = 16;

    /** Bytes waiting for the meter. */
    private record Parked(String peer, byte[] data, long deadline) {
    }

    private final MeterAccess access;
    private final SimulatorLog log;
    private final ScheduledExecutorService workers;
    private final String meterName;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    /** True while a drain of the tasks is submitted or running; guarded by tasks. */
    private boolean draining;
    /** Parked bytes by connection, oldest connection first; touched only by the lane's tasks. */
    private final Map<TcpConnection, ArrayDeque<Parked>> parked = new LinkedHashMap<>();

    /**
     * @param access the meter
     * @param log where a failed task is reported
     * @param workers the pool that runs the lane's tasks and times out parked bytes
     * @param meterName added to the peer's name in the trace and log ("peer@name"), so that
     *            lines from meters sharing a port can be told apart; null for a single meter
     */
    public MeterLane(MeterAccess access, SimulatorLog log,
            ScheduledExecutorService workers, String meterName) {
        this.access = access;
        this.log = log;
        this.workers = workers;
        this.meterName = meterName;
    }

    /**
     * Serves bytes from a connection, after every earlier task of the meter.
     *
     * @param connection where they came from and the replies go
     * @param data bytes read
     */
    void frame(TcpConnection connection, byte[] data) {
        submit(() -> onFrame(connection, data));
    }

    /**
     * The connection closed: the meter forgets it, after serving what came before.
     *
     * @param connection a connection that used the meter
     */
    void disconnected(TcpConnection connection) {
        submit(() -> onDisconnected(connection));
    }

    private void submit(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        execute(this::drain);
    }

    private void execute(Runnable drain) {
        try {
            workers.execute(drain);
        } catch (RejectedExecutionException e) {
            // The port is closing: nothing is served any more.
        }
    }

    private void drain() {
        for (int done = 0; done != BATCH; ++done) {
            Runnable task;
            synchronized (tasks) {
                task = tasks.poll();
                if (task == null) {
                    draining = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (Throwable e) { // NOPMD: an Error too, else the lane stays draining for ever
                log.error("meter task failed", e); // the lane goes on with the next one
            }
        }
        execute(this::drain); // more to do: behind the other meters' work
    }

    private void onFrame(TcpConnection connection, byte[] data) {
        if (connection.isHungUp()) {
            return; // the meter closed it: what it sent afterwards is never read
        }
        String peer = meterName == null ? connection.peer()
                : connection.peer() + "@" + meterName;
        access.received(peer, data);
        ArrayDeque<Parked> waiting = parked.get(connection);
        if (waiting == null && access.serveIfFree(connection, peer, data,
                connection.replies(System.nanoTime()))) {
            retryParked();
            return;
        }
        parked.computeIfAbsent(connection, c -> new ArrayDeque<>()).add(new Parked(peer, data,
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUSY_WAIT_MILLIS)));
        try {
            workers.schedule(() -> submit(this::expire), BUSY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    private void onDisconnected(TcpConnection connection) {
        parked.remove(connection);
        access.disconnected(connection);
        retryParked();
    }

    /** Serves parked bytes, oldest connection first, until the meter is busy again. */
    private void retryParked() {
        for (Iterator<Map.Entry<TcpConnection, ArrayDeque<Parked>>> it =
                parked.entrySet().iterator(); it.hasNext();) {
            Map.Entry<TcpConnection, ArrayDeque<Parked>> entry = it.next();
            ArrayDeque<Parked> waiting = entry.getValue();
            TcpConnection connection = entry.getKey();
            while (!waiting.isEmpty() && !connection.isHungUp()) {
                Parked p = waiting.peek();
                if (!access.serveIfFree(connection, p.peer(), p.data(),
                        connection.replies(System.nanoTime()))) {
                    return;
                }
                waiting.poll();
            }
            it.remove();
        }
    }

    /**
     * Drops the parked bytes whose wait is over, unless the meter is free by now (its owner
     * may have been silent for the inactivity time-out meanwhile).
     */
    private void expire() {
        long now = System.nanoTime();
        for (Map.Entry<TcpConnection, ArrayDeque<Parked>> entry : parked.entrySet()) {
            ArrayDeque<Parked> waiting = entry.getValue();
            if (entry.getKey().isHungUp()) {
                waiting.clear();
            }
            while (!waiting.isEmpty() && now - waiting.peek().deadline() >= 0) {
                Parked p = waiting.poll();
                if (!access.serveIfFree(entry.getKey(), p.peer(), p.data(),
                        entry.getKey().replies(System.nanoTime()))) {
                    access.refuseBusy(p.peer());
                }
            }
        }
        parked.values().removeIf(ArrayDeque::isEmpty);
        retryParked();
    }
}
