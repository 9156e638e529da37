package dlms.xmlclient.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's sequence: per exchange (HDLC, WRAPPER), associations, the profile read, the
 * 100-script batch, the cold start. Each step says on {@code progress} what it is doing, since
 * the whole takes a minute.
 */
final class BenchRun {

    private final BenchConfig config;
    private final Path work;
    private final PrintStream progress;
    private final PrintStream err;
    /** System.nanoTime() when the current step started; 0 before the first. */
    private long stepStart;

    /**
     * @param work     a scratch folder for scripts, expected files and the runs' out folders
     * @param progress where a line per step goes
     */
    BenchRun(BenchConfig config, Path work, PrintStream progress, PrintStream err) {
        this.config = config;
        this.work = work;
        this.progress = progress;
        this.err = err;
    }

    List<Measure> run() throws Exception {
        List<Measure> measures = new ArrayList<>();
        step("starting an HDLC and a WRAPPER simulator, recording the expected replies of the generated scripts");
        try (BenchMeter hdlc = BenchMeter.start(work, false, config, err);
             BenchMeter wrapper = BenchMeter.start(work, true, config, err)) {
            ExchangeBench exchanges = new ExchangeBench(config);
            step("per exchange, HDLC: " + config.rounds() + " rounds of the bare loop and our session ("
                    + config.floorRequests() + " and " + 2 * config.floorRequests() + " requests) and our full path ("
                    + config.requests() + " and " + 2 * config.requests() + ")");
            measures.addAll(exchanges.run(hdlc, true));
            step("per exchange, WRAPPER");
            measures.addAll(exchanges.run(wrapper, false));
            step("associations, HDLC: " + config.rounds() + " rounds of " + config.associations() + " each way");
            measures.addAll(new AssociationBench(config).run(hdlc));
            step("profile read, " + ProfileBench.ROWS + " rows, HDLC");
            measures.addAll(new ProfileBench(config).run(hdlc));
            step("batch of " + config.batchScripts() + " sample scripts");
            ProjectRoot root = ProjectRoot.find();
            measures.addAll(new BatchBench(config, err).run(root, work));
            step("cold start: " + (config.coldRuns() == 1 ? "1 child process and 1 bare JVM"
                    : config.coldRuns() + " child processes, and as many bare JVMs"));
            FloorJvm floor = new FloorJvm(ProcessHandle.current().info().command().orElse("java"),
                    Launch.classPath(root), work);
            measures.addAll(new ColdStartBench(config).run(root, hdlc.port(), work, floor));
            ColdBatchBench coldBatch = new ColdBatchBench(config, err);
            step("cold batch: " + coldBatch.files() + " files, bin/xmlclient and the floor in child processes,"
                    + " the simulator in its own");
            measures.addAll(coldBatch.run(root, work, floor));
            step(null);
        }
        return measures;
    }

    private void step(String what) {
        long now = System.nanoTime();
        if (stepStart != 0) {
            progress.printf(Locale.ROOT, "bench:   (%.1f s)%n", (now - stepStart) / 1e9);
        }
        stepStart = now;
        if (what != null) {
            progress.println("bench: " + what);
        }
    }
}
