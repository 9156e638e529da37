package dlms.xmlclient.cli;

import dlms.xmlclient.report.FleetConsoleReport;
import dlms.xmlclient.report.FleetJUnitReport;
import dlms.xmlclient.report.FleetProgress;
import dlms.xmlclient.report.WriteFailures;
import dlms.xmlclient.run.FleetListener;
import dlms.xmlclient.run.ScriptCache;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.run.StopSignal;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code xmlclient listen}: the head-end's side of meters that call in. Listens on a TCP port,
 * and runs the scripts of -x over each meter's own connection, checked against -e, into
 * {@code <out>/<meter>/} as a fleet's meters are (see {@link ListenRun}).
 */
final class ListenCommand {

    static final String NAME = "listen";
    /** The main command's options that say where to dial out, or record: not a listener's. */
    private static final Set<String> DIAL_OUT = Set.of("-h", "--host", "-S", "--serial", "-i", "--mode-e", "-U",
            "--udp", "--targets", "--record");

    private ListenCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine line;
        try {
            line = new DefaultParser().parse(ListenOptions.definitions(), args);
        } catch (ParseException e) {
            String option = e instanceof UnrecognizedOptionException u ? u.getOption() : "";
            err.println("xmlclient listen: " + (DIAL_OUT.contains(option) ? option + " does not go with listen: the"
                    + " meters call in, to the port of -p" : UsageErrors.of(e)) + " (see xmlclient listen --help)");
            return ExitCode.BAD_INPUT;
        }
        if (line.hasOption(ClientOptions.HELP)) {
            printHelp(out);
            return ExitCode.OK;
        }
        try {
            return execute(line, out, err, env);
        } catch (UsageException e) {
            err.println("xmlclient listen: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    private static int execute(CommandLine line, PrintStream out, PrintStream err, Map<String, String> env)
            throws UsageException {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException(UsageErrors.strayArguments(line.getArgList()) + " (see xmlclient listen --help)");
        }
        FlagValues own = FlagValues.of(line);
        if (!line.hasOption(ListenOptions.PORT)) {
            throw new UsageException("-p is required: the TCP port meters call in to (0 = any free port)");
        }
        int port = ConnectionOptions.integer(own, ListenOptions.PORT, 0, 65535, 0);
        InetAddress bind = bind(line.getOptionValue(ListenOptions.BIND, "0.0.0.0"));
        int maxMeters = ConnectionOptions.integer(own, ListenOptions.METERS, 1, 100_000, 0);
        int listenSeconds = ConnectionOptions.integer(own, ListenOptions.LISTEN_TIME, 1,
                ListenOptions.MAX_LISTEN_SECONDS, ListenOptions.DEFAULT_LISTEN_SECONDS);
        int parallel = ParallelMeters.of(own, 0, err);
        MeterIdentity identity = MeterIdentity.parse(line.getOptionValue(ListenOptions.IDENTIFY, "serial"));
        List<ScriptSource> found = XmlClientCommand.findScripts(XmlClientCommand.messagesPath(line),
                line.getOptionValues(ClientOptions.EXCLUDE));
        List<ScriptSource> scripts = new ScriptSettings(env).apply(found,
                FlagValues.of(ListenOptions.scriptFlags(line)));
        Path expectedDir = XmlClientCommand.expectedDir(line, false);
        Path outDir = XmlClientCommand.outDir(line);
        ServerSocket server;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(bind, port));
        } catch (IOException e) {
            err.println("xmlclient listen: cannot listen on " + bind.getHostAddress() + " port " + port + ": "
                    + e.getMessage() + " (another head-end on it? try another -p, or check -b)");
            return ExitCode.NO_CONNECTION;
        }
        WriteFailures writes = new WriteFailures(err);
        FleetListener reports = FleetListener.all(List.of(
                new FleetConsoleReport(out, false, 20),
                new FleetJUnitReport(outDir, Clock.systemDefaultZone(), writes),
                new FleetProgress(out, ConnectionOptions.integer(own, ClientOptions.PROGRESS, 0, 86_400, 10))));
        FleetRun fleet = new FleetRun(List.of(), outDir, new ScriptCache(expectedDir),
                line.hasOption(ClientOptions.STRICT), XmlClientCommand.missingExpectedFails(line),
                line.hasOption(ClientOptions.FAIL_FAST), parallel, reports, err, writes);
        out.println("Listening on " + bind.getHostAddress() + ":" + server.getLocalPort() + " for meters that call in ("
                + scripts.get(0).connection().interfaceType() + "): " + scripts.size() + " scripts each, "
                + parallel + " at a time, " + (maxMeters == 0 ? "" : "until " + maxMeters + (maxMeters == 1
                ? " meter has" : " meters have") + " called in or ") + "for " + listenSeconds + " s");
        out.flush();
        int code = new ListenRun(server, scripts, fleet, identity, parallel, maxMeters, listenSeconds * 1000L, reports,
                outDir, err).run(new StopSignal());
        return writes.any() ? ExitCode.worst(code, ExitCode.CANNOT_WRITE) : code;
    }

    private static InetAddress bind(String value) throws UsageException {
        try {
            return InetAddress.getByName(value.trim());
        } catch (UnknownHostException e) {
            throw new UsageException("-b " + value + ": unknown address");
        }
    }

    private static void printHelp(PrintStream out) {
        HelpFormatter help = HelpFormatter.builder().setPrintWriter(new PrintWriter(out, true)).get();
        help.printHelp("xmlclient listen -p PORT [options] -x FILE|FOLDER",
                "Listens for meters that call in (a head-end's port, the destination of the meter's push setup or"
                        + " TCP-UDP setup), and runs the scripts over each meter's own connection: every reply as XML"
                        + " to <out>/<meter>/replies, checked against -e DIR, reported to <out>/junit.xml.",
                ListenOptions.definitions(), ExitCode.HELP, true);
    }
}
