package dlms.xmlclient.cli;

import dlms.xmlclient.run.StopSignal;

import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The meters of a fleet (or of a listen run), each on a virtual thread of its own, at most
 * {@code parallel} of them talking to their meters at once. A meter 2 s of GPRS away spends its
 * run waiting on its socket: a virtual thread waits without holding a platform thread, so
 * thousands can be in flight with a handful of carrier threads. Meters start in the order they
 * are submitted; their exit codes fold into the worst.
 */
final class MeterPool implements AutoCloseable {

    private final Semaphore slots;
    private final ExecutorService threads;
    private final AtomicInteger worst = new AtomicInteger(ExitCode.OK);
    private final StopSignal stop;
    private final PrintStream err;
    private final String what;

    /**
     * @param what names the command in a defect's message ("meter", "listen")
     */
    MeterPool(int parallel, String threadName, StopSignal stop, PrintStream err, String what) {
        this.slots = new Semaphore(parallel, true);
        this.threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(threadName + " ", 1).factory());
        this.stop = stop;
        this.err = err;
        this.what = what;
    }

    /**
     * Runs {@code meter} on a thread of its own once a slot is free: waits for the slot here, so
     * that meters start in the order they are submitted (threads started at once would race).
     */
    void submit(String name, IntSupplier meter) {
        slots.acquireUninterruptibly();
        threads.execute(() -> {
            try {
                fold(meter.getAsInt());
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // A meter's run reports its own failures as outcomes: this is a defect of ours,
                // and it is that meter's alone; the others run on and are reported.
                err.println("xmlclient: " + what + " " + name + ": internal error: " + e);
                fold(ExitCode.NO_CONNECTION);
            } finally {
                slots.release();
            }
        });
    }

    private void fold(int code) {
        worst.accumulateAndGet(code, ExitCode::worst);
    }

    /** Waits for every submitted meter. @return the worst exit code of them */
    int awaitAll() {
        threads.shutdown();
        boolean interrupted = false;
        while (!threads.isTerminated()) {
            try {
                threads.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                // Meters stop after their current script; their lines and suites still come in.
                interrupted = true;
                stop.request("interrupted");
                fold(ExitCode.INTERRUPTED);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return worst.get();
    }

    @Override
    public void close() {
        awaitAll();
    }
}
