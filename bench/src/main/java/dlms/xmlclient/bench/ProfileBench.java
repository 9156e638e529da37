package dlms.xmlclient.bench;

import dlms.xmlclient.script.Step;
import dlms.xmlclient.session.Trace;
import dlms.xmlclient.verdict.ReplyComparator;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole load profile buffer (1.0.99.1.0.255: 672 rows, 7 days × 15 min) read through our
 * path, its cost taken by difference (the median of a script reading it three times less the
 * median of one reading it once, halved); through our session alone likewise; the verdict on it alone; and through
 * the bare library for reference. Bytes are the reply's on the wire: frames, block headers and all.
 */
final class ProfileBench {

    /** The simulator's buffer: 7 days of 15-minute rows. */
    static final int ROWS = 7 * 24 * 4;
    /** Reads the longer script has more than the shorter one. */
    static final int EXTRA_READS = 2;
    /** Samples per round of the session alone: a read takes it milliseconds, the full path tens. */
    private static final int SESSION_REPEATS = 3;
    private static final Pattern ROW = Pattern.compile("<Structure Qty=\"");

    private final BenchConfig config;

    ProfileBench(BenchConfig config) {
        this.config = config;
    }

    List<Measure> run(BenchMeter meter) throws Exception {
        int rounds = config.profileRounds();
        double[] bareMs = new double[rounds];
        PairedSamples session = new PairedSamples(rounds * SESSION_REPEATS);
        PairedSamples ours = new PairedSamples(rounds);
        double[] verdictMs = new double[rounds];
        long[] bytes = new long[3]; // bare, ours reading once, ours reading 1 + EXTRA_READS times
        List<Step> once = meter.steps(GeneratedScripts.profile(1));
        List<Step> more = meter.steps(GeneratedScripts.profile(1 + EXTRA_READS));
        ReplyComparator comparator = new ReplyComparator();
        try (PrintWriter traceFile = new PrintWriter(new BufferedWriter(Files.newBufferedWriter(
                meter.dir().resolve("profile-trace.txt"), StandardCharsets.UTF_8)))) {
            Trace trace = new Trace(traceFile, null);
            for (int round = -config.warmups(); round < rounds; round++) {
                System.gc();
                BareLoop.Read bare = BareLoop.profile(meter.port(), meter.wrapper());
                checkRows(bare.xml());
                boolean moreFirst = round % 2 != 0;
                for (int k = 0; k < SESSION_REPEATS; k++) {
                    session.add(round < 0 ? -1 : round * SESSION_REPEATS + k, (round + k) % 2 != 0,
                            () -> SessionLoop.run(meter.settings(), once, trace),
                            () -> SessionLoop.run(meter.settings(), more, trace));
                }
                PathRun.Result[] onceRun = new PathRun.Result[1];
                ours.add(round, moreFirst, () -> {
                    onceRun[0] = meter.run(GeneratedScripts.profile(1));
                    bytes[1] = onceRun[0].bytesReceived();
                    return onceRun[0].nanos();
                }, () -> {
                    PathRun.Result r = meter.run(GeneratedScripts.profile(1 + EXTRA_READS));
                    bytes[2] = r.bytesReceived();
                    return r.nanos();
                });
                long verdictNanos = ExchangeBench.compareAll(comparator, onceRun[0].outcomes());
                if (round >= 0) {
                    bareMs[round] = Figures.millis(bare.nanos());
                    bytes[0] = bare.bytes();
                    verdictMs[round] = Figures.millis(verdictNanos);
                }
            }
        }
        long oursBytes = (bytes[2] - bytes[1]) / EXTRA_READS;
        long bareBytes = bytes[0];
        String f = meter.label();
        double oursMs = ours.perRequest(EXTRA_READS);
        double bare = Figures.median(bareMs);
        String what = "profile read, " + ROWS + " rows, " + f + ": ";
        return List.of(
                Measure.of("profile.bare_ms", what + "bare Gurux loop", bare, "ms")
                        .withReference("301-row read 6-10 ms"),
                Measure.of("profile.bare_kb_per_s", what + "bare Gurux loop, reply bytes",
                        kiloBytesPerSecond(bareBytes, bare), "kB/s"),
                Measure.of("profile.session_ms", what + "our session alone (reply XML, no verdict)",
                        session.perRequest(EXTRA_READS), "ms"),
                Measure.of("profile.verdict_ms", what + "the verdict alone (compare)",
                        Figures.median(verdictMs), "ms"),
                Measure.of("profile.ours_ms", what + "our full path", oursMs, "ms"),
                Measure.of("profile.ours_kb_per_s", what + "our full path, reply bytes",
                        kiloBytesPerSecond(oursBytes, oursMs), "kB/s"),
                Measure.of("profile.reply_bytes", what + "reply size on the wire", oursBytes, "bytes"));
    }

    private static double kiloBytesPerSecond(long bytes, double millis) {
        return bytes / millis; // bytes per ms = kB per s
    }

    /** The bare read must have got the whole buffer: one structure per row. */
    private static void checkRows(String xml) {
        Matcher m = ROW.matcher(xml);
        int rows = 0;
        while (m.find()) {
            rows++;
        }
        if (rows != ROWS) {
            throw new IllegalStateException("the load profile read gave " + rows + " rows, not " + ROWS);
        }
    }
}
