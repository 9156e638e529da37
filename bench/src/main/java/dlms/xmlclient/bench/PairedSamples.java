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
        long twiceNanos = twiceFirst ? runTwice.nanos() : 0;
        long onceNanos = runOnce.nanos();
        if (!twiceFirst) {
            twiceNanos = runTwice.nanos();
        }
        if (sample >= 0) {
            once[sample] = Figures.millis(onceNanos);
            twice[sample] = Figures.millis(twiceNanos);
        }
    }

    /** @param n the requests the 2N run has more than the N run: ms per request */
    double perRequest(int n) {
        return (Figures.median(twice) - Figures.median(once)) / n;
    }
}
