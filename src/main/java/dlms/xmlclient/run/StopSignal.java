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
