package dlms.xmlclient.bench;

import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.script.Step;
import dlms.xmlclient.session.Trace;
import dlms.xmlclient.verdict.ReplyComparator;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time per exchange with the association's cost cancelled by difference:
 * (median T(2N requests) − median T(N requests)) / N, for the bare library loop (the floor), our
 * session alone and our whole path, in the same rounds (so that they share the machine's mood),
 * after untimed warm-up rounds, each timed run after a garbage collection ({@link PairedSamples}).
 * N is larger for the floor and the session, whose exchanges take tens of µs, than for the full
 * path ({@link BenchConfig}). The verdict alone is timed over the replies of the full path.
 */
final class ExchangeBench {

    /** Samples per round of the bare loop and the session alone: they take milliseconds, the full path seconds. */
    private static final int CHEAP_REPEATS = 3;

    private final BenchConfig config;

    ExchangeBench(BenchConfig config) {
        this.config = config;
    }

    /** @param withVerdict also show the verdict alone (the comparator, per reply) */
    List<Measure> run(BenchMeter meter, boolean withVerdict) throws Exception {
        int n = config.requests();
        int nf = config.floorRequests();
        List<Step> sessionOnce = meter.steps(GeneratedScripts.exchanges(nf));
        List<Step> sessionTwice = meter.steps(GeneratedScripts.exchanges(2 * nf));
        List<String> expectedOnce = meter.expected(GeneratedScripts.exchanges(nf));
        List<String> expectedTwice = meter.expected(GeneratedScripts.exchanges(2 * nf));
        int rounds = config.rounds();
        PairedSamples floor = new PairedSamples(rounds * CHEAP_REPEATS);
        PairedSamples session = new PairedSamples(rounds * CHEAP_REPEATS);
        PairedSamples step = new PairedSamples(rounds * CHEAP_REPEATS);
        PairedSamples untraced = new PairedSamples(rounds * CHEAP_REPEATS);
        Trace off = new Trace(null, null, false); // --no-trace
        PairedSamples ours = new PairedSamples(rounds);
        double[] verdict = new double[rounds];
        ReplyComparator comparator = new ReplyComparator();
        try (PrintWriter traceFile = new PrintWriter(new BufferedWriter(Files.newBufferedWriter(
                meter.dir().resolve("session-trace.txt"), StandardCharsets.UTF_8)))) {
            Trace trace = new Trace(traceFile, null);
            for (int round = -config.warmups(); round < rounds; round++) {
                for (int k = 0; k < CHEAP_REPEATS; k++) {
                    int sample = round < 0 ? -1 : round * CHEAP_REPEATS + k;
                    boolean twiceFirst = (round + k) % 2 != 0;
                    floor.add(sample, twiceFirst, () -> BareLoop.exchanges(meter.port(), meter.wrapper(), nf),
                            () -> BareLoop.exchanges(meter.port(), meter.wrapper(), 2 * nf));
                    session.add(sample, twiceFirst, () -> SessionLoop.run(meter.settings(), sessionOnce, trace),
                            () -> SessionLoop.run(meter.settings(), sessionTwice, trace));
                    step.add(sample, twiceFirst, () -> SessionLoop.runChecked(meter.settings(), sessionOnce,
                            expectedOnce, comparator, trace), () -> SessionLoop.runChecked(meter.settings(),
                            sessionTwice, expectedTwice, comparator, trace));
                    untraced.add(sample, twiceFirst, () -> SessionLoop.runChecked(meter.settings(), sessionOnce,
                            expectedOnce, comparator, off), () -> SessionLoop.runChecked(meter.settings(),
                            sessionTwice, expectedTwice, comparator, off));
                }
                PathRun.Result[] last = new PathRun.Result[1];
                ours.add(round, round % 2 != 0, () -> meter.run(GeneratedScripts.exchanges(n)).nanos(), () -> {
                    last[0] = meter.run(GeneratedScripts.exchanges(2 * n));
                    return last[0].nanos();
                });
                if (round >= 0 && withVerdict) {
                    verdict[round] = Figures.millis(compareAll(comparator, last[0].outcomes())) / (2 * n);
                }
            }
        }
        String f = meter.label();
        String key = "exchange." + f.toLowerCase(Locale.ROOT);
        double floorMs = floor.perRequest(nf);
        double oursMs = ours.perRequest(n);
        double stepMs = step.perRequest(nf);
        List<Measure> rows = new ArrayList<>();
        rows.add(Measure.of(key + ".floor_ms", "per exchange, " + f + ": bare Gurux loop (the floor)", floorMs, "ms")
                .withReference("bare loop 0.4-0.5 ms per Get Clock, XML built each time"));
        double sessionMs = session.perRequest(nf);
        rows.add(Measure.of(key + ".session_ms", "per exchange, " + f + ": our session alone (reply XML, no verdict)",
                sessionMs, "ms"));
        // A reply logged and nothing compared (a run with no expected replies): the verdict is the rest.
        rows.add(Measure.of(key + ".session_ratio", "per exchange, " + f + ": our session alone (no -e: nothing"
                + " compared) / floor", sessionMs / floorMs, "×").withTarget(Target.atMost(1.2)));
        if (withVerdict) {
            rows.add(Measure.of("exchange.verdict_ms", "per exchange: the verdict alone (compare of 1 reply)",
                    Figures.median(verdict), "ms"));
        }
        rows.add(Measure.of(key + ".ours_ms", "per exchange, " + f + ": our path (step, session, reply XML, verdict)",
                stepMs, "ms"));
        rows.add(Measure.of(key + ".ratio", "per exchange, " + f + ": ours / floor", stepMs / floorMs, "×")
                .withTarget(Target.atMost(1.2)));
        double untracedMs = untraced.perRequest(nf);
        rows.add(Measure.of(key + ".untraced_ms", "per exchange, " + f + ": our path, trace off (--no-trace)",
                untracedMs, "ms"));
        rows.add(Measure.of(key + ".untraced_ratio", "per exchange, " + f + ": ours, trace off / floor",
                untracedMs / floorMs, "×").withTarget(Target.atMost(1.2)));
        rows.add(Measure.of(key + ".run_ms", "per request, " + f + ": in a script run (loading, reply files, reports)",
                oursMs, "ms"));
        return rows;
    }

    /** The comparator alone, over the replies and expectations of a run. */
    static long compareAll(ReplyComparator comparator, List<ScriptOutcome> outcomes) {
        long start = System.nanoTime();
        for (ScriptOutcome o : outcomes) {
            for (RequestResult r : o.requests()) {
                if (!comparator.compare(r.check().expectedXml(), r.reply().replyXml(), r.reply().sentAt()).isEmpty()) {
                    throw new IllegalStateException("the verdict differs when repeated: " + o.source().displayPath());
                }
            }
        }
        return System.nanoTime() - start;
    }
}
