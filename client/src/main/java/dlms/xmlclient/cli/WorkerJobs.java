package dlms.xmlclient.cli;

import dlms.xmlclient.broker.Job;
import dlms.xmlclient.broker.MeterResult;
import dlms.xmlclient.broker.SuiteArchive;
import dlms.xmlclient.report.WriteFailures;
import dlms.xmlclient.run.FleetListener;
import dlms.xmlclient.run.ScriptCache;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.run.StopSignal;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A worker's job run as a fleet runs a meter ({@link FleetRun#runMeter}): the job's suite
 * unpacked once into {@code <out>/.suites/<sha256>}, the fleet's command-line flags under the
 * meter's own line of the targets file, replies and trace into {@code <out>/<meter>}.
 */
final class WorkerJobs {

    private final Path outDir;
    private final Map<String, String> env;
    private final String worker;
    private final FleetListener console;
    private final PrintStream err;
    private final WriteFailures writes;
    /** One script cache per suite and its expected files, shared by the jobs of every run of it. */
    private final Map<String, ScriptCache> caches = new ConcurrentHashMap<>();

    WorkerJobs(Path outDir, Map<String, String> env, String worker, FleetListener console, PrintStream err) {
        this.outDir = outDir;
        this.env = env;
        this.worker = worker;
        this.console = console;
        this.err = err;
        this.writes = new WriteFailures(err);
    }

    MeterResult run(Job job) {
        long start = System.nanoTime();
        String meterName = job.meterName();
        Path dir = outDir.resolve(meterName).toAbsolutePath();
        Captured captured = new Captured();
        try {
            Path suite = SuiteArchive.unpack(job.suiteZip(), job.suiteDigest(), outDir.resolve(".suites"));
            Path expected = suite.resolve(SuiteArchive.EXPECTED);
            ScriptCache cache = caches.computeIfAbsent(job.suiteDigest(),
                    d -> new ScriptCache(Files.isDirectory(expected) ? expected : null));
            List<ScriptSource> found = XmlClientCommand.findScripts(suite.resolve(SuiteArchive.MESSAGES), null);
            TargetsFile.Target target = TargetsFile.parse(job.meterLine(), job.origin());
            FleetRun.Meter meter = FleetRun.meters(List.of(target), found, commandLine(job.flags()),
                    new ScriptSettings(env)).get(0);
            FleetRun fleet = new FleetRun(List.of(), outDir, cache, job.strict(), job.missingExpectedFails(), false, 1,
                    FleetListener.all(List.of(console, captured)), err, writes);
            // The worker's own stop (Ctrl-C, SIGTERM) takes no new jobs; a meter in progress runs to its end.
            fleet.runMeter(meter, new StopSignal(), meter.scripts().get(0).connection().medium().describe(),
                    UnaryOperator.identity());
        } catch (IOException | UsageException e) {
            String why = e instanceof UsageException ? e.getMessage() : "the job's suite: " + e.getMessage();
            err.println("xmlclient worker: job " + job.id() + " (" + meterName + "): " + why);
            return new MeterResult(job.run(), job.id(), meterName, worker, worker + ":" + dir,
                    (System.nanoTime() - start) / 1_000_000, List.of(), why);
        }
        return new MeterResult(job.run(), job.id(), meterName, worker, worker + ":" + dir, captured.elapsedMillis,
                captured.outcomes, null);
    }

    /** The fleet's own flags, as the job carries them; they were the fleet's command line, so they parse. */
    private static FlagValues commandLine(List<String> tokens) throws UsageException {
        try {
            CommandLine line = new DefaultParser().parse(ClientOptions.definitions(), tokens.toArray(String[]::new));
            return FlagValues.of(line);
        } catch (ParseException e) {
            throw new UsageException("the job's flags: " + UsageErrors.of(e));
        }
    }

    /** The one meter's outcomes, as the fleet run hands them to its listeners. */
    private static final class Captured implements FleetListener {
        private List<ScriptOutcome> outcomes = List.of();
        private long elapsedMillis;

        @Override
        public void meterFinished(String meter, String outputs, List<ScriptOutcome> outcomes, long elapsedMillis) {
            this.outcomes = outcomes;
            this.elapsedMillis = elapsedMillis;
        }
    }
}
