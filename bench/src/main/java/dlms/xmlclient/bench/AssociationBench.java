package dlms.xmlclient.bench;

import dlms.xmlclient.session.Trace;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Associations per second: TCP connect, SNRM/UA, AARQ/AARE, RLRQ/RLRE, DISC/UA, close, with
 * nothing exchanged, through our session and through the bare library, in alternating rounds.
 */
final class AssociationBench {

    private final BenchConfig config;

    AssociationBench(BenchConfig config) {
        this.config = config;
    }

    List<Measure> run(BenchMeter meter) throws Exception {
        int k = config.associations();
        double[] bare = new double[config.rounds()];
        double[] ours = new double[config.rounds()];
        try (PrintWriter traceFile = new PrintWriter(new BufferedWriter(Files.newBufferedWriter(
                meter.dir().resolve("association-trace.txt"), StandardCharsets.UTF_8)))) {
            Trace trace = new Trace(traceFile, null);
            for (int round = -config.warmups(); round < config.rounds(); round++) {
                System.gc();
                long bareNanos = 0;
                long ourNanos = 0;
                // Which goes first alternates, so that neither always follows the other.
                for (boolean bareTurn : round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    long start = System.nanoTime();
                    for (int i = 0; i < k; i++) {
                        if (bareTurn) {
                            BareLoop.associateOnce(meter.port(), meter.wrapper());
                        } else {
                            SessionLoop.associateOnce(meter.settings(), trace);
                        }
                    }
                    long nanos = System.nanoTime() - start;
                    if (bareTurn) {
                        bareNanos = nanos;
                    } else {
                        ourNanos = nanos;
                    }
                }
                if (round >= 0) {
                    bare[round] = k / (bareNanos / 1e9);
                    ours[round] = k / (ourNanos / 1e9);
                }
            }
        }
        String f = meter.label();
        String key = "association." + f.toLowerCase(java.util.Locale.ROOT);
        double bareRate = Figures.median(bare);
        double ourRate = Figures.median(ours);
        return List.of(
                Measure.of(key + ".bare_per_s", "associations per second, " + f + ": bare Gurux loop", bareRate, "/s")
                        .withReference("connect+associate+release 16-18 ms (55-62/s)"),
                Measure.of(key + ".ours_per_s", "associations per second, " + f + ": our session", ourRate, "/s"),
                Measure.of(key + ".ratio", "time per association, " + f + ": ours / bare", bareRate / ourRate, "×"));
    }
}
