package dlms.xmlclient.run;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands a run's events to listeners on a thread of their own, in order, so the reports of one
 * script (reply files, junit.xml, report.html) are written while the next script talks to the
 * meter: on two cores or more a batch is that much shorter. Bounded: a slow disk holds the run up
 * after a few scripts instead of filling memory. {@link #runFinished} returns only when every
 * event has been handled, so the reports are complete when the run's exit code is decided. A
 * listener's failure (a bug: write failures are told and counted by the reports themselves) ends
 * the run in its own thread, at the next script's start or end, or at the run's end; not at a
 * request's, which the runner would blame on that request. What the listeners print comes from
 * their thread.
 */
public final class QueuedListener implements RunListener {

    /** Events held at most (a script's are its start, one per request and its end): they hold replies. */
    private static final int CAPACITY = 16;

    private final RunListener target;
    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(CAPACITY);
    private Thread thread;
    private volatile Throwable failure;

    public QueuedListener(RunListener target) {
        this.target = target;
    }

    @Override
    public void runStarted(RunPlan plan) {
        thread = new Thread(this::drain, "xmlclient-reports");
        thread.setDaemon(true); // never holds the JVM up: runFinished waits for it
        thread.start();
        put(() -> target.runStarted(plan));
    }

    @Override
    public void scriptStarted(ScriptSource source) {
        rethrow();
        put(() -> target.scriptStarted(source));
    }

    @Override
    public void requestFinished(ScriptSource source, StepReply reply) {
        put(() -> target.requestFinished(source, reply));
    }

    @Override
    public void scriptFinished(ScriptOutcome outcome) {
        rethrow();
        put(() -> target.scriptFinished(outcome));
    }

    @Override
    public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
        put(() -> target.runFinished(outcomes, elapsedMillis));
        put(END);
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the reports are finished all the same
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow();
    }

    /** The first failure of a listener, in the run's thread. */
    private void rethrow() {
        Throwable failed = failure;
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }

    private static final Runnable END = () -> { };

    private void put(Runnable event) {
        if (thread == null) {
            throw new IllegalStateException("runStarted comes first");
        }
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(event);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // Ctrl-C stops the run, not its reports
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        while (true) {
            Runnable event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                continue; // nothing of ours interrupts it: the events still come, END last
            }
            if (event == END) {
                return;
            }
            if (failure != null) {
                continue; // the run learns at its next event
            }
            try {
                event.run();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }
    }
}
