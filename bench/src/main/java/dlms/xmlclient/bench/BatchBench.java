package dlms.xmlclient.bench;

import dlms.xmlclient.cli.BuiltInMeters;
import dlms.xmlclient.cli.PlannedScripts;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.verdict.Verdict;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample scripts ({@code messages/}, checked against {@code expected/}) repeated to a batch
 * of 100, run as {@code xmlclient -x messages -e expected} runs them: each script's folder
 * options, the built-in meters (an LN and an SN simulator), the command's listeners. The
 * samples change the meter (its clock, a data value, the disconnect switch), so each repetition
 * gets fresh meters, all started before the clock starts. Samples that wait on purpose (a
 * link-layer step expecting no reply, a wait for no notification) are left out: their time is
 * the wait they ask for, not the client's.
 */
final class BatchBench {

    /** The Gurux XmlClient, per script file: the figure, measured elsewhere. */
    static final double GURUX_MS_PER_FILE = 17;

    private final BenchConfig config;
    private final PrintStream err;

    BatchBench(BenchConfig config, PrintStream err) {
        this.config = config;
        this.err = err;
    }

    List<Measure> run(ProjectRoot root, Path work) throws Exception {
        int size = config.batchScripts();
        String name = "batch of " + size + " scripts";
        if (root.dir() == null || !Files.isDirectory(root.messages()) || !Files.isDirectory(root.expected())) {
            String why = root.dir() == null ? root.whyNotFound() : "no messages/ and expected/ in " + root.dir();
            return List.of(Measure.skipped("batch.wall_s", name + ", wall", "s", why),
                    Measure.skipped("batch.ms_per_script", name + ", per script", "ms", why),
                    Measure.skipped("batch.speedup", name + ": Gurux XmlClient's 17 ms per file / ours", "×", why),
                    Measure.skipped("batch.passed", name + ": scripts passed", "scripts", why));
        }
        List<ScriptSource> samples = new ArrayList<>();
        for (ScriptSource s : PlannedScripts.find(root.messages(), List.of(), System.getenv())) {
            if (!waitsOnPurpose(s)) {
                samples.add(s);
            }
        }
        int warmups = config.quick() ? 0 : 1;
        double[] wall = new double[config.batchRounds()];
        PathRun.Result last = null;
        for (int round = -warmups; round < config.batchRounds(); round++) {
            List<BuiltInMeters> meters = new ArrayList<>();
            try {
                List<ScriptSource> batch = new ArrayList<>();
                while (batch.size() < size) {
                    List<ScriptSource> part = samples.subList(0, Math.min(samples.size(), size - batch.size()));
                    BuiltInMeters m = BuiltInMeters.start(part, part.get(0).connection());
                    meters.add(m);
                    batch.addAll(m.bind(part));
                }
                last = PathRun.run(batch, work.resolve("batch"), root.expected(),
                        "built-in simulator " + meters.get(0).describe(), err);
            } finally {
                meters.forEach(BuiltInMeters::close);
            }
            if (round >= 0) {
                wall[round] = Figures.millis(last.nanos());
            }
        }
        reportNonPassing(last);
        double wallMs = Figures.median(wall);
        double perScript = wallMs / size;
        return List.of(
                Measure.of("batch.wall_s", name + " (the " + samples.size() + " samples that wait for nothing, repeated),"
                        + " wall", wallMs / 1000,
                        "s"),
                Measure.of("batch.ms_per_script", name + ", per script (connect to reports)", perScript, "ms")
                        .withTarget(Target.atMost(5)).withReference("Gurux XmlClient 17 ms per file"),
                Measure.of("batch.speedup", name + ": Gurux XmlClient's 17 ms per file / ours",
                        GURUX_MS_PER_FILE / perScript, "×").withTarget(Target.atLeast(3)),
                Measure.of("batch.passed", name + ": scripts passed (failed " + last.count(Verdict.FAIL) + ", errors "
                        + last.count(Verdict.ERROR) + ", not checked " + last.count(Verdict.NOT_CHECKED) + ")",
                        last.count(Verdict.PASS), "scripts").withTarget(Target.atLeast(size)));
    }

    /** A sample whose time is a wait it asks for: a step expecting no reply, or no notification. */
    private static boolean waitsOnPurpose(ScriptSource script) throws java.io.IOException {
        String text = Files.readString(script.file());
        return text.contains("<NoReply") || text.contains("<WaitForNoNotification");
    }

    private void reportNonPassing(PathRun.Result result) {
        for (ScriptOutcome o : result.outcomes()) {
            if (o.verdict() != Verdict.PASS) {
                err.println("bench: batch: " + o.source().displayPath() + " " + o.verdict()
                        + (o.error() != null ? ": " + o.error() : ""));
            }
        }
    }
}
