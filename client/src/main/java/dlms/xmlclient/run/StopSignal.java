package dlms.xmlclient.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to end the run early: Ctrl-C, or --fail-fast after a failing script. The runner
 * finishes the exchange in progress, releases the association and stops; scripts not run are
 * reported as such. The first reason given is kept.
 */
public final class StopSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile String reason;
    /** The stop cannot wait for the exchange in progress (Ctrl-C), unlike --fail-fast's. */
    private volatile boolean urgent;

    /**
     * Ends the exchange in progress too, within a second, whatever the meter does: the session
     * then releases in haste. {@link #request} lets the exchange in progress finish.
     */
    public void interrupt(String why) {
        urgent = true;
        request(why);
    }

    /** The reason when the exchange in progress must end now, else null. */
    public String interruption() {
        return urgent ? reason : null;
    }

    public void request(String why) {
        synchronized (this) {
            if (reason == null) {
                reason = why;
            }
        }
        stopped.countDown();
    }

    public boolean requested() {
        return reason != null;
    }

    /** Why the run stops, or null. */
    public String reason() {
        return reason;
    }

    /** Waits {@code millis} (a script's Sleep), or less when a stop is requested meanwhile. */
    void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
