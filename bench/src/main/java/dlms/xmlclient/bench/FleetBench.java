package dlms.xmlclient.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The two fleet targets, run as a user runs them (docs/fleets.md gives the commands):
 * {@code bin/simulator -N METERS --latency MS --write-targets FILE} in one child process and
 * {@code bin/xmlclient --targets FILE --parallel P} in another, timed start to exit, with each
 * JVM's peak resident memory.
 * <ul>
 * <li>the seed load test (../shared/seeds' DLMS2AMPQ): each meter associates (WRAPPER, as the seed's), reads one day of its
 * load profile by range and releases, 200 ms round trip: target 60 s for 10,000 meters;</li>
 * <li>the whole sample suite (HDLC) at 100 ms round trip: target 10 minutes for 10,000 meters.</li>
 * </ul>
 * The targets hold for 10,000 meters; a smaller fleet ({@code --fleet-meters}) is shown without them.
 */
final class FleetBench {

    static final int FULL_FLEET = 10_000;
    private static final long MIB_KB = 1024;
    private static final double GIB_MIB = 1024;

    /** One of the two runs. */
    /**
     * @param simulatorJavaOptions {@code XMLCLIENT_JAVA_OPTS} for bin/simulator, null for its defaults
     * @param clientJavaOptions {@code XMLCLIENT_JAVA_OPTS} for bin/xmlclient, null for its defaults
     */
    record Load(String key, String title, String messages, String expected, boolean wrapper, int latencyMillis,
            int parallel, double targetSeconds, boolean traced, String simulatorJavaOptions,
            String clientJavaOptions) {
    }

    static final Load SEED = new Load("fleet.seed", "seed load test", "messages/load-profile/one-day-by-range.xml",
            "expected/load-profile",
            true, 200, 1000, 60, true, null, null);
    /**
     * Without the traces: 10,000 meters' would be 2.6 GB of trace.txt. In larger heaps than the
     * fleets' default 768 MiB: 2,000 meters in flight of the whole suite hold more than that, and
     * 10,000 simulated meters serving them filled the simulator's old generation (a full
     * collection every few seconds, 82 s of them in a 600 s run).
     */
    static final Load SUITE = new Load("fleet.suite", "sample suite, --no-trace", "messages", "expected", false,
            100, 2000, 600, false, "-Xmx2g", "-Xmx3g");

    private final int meters;

    FleetBench(int meters) {
        this.meters = meters;
    }

    /** The rows when the fleets are not run (plain {@code bench}): named, with how to run them. */
    static List<Measure> notRun() {
        List<Measure> rows = new ArrayList<>();
        for (Load load : List.of(SEED, SUITE)) {
            rows.add(Measure.skipped(load.key() + ".wall_s", "fleet, " + load.title() + ", " + FULL_FLEET
                    + " meters at " + load.latencyMillis() + " ms: wall", "s",
                    "bench --fleet runs it (minutes); target ≤ " + (int) load.targetSeconds() + " s"));
        }
        return rows;
    }

    List<Measure> run(ProjectRoot root, Path work) throws Exception {
        List<Measure> rows = new ArrayList<>();
        for (Load load : List.of(SEED, SUITE)) {
            rows.addAll(run(root, work.resolve(load.key()), load));
        }
        return rows;
    }

    private List<Measure> run(ProjectRoot root, Path work, Load load) throws Exception {
        Files.createDirectories(work);
        Path targets = work.resolve("targets.csv");
        List<String> simulator = new ArrayList<>(List.of(root.dir().resolve("bin/simulator").toString(),
                "-N", String.valueOf(meters), "-p", "0", "--latency", String.valueOf(load.latencyMillis()),
                "--write-targets", targets.toString()));
        if (load.wrapper()) {
            simulator.add("-w");
        }
        ProcessBuilder meterBuilder = new ProcessBuilder(simulator).redirectErrorStream(true)
                .redirectOutput(work.resolve("simulator.txt").toFile());
        if (load.simulatorJavaOptions() != null) {
            meterBuilder.environment().put("XMLCLIENT_JAVA_OPTS", load.simulatorJavaOptions());
        }
        Process meterProcess = meterBuilder.start();
        try {
            awaitTargets(meterProcess, targets, work.resolve("simulator.txt"));
            List<String> client = new ArrayList<>(List.of(root.launcher().toString(),
                    "-x", root.dir().resolve(load.messages()).toString(),
                    "-e", root.dir().resolve(load.expected()).toString(), "--targets", targets.toString(),
                    "--parallel", String.valueOf(load.parallel()), "-o", work.resolve("out").toString(),
                    "-t", "Error", "--progress", "30"));
            if (load.wrapper()) {
                client.add("-w");
            }
            if (!load.traced()) {
                client.add("--no-trace");
            }
            ChildRun run = ChildRun.run(client, work.resolve("client"), TimeUnit.MINUTES.toSeconds(60), 500,
                    load.clientJavaOptions() == null ? Map.of() : Map.of("XMLCLIENT_JAVA_OPTS", load.clientJavaOptions()));
            long simulatorKb = ChildRun.vmHwm(Path.of("/proc", String.valueOf(meterProcess.pid()), "status"));
            if (run.exitCode() != 0) {
                throw new IOException("the fleet run exited with " + run.exitCode() + ": "
                        + lastLines(run.output(), 5));
            }
            return rows(load, run, simulatorKb);
        } finally {
            meterProcess.destroy();
            if (!meterProcess.waitFor(10, TimeUnit.SECONDS)) {
                meterProcess.destroyForcibly();
            }
        }
    }

    private List<Measure> rows(Load load, ChildRun run, long simulatorKb) {
        boolean full = meters == FULL_FLEET;
        String fleet = String.format(Locale.ROOT, "fleet, %s, %d meters at %d ms", load.title(), meters,
                load.latencyMillis());
        List<Measure> rows = new ArrayList<>();
        Measure wall = Measure.of(load.key() + ".wall_s", fleet + ": wall", run.nanos() / 1e9, "s");
        rows.add(full ? wall.withTarget(Target.atMost(load.targetSeconds())) : wall);
        rows.add(Measure.of(load.key() + ".meters_per_s", fleet + ": meters a second",
                meters / (run.nanos() / 1e9), "/s"));
        Measure client = run.peakKb() > 0
                ? Measure.of(load.key() + ".client_rss_mb", fleet + ": client peak RSS",
                        run.peakKb() / (double) MIB_KB, "MiB")
                : Measure.skipped(load.key() + ".client_rss_mb", fleet + ": client peak RSS", "MiB",
                        "no /proc/PID/status here");
        rows.add(load == SEED && full && run.peakKb() > 0 ? client.withTarget(Target.atMost(GIB_MIB)) : client);
        Measure sim = simulatorKb > 0
                ? Measure.of(load.key() + ".simulator_rss_mb", fleet + ": simulator peak RSS",
                        simulatorKb / (double) MIB_KB, "MiB")
                : Measure.skipped(load.key() + ".simulator_rss_mb", fleet + ": simulator peak RSS", "MiB",
                        "no /proc/PID/status here");
        rows.add(load == SEED && full && simulatorKb > 0 ? sim.withTarget(Target.atMost(GIB_MIB)) : sim);
        return rows;
    }

    /** The simulator writes the targets file once every meter listens. */
    private static void awaitTargets(Process simulator, Path targets, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.isRegularFile(targets)) {
            if (!simulator.isAlive()) {
                throw new IOException("bin/simulator exited with " + simulator.exitValue() + ": "
                        + lastLines(Files.readString(log), 5));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("bin/simulator wrote no targets file within 2 minutes");
            }
            Thread.sleep(100);
        }
    }

    private static String lastLines(String text, int n) {
        List<String> lines = text.strip().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
