package dlms.xmlclient.bench;

/**
 * Wall times of pairs of runs, one with N requests more than the other, for "per request =
 * (median T(more) − median T(fewer)) / N" (e.g. N and 2N requests): the association and
 * everything else the two have in common cancels out.
 * Warm-up samples (numbered below 0) are run and dropped. Which of the pair runs first is the
 * caller's choice: alternating it keeps either from always following the same thing.
 */
final class PairedSamples {

    /** A timed run: its wall time in nanoseconds. */
    @FunctionalInterface
    interface TimedRun {
        long nanos() throws Exception;
    }

    private final double[] once;
    private final double[] twice;

    PairedSamples(int size) {
        once = new double[size];
        twice = new double[size];
    }

    void add(int sample, boolean twiceFirst, TimedRun runOnce, TimedRun runTwice) throws Exception {
        long twiceNanos = twiceFirst ? clean(runTwice) : 0;
        long onceNanos = clean(runOnce);
        if (!twiceFirst) {
            twiceNanos = clean(runTwice);
        }
        if (sample >= 0) {
            once[sample] = Figures.millis(onceNanos);
            twice[sample] = Figures.millis(twiceNanos);
        }
    }

    /**
     * A run that starts with an empty young generation. Otherwise a collection of the garbage
     * earlier runs left lands in one run of a pair or the other, by chance: a few milliseconds
     * in a difference of tens, which swung the full path's figure between 0.05 and 0.08 ms per
     * exchange from one bench to the next.
     */
    private static long clean(TimedRun run) throws Exception {
        System.gc();
        return run.nanos();
    }

    /** @param n the requests the 2N run has more than the N run: ms per request */
    double perRequest(int n) {
        return (Figures.median(twice) - Figures.median(once)) / n;
    }
}
