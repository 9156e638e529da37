package dlms.xmlclient.cli;

import dlms.xmlclient.cli.TargetsFile.Target;
import dlms.xmlclient.media.Link;
import dlms.xmlclient.report.HtmlReport;
import dlms.xmlclient.report.ReplyFiles;
import dlms.xmlclient.report.WriteFailures;
import dlms.xmlclient.run.FleetListener;
import dlms.xmlclient.run.MeterTally;
import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.RunPlan;
import dlms.xmlclient.run.RunLauncher;
import dlms.xmlclient.run.RunRequest;
import dlms.xmlclient.run.ScriptCache;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.run.StopSignal;
import dlms.xmlclient.verdict.Verdict;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code --targets}: every script against every meter of a fleet, {@code --parallel} meters at a
 * time (virtual threads: thousands when the meters are far away), each meter one after the other through its scripts as a single run does. A meter's
 * replies and trace go to {@code <out>/<meter>/}, with a report.html when it did not pass; the fleet's console lines and
 * junit.xml are written as meters finish, so a fleet of thousands needs no more memory than
 * the meters running at that moment.
 */
final class FleetRun {

    /** One meter, ready to run: its scripts carry its own association. */
    record Meter(String name, List<ScriptSource> scripts) {
    }

    private final List<Meter> meters;
    private final Path outDir;
    private final ScriptCache cache;
    private final boolean strict;
    private final boolean missingExpectedFails;
    private final boolean failFast;
    private final int parallel;
    private final FleetListener listener;
    private final PrintStream err;
    private final WriteFailures writes;

    FleetRun(List<Meter> meters, Path outDir, ScriptCache cache, boolean strict, boolean missingExpectedFails,
            boolean failFast, int parallel, FleetListener listener, PrintStream err) {
        this(meters, outDir, cache, strict, missingExpectedFails, failFast, parallel, listener, err,
                new WriteFailures(err));
    }

    /** @param writes where an output file that cannot be written is told and kept */
    FleetRun(List<Meter> meters, Path outDir, ScriptCache cache, boolean strict, boolean missingExpectedFails,
            boolean failFast, int parallel, FleetListener listener, PrintStream err, WriteFailures writes) {
        this.missingExpectedFails = missingExpectedFails;
        this.writes = writes;
        this.meters = List.copyOf(meters);
        this.outDir = outDir;
        this.cache = cache;
        this.strict = strict;
        this.failFast = failFast;
        this.parallel = parallel;
        this.listener = listener;
        this.err = err;
    }

    /** Each target's scripts, with the options files, the command line and the meter's own flags, in that order. */
    static List<Meter> meters(List<Target> targets, List<ScriptSource> scripts, FlagValues commandLine,
            ScriptSettings settings) throws UsageException {
        List<Meter> meters = new ArrayList<>();
        for (Target target : targets) {
            meters.add(new Meter(target.name(), settings.apply(scripts, commandLine.overriddenBy(target.flags()))));
        }
        return meters;
    }

    /** @return the exit code of the whole fleet: the worst of its meters' */
    int run(StopSignal stop) {
        long start = System.nanoTime();
        listener.fleetStarted(meters.size(), meters.get(0).scripts().size(), parallel);
        int code;
        try (MeterPool pool = new MeterPool(parallel, "fleet", stop, err, "meter")) {
            for (Meter meter : meters) {
                pool.submit(meter.name(), () -> {
                    listener.meterStarted(meter.name());
                    return runMeter(meter, stop);
                });
            }
            // Every meter's lines and suites are in before the summary and junit.xml are written.
            code = pool.awaitAll();
        }
        listener.fleetFinished((System.nanoTime() - start) / 1_000_000);
        return code;
    }

    private int runMeter(Meter meter, StopSignal stop) {
        return runMeter(meter, stop, meter.scripts().get(0).connection().medium().describe(), UnaryOperator.identity());
    }

    /**
     * @param target the meter's medium, for its report's title
     * @param links  replaces each script's link ({@code listen}: the connection the meter opened)
     */
    int runMeter(Meter meter, StopSignal stop, String target, UnaryOperator<Link> links) {
        long start = System.nanoTime();
        Path dir = outDir.resolve(meter.name());
        if (stop.requested()) {
            // Not started: counted as not run, and its folder from an earlier run left as it is.
            listener.meterFinished(meter.name(), dir.toString(), alike(meter, Status.NOT_RUN, "not run: " + stop.reason()),
                    0);
            return ExitCode.OK;
        }
        List<ScriptOutcome> outcomes;
        try {
            List<RunListener> reports = List.of(new ReplyFiles(dir, writes), unlessPassed(
                    new HtmlReport(dir, meter.name() + " " + target, Clock.systemDefaultZone(), writes)),
                    new RunListener() {
                        @Override
                        public void scriptFinished(ScriptOutcome outcome) {
                            listener.scriptFinished(meter.name(), outcome);
                        }
                    });
            RunPlan plan = new RunPlan(meter.scripts(), dir, cache.expectedDir(), strict, failFast,
                    missingExpectedFails);
            outcomes = RunLauncher.launch(RunRequest.of(plan, reports).stoppedBy(stop).sharing(cache)
                    .wrappingLinks(links)).outcomes();
        } catch (IOException e) {
            List<ScriptOutcome> failed = alike(meter, Status.BAD_INPUT, "cannot write to " + dir + ": " + e.getMessage());
            listener.meterFinished(meter.name(), dir.toString(), failed, (System.nanoTime() - start) / 1_000_000);
            return ExitCode.BAD_INPUT;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A defect of ours, and this meter's alone: it stays in junit.xml and the totals.
            String why = "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""));
            err.println("xmlclient: meter " + meter.name() + ": " + why);
            listener.meterFinished(meter.name(), dir.toString(), alike(meter, Status.BROKEN, why),
                    (System.nanoTime() - start) / 1_000_000);
            return ExitCode.FAILED;
        }
        listener.meterFinished(meter.name(), dir.toString(), outcomes, (System.nanoTime() - start) / 1_000_000);
        return ExitCode.of(outcomes);
    }

    /** Every script of the meter with the same outcome, none of them run. */
    private static List<ScriptOutcome> alike(Meter meter, Status status, String why) {
        return meter.scripts().stream().map(s -> new ScriptOutcome(s, null, status, List.of(), why, 0, "")).toList();
    }

    /**
     * A meter's report.html only when it did not pass: rendering every reply of every meter
     * would take a quarter of a fleet run, and a passing meter's replies and trace are there.
     * The page is made at the meter's end, so a passing meter costs no page, parts or parsers.
     * Until then the scripts that did not pass are kept whole; those that passed without their
     * replies (a thousand meters in flight must not each hold all theirs): on the page they are
     * listed with their verdicts, their replies being in the meter's replies/ folder.
     */
    private static RunListener unlessPassed(HtmlReport html) {
        return new RunListener() {
            private RunPlan plan;
            private final List<ScriptOutcome> kept = new ArrayList<>();

            @Override
            public void runStarted(RunPlan started) {
                plan = started;
            }

            @Override
            public void scriptFinished(ScriptOutcome outcome) {
                Verdict verdict = outcome.verdict();
                kept.add(verdict == Verdict.FAIL || verdict == Verdict.ERROR ? outcome : outcome.withoutReplies());
            }

            @Override
            public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
                Verdict verdict = MeterTally.of(outcomes).verdict();
                if (verdict != Verdict.PASS && verdict != Verdict.NOT_CHECKED) {
                    html.runStarted(plan);
                    kept.forEach(html::scriptFinished);
                    html.runFinished(outcomes, elapsedMillis);
                } else {
                    html.discard(); // an earlier run's failure is not this one's
                }
                kept.clear();
            }
        };
    }

}
