package dlms.xmlclient.cli;

import dlms.xmlclient.decode.ElementTransformerFactory;
import dlms.xmlclient.report.ConsoleReport;
import dlms.xmlclient.report.ExpectedRecorder;
import dlms.xmlclient.report.FleetConsoleReport;
import dlms.xmlclient.report.FleetJUnitReport;
import dlms.xmlclient.report.FleetProgress;
import dlms.xmlclient.report.HtmlReport;
import dlms.xmlclient.report.JUnitReport;
import dlms.xmlclient.report.LocalClock;
import dlms.xmlclient.report.RecordMode;
import dlms.xmlclient.report.ReplyFiles;
import dlms.xmlclient.report.WriteFailures;
import dlms.xmlclient.run.FleetListener;
import dlms.xmlclient.run.QueuedListener;
import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.RunPlan;
import dlms.xmlclient.run.RunLauncher;
import dlms.xmlclient.run.RunRequest;
import dlms.xmlclient.run.RunResult;
import dlms.xmlclient.run.ScriptCache;
import dlms.xmlclient.run.StopSignal;
import dlms.xmlclient.run.ScriptFinder;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.session.ConnectionSettings;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.ParseException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The xmlclient command: options in, exit code out. Never calls System.exit, so tests run it
 * in-process, many times.
 */
public final class XmlClientCommand {

    /**
     * gurux.dlms logs through java.util.logging to stderr (e.g. "Invalid StoC" on a failed HLS
     * challenge, SEVERE on a reply it cannot decipher); the run states each cause in one line
     * itself, so the library stays quiet. Held here so the setting is not garbage-collected.
     */
    private static final Logger GURUX_LOG = Logger.getLogger("gurux");
    private static final String XML_DEPTH = "jdk.xml.maxElementDepth";

    static {
        GURUX_LOG.setLevel(Level.OFF);
        // Java 24 made the JDK's XML parsers stop at 100 nested elements (jdk.xml.maxElementDepth
        // in conf/jaxp.properties): a reply of nested structures is deeper. Files and replies have
        // the project's own limits (LineNumberedXml.MAX_DEPTH, AxdrReader.MAX_DEPTH), which name
        // the file and line; the JDK's is lifted unless the user set one. So are its limits on an
        // XPath's steps, which the report's paths to a difference in such a reply exceed.
        for (String limit : List.of(XML_DEPTH, "jdk.xml.xpathExprOpLimit", "jdk.xml.xpathExprGrpLimit")) {
            if (System.getProperty(limit) == null) {
                System.setProperty(limit, "0");
            }
        }
        // gurux.dlms makes a transformer for every request it encodes (see the class).
        ElementTransformerFactory.install();
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    /** Ctrl-C stops the run politely: only for the real command line, never inside tests' JVM. */
    private boolean handleCtrlC;
    /** False with --no-trace: no trace.txt, no trace excerpts in the reports. */
    private boolean traced = true;

    /** @param env the environment ({@code XMLCLIENT_PASSWORD}) */
    public XmlClientCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        XmlClientCommand command = new XmlClientCommand(out, err, System.getenv());
        command.handleCtrlC = true;
        return command.run(args);
    }

    public int run(String[] args) {
        Optional<Subcommand> subcommand = args.length > 0 ? Subcommands.find(args[0]) : Optional.empty();
        if (subcommand.isPresent()) {
            return subcommand.get().run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        CommandLine line;
        try {
            line = new DefaultParser().parse(ClientOptions.definitions(), args);
        } catch (ParseException e) {
            err.println("xmlclient: " + UsageErrors.of(e) + " (see --help)");
            return ExitCode.BAD_INPUT;
        }
        if (line.hasOption(ClientOptions.HELP)) {
            printHelp();
            return ExitCode.OK;
        }
        try {
            return execute(line);
        } catch (UsageException e) {
            err.println("xmlclient: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    private int execute(CommandLine line) throws UsageException {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException(UsageErrors.strayArguments(line.getArgList()) + " (see --help)");
        }
        Warmup.start();
        FlagValues flags = FlagValues.of(line);
        Verbosity verbosity = line.hasOption(ClientOptions.TRACE)
                ? Verbosity.parse(line.getOptionValue(ClientOptions.TRACE)) : Verbosity.INFO;
        Path messages = messagesPath(line);
        List<ScriptSource> found = findScripts(messages, line.getOptionValues(ClientOptions.EXCLUDE));
        traced = !line.hasOption(ClientOptions.NO_TRACE);
        if (line.hasOption(ClientOptions.TARGETS)) {
            return runFleet(line, flags, found, verbosity);
        }
        if (line.hasOption(ClientOptions.BROKER)) {
            throw new UsageException("--broker goes with --targets: the broker's workers run a fleet's meters");
        }
        List<ScriptSource> scripts = WrapperSkips.leaveOut(new ScriptSettings(env).apply(found, flags), out);
        // The medium and framing are command-line flags only: the same for every script.
        ConnectionSettings target = scripts.get(0).connection();
        Optional<RecordMode> recordMode = RecordOption.of(line);
        boolean record = recordMode.isPresent();
        Path expectedDir = expectedDir(line, record);
        Path outDir = outDir(line);
        checkTraceWritable(outDir);
        RunPlan plan = new RunPlan(scripts, outDir, record ? null : expectedDir, line.hasOption(ClientOptions.STRICT),
                line.hasOption(ClientOptions.FAIL_FAST), missingExpectedFails(line));
        WriteFailures writes = new WriteFailures(err);
        List<RunListener> listeners = new ArrayList<>(List.of(
                new ConsoleReport(out, verbosity.compareTo(Verbosity.INFO) < 0)));
        ExpectedRecorder recorder = recordMode.map(m -> new ExpectedRecorder(expectedDir, m, out, err, writes))
                .orElse(null);
        if (recorder != null) {
            listeners.add(recorder);
        }
        int code = runOn(target, plan, listeners, verbosity == Verbosity.VERBOSE ? out : null, writes);
        // An existing expected file that --record=update could not read is bad input (told on stderr).
        return recorder != null && recorder.refusedAny() ? ExitCode.worst(code, ExitCode.BAD_INPUT) : code;
    }

    private int runOn(ConnectionSettings target, RunPlan plan, List<RunListener> listeners, PrintStream echo,
            WriteFailures writes) throws UsageException {
        if (target.medium().isSet()) {
            return runAgainst(plan, target.medium().describe() + " (" + target.interfaceType() + ")",
                    listeners, echo, writes);
        }
        BuiltInMeters meters;
        try {
            meters = BuiltInMeters.start(plan.scripts(), target);
        } catch (Exception e) {
            err.println("xmlclient: cannot start the built-in simulator: " + e.getMessage());
            return ExitCode.NO_CONNECTION;
        }
        try (meters) {
            out.println("No -h given: testing the built-in simulator on " + meters.describe());
            return runAgainst(plan.withScripts(meters.bind(plan.scripts())),
                    "built-in simulator " + meters.describe(), listeners, echo, writes);
        }
    }

    private int runAgainst(RunPlan plan, String target, List<RunListener> listeners, PrintStream echo,
            WriteFailures writes) throws UsageException {
        // The file reports on a thread of their own, after the console's lines and the recorder's,
        // which stay in the run's thread: a file that cannot be written is told when it fails.
        List<RunListener> files = List.of(new ReplyFiles(plan.outDir(), writes),
                new JUnitReport(plan.outDir(), target, new LocalClock(), writes),
                new HtmlReport(plan.outDir(), target, new LocalClock(), writes));
        List<RunListener> all = new ArrayList<>(listeners);
        all.add(new QueuedListener(RunListener.all(files)));
        StopSignal stop = new StopSignal();
        RunRequest base = RunRequest.of(plan, all).echoingTo(echo).stoppedBy(stop);
        RunRequest request = traced ? base : base.untraced();
        try {
            return stoppable(stop, () -> {
                RunResult result = launch(request);
                if (result.traceFailure() != null) {
                    writes.add(result.traceFailure());
                }
                int code = ExitCode.of(result.outcomes());
                return writes.any() ? ExitCode.worst(code, ExitCode.CANNOT_WRITE) : code;
            });
        } catch (TraceUnwritable e) {
            throw new UsageException("-o " + plan.outDir() + ": cannot write the trace: " + e.getCause().getMessage());
        }
    }

    private static RunResult launch(RunRequest request) {
        try {
            return RunLauncher.launch(request);
        } catch (IOException e) {
            throw new TraceUnwritable(e);
        }
    }

    /** The out folder or its trace file could not be created: nothing ran. */
    private static final class TraceUnwritable extends RuntimeException {
        TraceUnwritable(IOException cause) {
            super(cause);
        }
    }

    /** --targets: the scripts against every meter of the file, --parallel at a time. */
    private int runFleet(CommandLine line, FlagValues flags, List<ScriptSource> found, Verbosity verbosity)
            throws UsageException {
        for (String own : List.of(ClientOptions.HOST, ClientOptions.PORT, ClientOptions.SERIAL, ClientOptions.IEC,
                ClientOptions.RECORD)) {
            if (line.hasOption(own)) {
                throw new UsageException(flags.flag(own) + " does not go with --targets: the targets file gives each"
                        + " meter's host and port" + (own.equals(ClientOptions.RECORD) ? ", and a fleet records nothing" : ""));
            }
        }
        List<TargetsFile.Target> targets = TargetsFile.read(Path.of(line.getOptionValue(ClientOptions.TARGETS)));
        int parallel = ParallelMeters.of(flags, targets.size(), err);
        List<FleetRun.Meter> meters = FleetRun.meters(targets, found, flags, new ScriptSettings(env));
        Path expectedDir = expectedDir(line, false);
        Path outDir = outDir(line);
        WriteFailures writes = new WriteFailures(err);
        FleetListener reports = FleetListener.all(List.of(
                new FleetConsoleReport(out, verbosity.compareTo(Verbosity.INFO) < 0,
                        targets.stream().mapToInt(t -> t.name().length()).max().orElse(1)),
                new FleetJUnitReport(outDir, Clock.systemDefaultZone(), writes),
                new FleetProgress(out, ConnectionOptions.integer(flags, ClientOptions.PROGRESS, 0, 86_400, 10))));
        if (line.hasOption(ClientOptions.BROKER)) {
            if (!traced) {
                // A job does not carry it: the workers would write their traces all the same.
                throw new UsageException("--no-trace does not go with --broker: the workers write each meter's trace");
            }
            BrokerFleet broker = new BrokerFleet(BrokerPlans.of(line, flags, found, expectedDir), targets, meters,
                    new ScriptCache(expectedDir), reports, out, err);
            StopSignal stop = new StopSignal();
            return stoppable(stop, () -> {
                int code = broker.run(stop);
                return writes.any() ? ExitCode.worst(code, ExitCode.CANNOT_WRITE) : code;
            });
        }
        FleetRun fleet = new FleetRun(meters, outDir, new ScriptCache(expectedDir), line.hasOption(ClientOptions.STRICT),
                missingExpectedFails(line),
                line.hasOption(ClientOptions.FAIL_FAST), parallel, reports, err, writes);
        if (!traced) {
            fleet.untraced();
        }
        StopSignal stop = new StopSignal();
        return stoppable(stop, () -> {
            int code = fleet.run(stop);
            return writes.any() ? ExitCode.worst(code, ExitCode.CANNOT_WRITE) : code;
        });
    }

    /**
     * Runs {@code run}; on the real command line, Ctrl-C or SIGTERM requests {@code stop} and makes
     * the exit code 130 (SIGINT) or 143 (SIGTERM).
     */
    private int stoppable(StopSignal stop, IntSupplier run) {
        if (!handleCtrlC) {
            return run.getAsInt();
        }
        try (CtrlC ctrlC = CtrlC.handle(stop)) {
            int code = run.getAsInt();
            return ctrlC.interrupted() ? ctrlC.exitCode() : code;
        }
    }

    static Path messagesPath(CommandLine line) throws UsageException {
        String path = line.getOptionValue(ClientOptions.MESSAGES);
        if (path == null) {
            throw new UsageException("-x is required: the message file or folder to run (see --help)");
        }
        return Path.of(path);
    }

    static List<ScriptSource> findScripts(Path path, String[] excludes) throws UsageException {
        try {
            List<ScriptSource> scripts = ScriptFinder.find(path);
            if (scripts.isEmpty()) {
                throw new UsageException("-x " + path + ": no .xml message files in this folder");
            }
            for (String glob : excludes == null ? new String[0] : excludes) {
                PathMatcher matcher;
                try {
                    matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--exclude " + glob + ": not a glob pattern: " + e.getMessage());
                }
                scripts = scripts.stream().filter(s -> !matcher.matches(Path.of(s.relativePath()))).toList();
            }
            if (scripts.isEmpty()) {
                throw new UsageException("--exclude leaves no message files of -x " + path + " to run");
            }
            return scripts;
        } catch (NoSuchFileException e) {
            throw new UsageException("-x " + path + ": no such file or folder");
        } catch (IOException e) {
            throw new UsageException("-x " + path + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * The trace file can be written: said before the built-in simulator starts or a meter is
     * dialled, as when the command opened the trace itself (the launcher opens it again).
     */
    private static void checkTraceWritable(Path outDir) throws UsageException {
        try {
            Files.newBufferedWriter(outDir.resolve(RunLauncher.TRACE_FILE), StandardCharsets.UTF_8).close();
        } catch (IOException e) {
            throw new UsageException("-o " + outDir + ": cannot write the trace: " + e.getMessage());
        }
    }

    /** --missing-expected: fail (the default, safe in CI) or not-checked. */
    static boolean missingExpectedFails(CommandLine line) throws UsageException {
        String value = line.getOptionValue(ClientOptions.MISSING_EXPECTED, "fail");
        return switch (value) {
            case "fail" -> true;
            case "not-checked" -> false;
            default -> throw new UsageException("--" + ClientOptions.MISSING_EXPECTED + " " + value
                    + ": expected fail or not-checked");
        };
    }

    /** The -o folder, created. */
    static Path outDir(CommandLine line) throws UsageException {
        Path outDir = Path.of(line.getOptionValue(ClientOptions.OUT, "out"));
        try {
            return Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UsageException("-o " + outDir + ": cannot create the folder: " + e.getMessage());
        }
    }

    static Path expectedDir(CommandLine line, boolean record) throws UsageException {
        String value = line.getOptionValue(ClientOptions.EXPECTED);
        if (value == null) {
            if (record) {
                throw new UsageException("--record needs -e DIR: the folder to write the expected files to");
            }
            return null;
        }
        Path dir = Path.of(value);
        if (record) {
            try {
                return Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UsageException("-e " + value + ": cannot create the folder: " + e.getMessage());
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageException("-e " + value + (Files.exists(dir)
                    ? ": a file, not a folder (-e names the folder of expected replies, laid out as -x)"
                    : ": no such folder"));
        }
        return dir;
    }

    private void printHelp() {
        HelpFormatter help = HelpFormatter.builder().setPrintWriter(new PrintWriter(out, true)).get();
        help.printHelp("xmlclient [options] -x FILE|FOLDER",
                "Runs DLMS/COSEM XML message scripts against a meter (or the built-in simulator), writes every"
                        + " reply as XML to <out>/replies, checks it against -e DIR and reports to <out>/junit.xml and"
                        + " <out>/report.html.", ClientOptions.definitions(),
                ExitCode.HELP + " " + Subcommands.HELP, true);
    }
}
