package dlms.xmlclient.bench;

import dlms.xmlclient.cli.PlannedScripts;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figure a user lives with: a folder of generated scripts (each connecting, associating,
 * reading the clock and the A+ register in turn, releasing) run by {@code bin/xmlclient -h
 * 127.0.0.1 -p PORT -x DIR -e EXPECTED -o OUT} as a child process against the simulator in a
 * process of its own, per file; beside the floor for the same work, a child JVM running the bare
 * Gurux loop over as many associations with the same reads ({@link FloorJvm}). Runs of the
 * two alternate; the figures are medians. Also the batch's peak resident memory.
 */
final class ColdBatchBench {

    /** Reads per generated file: the samples average about four replies per script. */
    static final int READS = 4;

    private final BenchConfig config;
    private final PrintStream err;

    ColdBatchBench(BenchConfig config, PrintStream err) {
        this.config = config;
        this.err = err;
    }

    int files() {
        return config.quick() ? 20 : 100;
    }

    private int runs() {
        return config.quick() ? 1 : config.coldRuns();
    }

    List<Measure> run(ProjectRoot root, Path work, FloorJvm floorJvm) throws Exception {
        String name = "cold batch of " + files() + " files";
        if (root.dir() == null) {
            return skipped(name, root.whyNotFound());
        }
        if (root.jar() != null && !Files.isRegularFile(root.launcher())) {
            return skipped(name, "no " + root.launcher() + " beside the jar we run from");
        }
        Launch launch = Launch.of(root);
        Path dir = work.resolve("cold-batch");
        Path messages = dir.resolve("messages");
        Path expected = dir.resolve("expected");
        GeneratedScripts.writeBatch(messages, files(), READS);
        double[] ours = new double[runs()];
        double[] floor = new double[runs()];
        double[] untraced = new double[runs()];
        long peakKb = 0;
        long floorPeakKb = 0;
        try (SimulatorProcess simulator = SimulatorProcess.start(launch.simulator())) {
            int port = simulator.port();
            record(messages, expected, port);
            int warmups = config.quick() ? 0 : 1;
            for (int i = -warmups; i < runs(); i++) {
                Path out = dir.resolve("out-" + (i + warmups));
                List<String> command = new ArrayList<>(launch.client());
                command.addAll(List.of("-h", "127.0.0.1", "-p", String.valueOf(port), "-x", messages.toString(),
                        "-e", expected.toString(), "-o", out.toString()));
                boolean floorFirst = i % 2 != 0;
                ChildRun bare = floorFirst ? floor(floorJvm, port, dir, i) : null;
                ChildRun run = ChildRun.run(command, dir.resolve("console-" + (i + warmups)));
                if (run.exitCode() != 0) {
                    throw new IOException(launch.how() + " exited with " + run.exitCode() + ": "
                            + run.output().strip());
                }
                if (!floorFirst) {
                    bare = floor(floorJvm, port, dir, i);
                }
                command.add("--no-trace");
                ChildRun quiet = ChildRun.run(command, dir.resolve("console-untraced-" + (i + warmups)));
                if (quiet.exitCode() != 0) {
                    throw new IOException(launch.how() + " --no-trace exited with " + quiet.exitCode() + ": "
                            + quiet.output().strip());
                }
                if (i >= 0) {
                    ours[i] = Figures.millis(run.nanos()) / files();
                    floor[i] = Figures.millis(bare.nanos()) / files();
                    untraced[i] = Figures.millis(quiet.nanos()) / files();
                    peakKb = Math.max(peakKb, run.peakKb());
                    floorPeakKb = Math.max(floorPeakKb, bare.peakKb());
                }
            }
        }
        String runs = runs() + (runs() == 1 ? " run" : " runs");
        double oursMs = Figures.median(ours);
        double floorMs = Figures.median(floor);
        List<Measure> rows = new ArrayList<>();
        rows.add(Measure.of("cold_batch.ms_per_file", name + ": " + launch.how() + " per file (own process),"
                + " median of " + runs, oursMs, "ms")
                .withTarget(Target.atMost(6)).withReference("Gurux XmlClient 25-45 ms per file"));
        rows.add(Measure.of("cold_batch.untraced_ms_per_file", name + ": the same with --no-trace, per file",
                Figures.median(untraced), "ms").withTarget(Target.atMost(6)));
        rows.add(Measure.of("cold_batch.floor_ms_per_file", name + ": the floor (bare Gurux loop, JVM as ours) per file",
                floorMs, "ms"));
        rows.add(Measure.of("cold_batch.ratio", name + ": ours / floor", oursMs / floorMs, "×"));
        rows.add(peakKb > 0
                ? Measure.of("cold_batch.peak_rss_mb", name + ": peak RSS (VmHWM), largest of " + runs,
                        peakKb / 1024.0, "MiB").withTarget(Target.atMost(122))
                        .withReference("Gurux XmlClient 122 MiB")
                : Measure.skipped("cold_batch.peak_rss_mb", name + ": peak RSS", "MiB", "no /proc/PID/status here"));
        rows.add(floorPeakKb > 0
                ? Measure.of("cold_batch.floor_peak_rss_mb", name + ": the floor's peak RSS", floorPeakKb / 1024.0,
                        "MiB")
                : Measure.skipped("cold_batch.floor_peak_rss_mb", name + ": the floor's peak RSS", "MiB",
                        "no /proc/PID/status here"));
        return rows;
    }

    private ChildRun floor(FloorJvm floorJvm, int port, Path dir, int i) throws Exception {
        ChildRun run = ChildRun.run(floorJvm.command(port, files(), READS), dir.resolve("floor-" + i));
        if (run.exitCode() != 0) {
            throw new IOException("the floor's JVM exited with " + run.exitCode() + ": " + run.output().strip());
        }
        return run;
    }

    /** The first file's replies recorded (in-process, against the simulator process), copied for the others. */
    private void record(Path messages, Path expected, int port) throws Exception {
        List<String> flags = List.of("-h", "127.0.0.1", "-p", String.valueOf(port));
        var first = PlannedScripts.find(messages, flags, System.getenv()).stream()
                .filter(s -> s.relativePath().equals(GeneratedScripts.batchFile(0))).toList();
        PathRun.record(first, messages.getParent().resolve("recording"), expected, err);
        Path recorded = expected.resolve(GeneratedScripts.batchFile(0));
        for (int i = 1; i < files(); i++) {
            Files.copy(recorded, expected.resolve(GeneratedScripts.batchFile(i)));
        }
    }

    private static List<Measure> skipped(String name, String why) {
        return List.of(Measure.skipped("cold_batch.ms_per_file", name + ", per file", "ms", why),
                Measure.skipped("cold_batch.untraced_ms_per_file", name + ": with --no-trace, per file", "ms", why),
                Measure.skipped("cold_batch.floor_ms_per_file", name + ": the floor, per file", "ms", why),
                Measure.skipped("cold_batch.ratio", name + ": ours / floor", "×", why),
                Measure.skipped("cold_batch.peak_rss_mb", name + ": peak RSS", "MiB", why),
                Measure.skipped("cold_batch.floor_peak_rss_mb", name + ": the floor's peak RSS", "MiB", why));
    }
}
