package dlms.xmlclient.simulator.transport;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The way out of one client's line (a TCP connection, a UDP port, a serial line) when replies
 * are held back or paced ({@link ReplyPacing}): every reply is cut into timed writes, queued in
 * order, and written by one task at a time on a shared scheduler, never by a thread that
 * sleeps. A reply starts after its request's delay but never before the previous reply has
 * left, so replies keep their order, whatever the jitter. Thread safe.
 */
final class PacedLine {

    /** One timed write: bytes, or the hang-up after them (bytes null). */
    private record Write(long due, MeterAccess.Replies target, byte[] bytes) {
    }

    private final ReplyPacing pacing;
    private final ScheduledExecutorService scheduler;
    private final boolean whole;
    /** Guarded by this. */
    private final ArrayDeque<Write> writes = new ArrayDeque<>();
    /** System.nanoTime() when every queued byte has left the line; guarded by this. */
    private long freeAt = System.nanoTime();
    /** True while a write task is scheduled or running; guarded by this. */
    private boolean pumping;

    /**
     * @param pacing the latency and line rate
     * @param scheduler where the writes run (they must not block for long)
     * @param whole true to write each reply in one piece once all of it would have left the
     *            line (a UDP datagram cannot be cut), false to write it a tick at a time
     */
    PacedLine(ReplyPacing pacing, ScheduledExecutorService scheduler, boolean whole) {
        this.pacing = pacing;
        this.scheduler = scheduler;
        this.whole = whole;
    }

    /**
     * @param pacing the latency and line rate; {@link ReplyPacing#NONE} for none
     * @param name the name of the line's own scheduler thread
     * @param whole as in the constructor
     * @return a line with a scheduler of its own (a port with one client line: UDP, serial, a
     *         call), to be {@link #close closed} with the port; null when replies go at once
     */
    static PacedLine own(ReplyPacing pacing, String name, boolean whole) {
        if (pacing.isNone()) {
            return null;
        }
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, body -> {
            Thread t = new Thread(body, name);
            t.setDaemon(true);
            return t;
        });
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return new PacedLine(pacing, scheduler, whole);
    }

    /** Stops the scheduler of a line made by {@link #own}: nothing more is written. */
    void close() {
        scheduler.shutdownNow();
    }

    /**
     * @param requestEnd System.nanoTime() of the request's last byte
     * @param target where the replies to it are written, when their time comes
     * @return the replies to that request, paced
     */
    MeterAccess.Replies after(long requestEnd, MeterAccess.Replies target) {
        return new MeterAccess.Replies() {
            @Override
            public void send(byte[] reply) {
                queue(requestEnd, target, reply);
            }

            @Override
            public void hangUp() {
                queue(requestEnd, target, null);
            }
        };
    }

    /** @return System.nanoTime() when every reply queued so far has left the line */
    synchronized long freeAt() {
        return freeAt;
    }

    private synchronized void queue(long requestEnd, MeterAccess.Replies target, byte[] reply) {
        long start = Math.max(requestEnd + pacing.delayNanos(), freeAt);
        if (reply == null) {
            writes.add(new Write(start, target, null));
        } else {
            int chunk = whole ? reply.length : pacing.chunkBytes();
            for (int from = 0; from < reply.length; from += chunk) {
                int to = (int) Math.min(reply.length, (long) from + chunk);
                writes.add(new Write(start + pacing.lineNanos(to), target,
                        from == 0 && to == reply.length ? reply
                                : Arrays.copyOfRange(reply, from, to)));
            }
            start += pacing.lineNanos(reply.length);
        }
        freeAt = start;
        schedule();
    }

    /** Schedules the next write, unless one is scheduled; under the lock. */
    private void schedule() {
        if (pumping || writes.isEmpty()) {
            return;
        }
        pumping = true;
        try {
            scheduler.schedule(this::pump, Math.max(0, writes.peek().due() - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            writes.clear(); // closing: nothing is sent any more
            pumping = false;
        }
    }

    /** Writes every write that is due, in order, then schedules the next. */
    private void pump() {
        while (true) {
            Write next;
            synchronized (this) {
                next = writes.peek();
                if (next == null || next.due() - System.nanoTime() > 0) {
                    pumping = false;
                    schedule();
                    return;
                }
                writes.poll();
            }
            try {
                if (next.bytes() == null) {
                    next.target().hangUp();
                } else {
                    next.target().send(next.bytes());
                }
            } catch (IOException | RuntimeException e) { // NOPMD: the client went away
                // Its later writes fail the same way, or find it closed.
            }
        }
    }
}
