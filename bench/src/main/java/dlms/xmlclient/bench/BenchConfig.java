package dlms.xmlclient.bench;

/**
 * How much to measure. The default takes about a minute; {@code --quick} a few seconds (for the
 * test: its figures are noisy, only their presence counts).
 *
 * @param requests      N in "per exchange = (T(2N requests) − T(N requests)) / N" for our full path
 * @param floorRequests N for the bare loop and our session alone: each of their exchanges takes
 *                      tens of µs, so that N exchanges must outweigh the jitter of a connection
 * @param warmups       untimed rounds first, so that the JIT has compiled the paths measured
 * @param rounds        timed rounds; the figure is their median
 * @param associations  associations per timed round (connect, associate, release, close)
 * @param profileRounds timed rounds of the profile read
 * @param batchScripts  scripts in the batch (the samples repeated)
 * @param batchRounds   timed batches; the figure is their median
 * @param coldRuns      child processes for the cold start (and for the bare JVM start)
 */
record BenchConfig(boolean quick, int requests, int floorRequests, int warmups, int rounds, int associations, int profileRounds,
                   int batchScripts, int batchRounds, int coldRuns) {

    static BenchConfig standard() {
        return new BenchConfig(false, 30, 300, 2, 7, 100, 7, 100, 3, 5);
    }

    static BenchConfig quickly() {
        return new BenchConfig(true, 20, 150, 2, 3, 10, 2, 24, 1, 1);
    }
}
