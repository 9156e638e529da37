package dlms.xmlclient.report;

import dlms.xmlclient.run.FleetListener;
import dlms.xmlclient.run.MeterTally;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.verdict.Verdict;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A long fleet's progress on the console, every few seconds: meters done, passing and not, in
 * flight, the rate and the time left at that rate. A fleet that ends before the first interval
 * prints none. The lines go to the console beside the meters' own, which a quiet run (-t Error
 * and below) leaves out for the meters that passed: then these lines are the run's pulse.
 */
public final class FleetProgress implements FleetListener {

    private final PrintStream out;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private int meters;
    private long scriptsTotal;
    private long scriptsDone;
    private long started;
    private long done;
    private long passed;
    private long startNanos;
    private Thread ticker;

    /** @param intervalSeconds seconds between lines (0: none) */
    public FleetProgress(PrintStream out, int intervalSeconds) {
        this(out, intervalSeconds, System::nanoTime);
    }

    FleetProgress(PrintStream out, int intervalSeconds, LongSupplier nanoClock) {
        this.out = out;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(intervalSeconds);
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void fleetStarted(int meterCount, int scriptsPerMeter, int parallel) {
        meters = meterCount;
        scriptsTotal = (long) meterCount * scriptsPerMeter;
        startNanos = nanoClock.getAsLong();
        if (intervalNanos > 0) {
            ticker = Thread.ofPlatform().daemon().name("fleet progress").start(this::tick);
        }
    }

    @Override
    public synchronized void meterStarted(String meter) {
        started++;
    }

    @Override
    public synchronized void scriptFinished(String meter, ScriptOutcome outcome) {
        scriptsDone++;
    }

    @Override
    public synchronized void meterFinished(String meter, String outputs, List<ScriptOutcome> outcomes,
            long elapsedMillis) {
        done++;
        // A meter stopped before its scripts (Ctrl-C) counts them as done here: nothing is left of it.
        scriptsDone += outcomes.stream().filter(o -> o.status() == Status.NOT_RUN).count();
        Verdict verdict = MeterTally.of(outcomes).verdict();
        if (verdict == Verdict.PASS || verdict == Verdict.NOT_CHECKED) {
            passed++;
        }
    }

    @Override
    public void fleetFinished(long elapsedMillis) {
        Thread t;
        synchronized (this) {
            t = ticker;
            ticker = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(); // no progress line after the summary
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                TimeUnit.NANOSECONDS.sleep(intervalNanos);
                synchronized (this) {
                    out.println(line(meters, done, passed, Math.max(0, started - done), scriptsTotal, scriptsDone,
                            nanoClock.getAsLong() - startNanos));
                }
            }
        } catch (InterruptedException e) {
            // the fleet is over
        }
    }

    /**
     * One progress line; the time left is reckoned by scripts, which come to an end all along,
     * while a fleet's meters, all in flight at once, may all end together. {@code meters} 0:
     * open-ended (listen), no scripts total and no time left.
     * "progress: 2340/10000 meters done (2300 passing, 40 not), 1000 in flight, 103000/440000 scripts,
     * 78.0 meters/s, 2 min 11 s left (30 s so far)"
     */
    static String line(int meters, long done, long passed, long inFlight, long scriptsTotal, long scriptsDone,
            long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        StringBuilder s = new StringBuilder("progress: ");
        s.append(meters > 0 ? done + "/" + meters : String.valueOf(done)).append(" meters done (")
                .append(passed).append(" passing, ").append(done - passed).append(" not), ")
                .append(inFlight).append(" in flight, ");
        if (scriptsTotal > 0) {
            s.append(scriptsDone).append('/').append(scriptsTotal).append(" scripts, ");
        }
        s.append(String.format(Locale.ROOT, "%.1f meters/s", seconds > 0 ? done / seconds : 0));
        if (scriptsTotal > 0) {
            double scriptRate = seconds > 0 ? scriptsDone / seconds : 0;
            s.append(", ").append(scriptRate > 0 ? duration(Math.round((scriptsTotal - scriptsDone) / scriptRate))
                    + " left" : "time left unknown");
        }
        s.append(String.format(Locale.ROOT, " (%s so far)", duration(Math.round(seconds))));
        return s.toString();
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
