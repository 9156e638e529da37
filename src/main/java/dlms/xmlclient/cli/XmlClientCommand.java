package dlms.xmlclient.cli;

import dlms.xmlclient.media.NetLink;
import dlms.xmlclient.report.ConsoleReport;
import dlms.xmlclient.report.ReplyFiles;
import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.RunPlan;
import dlms.xmlclient.run.Runner;
import dlms.xmlclient.run.ScriptFinder;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.Trace;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.ParseException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The xmlclient command: options in, exit code out. Never calls System.exit, so tests run it
 * in-process, many times.
 */
public final class XmlClientCommand {

    private final PrintStream out;
    private final PrintStream err;

    public XmlClientCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new XmlClientCommand(out, err).run(args);
    }

    public int run(String[] args) {
        CommandLine line;
        try {
            line = new DefaultParser().parse(ClientOptions.definitions(), args);
        } catch (ParseException e) {
            err.println("xmlclient: " + e.getMessage() + " (see --help)");
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
            throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "' (see --help)");
        }
        ConnectionSettings settings = ConnectionOptions.from(line);
        Verbosity verbosity = line.hasOption(ClientOptions.TRACE)
                ? Verbosity.parse(line.getOptionValue(ClientOptions.TRACE)) : Verbosity.INFO;
        List<ScriptSource> scripts = findScripts(line);
        Path outDir = Path.of(line.getOptionValue(ClientOptions.OUT, "out"));
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UsageException("-o " + outDir + ": cannot create the folder: " + e.getMessage());
        }
        try (PrintWriter traceFile = new PrintWriter(new BufferedWriter(
                Files.newBufferedWriter(outDir.resolve("trace.txt"), StandardCharsets.UTF_8)))) {
            Trace trace = new Trace(traceFile, verbosity == Verbosity.VERBOSE ? out : null);
            if (settings.host() != null) {
                return runAgainst(settings, scripts, outDir, trace, verbosity);
            }
            MeterSimulator simulator;
            try {
                simulator = MeterSimulator.start(new SimulatorOptions().port(0)
                        .wrapper(settings.interfaceType() == gurux.dlms.enums.InterfaceType.WRAPPER));
            } catch (Exception e) {
                err.println("xmlclient: cannot start the built-in simulator: " + e.getMessage());
                return ExitCode.NO_CONNECTION;
            }
            try (simulator) {
                out.println("No -h given: testing the built-in simulator on 127.0.0.1:" + simulator.port()
                        + " (" + settings.interfaceType() + ")");
                return runAgainst(settings.withPort("127.0.0.1", simulator.port()), scripts, outDir, trace, verbosity);
            }
        } catch (IOException e) {
            throw new UsageException("-o " + outDir + ": cannot write the trace: " + e.getMessage());
        }
    }

    private int runAgainst(ConnectionSettings settings, List<ScriptSource> scripts, Path outDir, Trace trace,
                           Verbosity verbosity) {
        RunPlan plan = new RunPlan(scripts, settings, outDir);
        RunListener listeners = RunListener.all(List.of(
                new ReplyFiles(outDir, err),
                new ConsoleReport(out, verbosity.compareTo(Verbosity.INFO) < 0)));
        Runner runner = new Runner(plan, () -> new NetLink(settings.host(), settings.port(),
                settings.waitTimeMillis()), trace, listeners);
        return exitCode(runner.run());
    }

    static int exitCode(List<ScriptOutcome> outcomes) {
        if (outcomes.stream().anyMatch(o -> o.status() == Status.NO_CONNECTION)) {
            return ExitCode.NO_CONNECTION;
        }
        if (outcomes.stream().anyMatch(o -> o.status() == Status.BAD_INPUT)) {
            return ExitCode.BAD_INPUT;
        }
        if (outcomes.stream().anyMatch(o -> o.status() == Status.BROKEN)) {
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    private static List<ScriptSource> findScripts(CommandLine line) throws UsageException {
        String path = line.getOptionValue(ClientOptions.MESSAGES);
        if (path == null) {
            throw new UsageException("-x is required: the message file or folder to run (see --help)");
        }
        try {
            List<ScriptSource> scripts = ScriptFinder.find(Path.of(path));
            if (scripts.isEmpty()) {
                throw new UsageException("-x " + path + ": no .xml message files in this folder");
            }
            return scripts;
        } catch (NoSuchFileException e) {
            throw new UsageException("-x " + path + ": no such file or folder");
        } catch (IOException e) {
            throw new UsageException("-x " + path + ": cannot be read: " + e.getMessage());
        }
    }

    private void printHelp() {
        HelpFormatter help = HelpFormatter.builder().setPrintWriter(new PrintWriter(out, true)).get();
        help.printHelp("xmlclient [options] -x FILE|FOLDER",
                "Runs DLMS/COSEM XML message scripts against a meter (or the built-in simulator) and writes "
                        + "every reply as XML to <out>/replies.", ClientOptions.definitions(),
                "Exit codes: 0 all replies received, 1 a script broke off, 2 bad input, 3 no connection.", true);
    }
}
