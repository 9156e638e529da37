package dlms.xmlclient.cli;

import dlms.xmlclient.discover.CosemObject;
import dlms.xmlclient.discover.DiscoverySummary;
import dlms.xmlclient.discover.PlannedRead;
import dlms.xmlclient.discover.RequestProtection;
import dlms.xmlclient.report.WriteFailures;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.verdict.Verdict;
import gurux.dlms.enums.Security;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * {@code xmlclient discover -o DIR}: a ready test suite from the meter itself (see
 * {@link Discovery}), with the usual media and association flags; the association flags go to
 * the suite's own options file, so that {@code -x DIR/messages -e DIR/expected} runs it as found.
 */
final class DiscoverCommand {

    static final String NAME = "discover";
    private static final String ACCESS_RIGHTS = "access-rights";
    private static final String PROBE_WRITES = "probe-writes";
    private static final String PROBE_METHODS = "probe-methods";
    /** The command line's flags that do not go with discover: it writes its own scripts and expected files. */
    private static final List<String> REFUSED = List.of(ClientOptions.MESSAGES, ClientOptions.EXPECTED,
            ClientOptions.RECORD, ClientOptions.TARGETS, ClientOptions.EXCLUDE);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    DiscoverCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int run(String[] args) {
        CommandLine line;
        try {
            line = new DefaultParser().parse(definitions(), args);
        } catch (ParseException e) {
            err.println("xmlclient discover: " + UsageErrors.of(e) + " (see xmlclient discover --help)");
            return ExitCode.BAD_INPUT;
        }
        if (line.hasOption(ClientOptions.HELP)) {
            out.println(help());
            return ExitCode.OK;
        }
        try {
            return discover(line);
        } catch (UsageException e) {
            err.println("xmlclient discover: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /** The client's flags and discover's own. */
    private static Options definitions() {
        Options o = ClientOptions.definitions();
        o.addOption(Option.builder().longOpt(ACCESS_RIGHTS).desc("also hold the declared access rights against what"
                + " the meter does").build());
        o.addOption(Option.builder().longOpt(PROBE_WRITES).desc("with --access-rights: write back each static value"
                + " just read (this writes to the meter)").build());
        o.addOption(Option.builder().longOpt(PROBE_METHODS).desc("with --access-rights: invoke each method declared"
                + " no-access (a meter that does not enforce it runs the method: a bench meter only)").build());
        return o;
    }

    private int discover(CommandLine line) throws UsageException {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException(UsageErrors.strayArguments(line.getArgList()) + " (see xmlclient discover --help)");
        }
        FlagValues flags = FlagValues.of(line);
        for (String refused : REFUSED) {
            if (line.hasOption(refused)) {
                throw new UsageException(flags.flag(refused) + " does not go with discover: it writes its own message"
                        + " and expected files to -o DIR (then run them with -x DIR/messages -e DIR/expected)");
            }
        }
        for (String probe : List.of(PROBE_WRITES, PROBE_METHODS)) {
            if (line.hasOption(probe) && !line.hasOption(ACCESS_RIGHTS)) {
                throw new UsageException("--" + probe + " goes with --" + ACCESS_RIGHTS + " (it probes the declared"
                        + " access)");
            }
        }
        if (!line.hasOption(ClientOptions.OUT)) {
            throw new UsageException("-o DIR is required: the folder the suite is written to (see xmlclient discover"
                    + " --help)");
        }
        Path suite = Path.of(line.getOptionValue(ClientOptions.OUT));
        for (String part : List.of("messages", "expected", "access-rights")) {
            if (Files.exists(suite.resolve(part))) {
                throw new UsageException("-o " + suite + ": already holds " + suite.resolve(part)
                        + "; discover writes a new suite: name an empty or new folder");
            }
        }
        ScriptSettings settings = new ScriptSettings(env);
        Path objectList = suite.resolve("discovery").resolve("object-list.xml");
        ConnectionSettings target = settings.apply(List.of(new ScriptSource(objectList, "object-list.xml")), flags)
                .get(0).connection();
        if (!target.logicalNames()) {
            throw new UsageException("-r sn: discover reads logical-name associations only (short names: not yet);"
                    + " discover the meter's LN association with -r ln");
        }
        WriteFailures writes = new WriteFailures(err);
        if (target.medium().isSet()) {
            return discover(suite, flags, settings, UnaryOperator.identity(), target.describeTarget(), writes, line);
        }
        try (BuiltInMeters meters = BuiltInMeters.start(List.of(new ScriptSource(objectList, "object-list.xml",
                target)), target)) {
            out.println("No -h given: discovering the built-in simulator on " + meters.describe());
            String bound = meters.bind(List.of(new ScriptSource(objectList, "object-list.xml", target))).get(0)
                    .connection().describeTarget();
            return discover(suite, flags, settings, meters::bind, "built-in simulator, " + bound, writes, line);
        } catch (UsageException e) {
            throw e;
        } catch (Exception e) {
            err.println("xmlclient discover: cannot start the built-in simulator: " + e.getMessage());
            return ExitCode.NO_CONNECTION;
        }
    }

    private int discover(Path suite, FlagValues flags, ScriptSettings settings, UnaryOperator<List<ScriptSource>> bind,
            String association, WriteFailures writes, CommandLine line) throws UsageException {
        UnaryOperator<List<ScriptSource>> configure = scripts -> {
            try {
                return bind.apply(settings.apply(scripts, flags));
            } catch (UsageException e) {
                throw new IllegalStateException(e.getMessage(), e); // the flags were read once already
            }
        };
        long start = System.nanoTime();
        Security level = settings.apply(List.of(new ScriptSource(suite.resolve("discovery").resolve("object-list.xml"),
                "object-list.xml")), flags).get(0).connection().security().security();
        RequestProtection protection = new RequestProtection(
                level == Security.AUTHENTICATION || level == Security.AUTHENTICATION_ENCRYPTION,
                level == Security.ENCRYPTION || level == Security.AUTHENTICATION_ENCRYPTION);
        Discovery discovery = new Discovery(suite, configure, out, err, writes);
        Discovery.Outcome found;
        AccessRightsCheck.Result access = null;
        try {
            out.println("discover: reading the object list of the association in use (0.0.40.0.0.255)");
            List<CosemObject> objects = discovery.objectList(protection);
            out.println("discover: " + objects.size() + " objects");
            found = discovery.suite(objects, optionsFile(flags));
            if (line.hasOption(ACCESS_RIGHTS)) {
                Files.writeString(Files.createDirectories(suite.resolve("access-rights")).resolve(FolderOptions.FILE_NAME),
                        optionsFile(flags), StandardCharsets.UTF_8);
                access = new AccessRightsCheck(suite, configure, association, out, writes).run(objects,
                        line.hasOption(PROBE_WRITES), found.moved(), line.hasOption(PROBE_METHODS));
            }
        } catch (IOException e) {
            err.println("xmlclient discover: -o " + suite + ": cannot write: " + e.getMessage());
            return ExitCode.CANNOT_WRITE;
        } catch (IllegalStateException e) {
            err.println("xmlclient discover: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (Discovery.DiscoveryFailure e) {
            err.println("xmlclient discover: " + e.getMessage());
            return e.outcome == null ? ExitCode.CANNOT_WRITE : ExitCode.worst(ExitCode.FAILED,
                    ExitCode.of(List.of(e.outcome)));
        }
        Map<PlannedRead, String> noReply = new LinkedHashMap<>();
        found.dropped().forEach(d -> noReply.put(d.read(), d.cause()));
        DiscoverySummary summary = new DiscoverySummary(association, found.objects(), found.scripts(),
                found.recordedReplies(), noReply, access != null && line.hasOption(PROBE_METHODS));
        List<String> lines = new ArrayList<>(summary.head());
        int reads = found.scripts().stream().mapToInt(s -> s.reads().size()).sum();
        lines.add("suite: " + suite.resolve("messages") + " (" + found.scripts().size() + " message files, " + reads
                + " reads), " + suite.resolve("expected") + " (" + found.byClass() + " values loosened by their class, "
                + found.bySecondRead() + " more that moved between two reads)");
        long passed = found.check().stream().filter(o -> o.verdict() == Verdict.PASS).count();
        lines.add("check: " + found.check().size() + " scripts: " + passed + " passed, "
                + (found.check().size() - passed) + " not (bin/xmlclient -x " + suite.resolve("messages") + " -e "
                + suite.resolve("expected") + "); in " + (System.nanoTime() - start) / 1_000_000 / 100 / 10.0 + " s");
        lines.forEach(out::println);
        List<String> file = new ArrayList<>(lines);
        file.add("");
        file.addAll(summary.detail());
        try {
            Files.write(suite.resolve("summary.txt"), file, StandardCharsets.UTF_8);
            out.println("summary: " + suite.resolve("summary.txt"));
        } catch (IOException e) {
            writes.add("cannot write " + suite.resolve("summary.txt") + ": " + e.getMessage());
        }
        int code = passed == found.check().size() ? ExitCode.OK : ExitCode.FAILED;
        List<ScriptOutcome> all = new ArrayList<>(found.check());
        if (access != null) {
            all.addAll(access.outcomes());
            code = access.clean() ? code : ExitCode.FAILED;
        }
        code = ExitCode.worst(code, ExitCode.of(all));
        return writes.any() ? ExitCode.worst(code, ExitCode.CANNOT_WRITE) : code;
    }

    /** The association flags given, for the suite's xmlclient.options: the suite runs as it was found. */
    static String optionsFile(FlagValues flags) {
        StringBuilder b = new StringBuilder("# Written by xmlclient discover: the association the suite was"
                + " discovered with (flags on the command line override it).\n");
        for (String option : new TreeSet<>(FolderOptions.ALLOWED)) {
            if (flags.onCommandLine(option)) {
                b.append(option.length() == 1 ? "-" : "--").append(option).append(" \"")
                        .append(flags.get(option)).append("\"\n");
            }
        }
        return b.toString();
    }

    private static String help() {
        return """
                usage: xmlclient discover -o DIR [--access-rights [--probe-writes] [--probe-methods]]
                       [media and association flags of xmlclient --help]
                Reads the object list of the association in use (0.0.40.0.0.255 attribute 2), then every attribute
                it declares readable, and writes a ready test suite:
                  DIR/messages/<class>.xml   one message file per interface class (one association each), a comment
                                             naming each object and attribute; a profile's buffer as its first entry
                  DIR/messages/xmlclient.options  the association flags given (the suite runs as discovered)
                  DIR/expected/<class>.xml   the replies, loose where a value moves by itself (class rules, and
                                             whatever changed between two reads), literal elsewhere
                  DIR/summary.txt            objects and attributes found, read, refused and left out, and why
                  DIR/discovery/             the runs' replies and traces
                Nothing is written to the meter and no method is invoked, unless a probe below asks.
                --access-rights: also hold the access the view declares for every attribute against what the meter
                  does (declared readable must read, anything else must be refused), as scripts with inline
                  expectations in DIR/access-rights/, reported in DIR/access-rights-report/ (report.html,
                  junit.xml) and DIR/access-rights.txt (each finding: object, attribute, declared, observed).
                --probe-writes (it writes to the meter): also write back each static value just read (declared
                  writable must succeed and read back unchanged, anything else must be refused). Never written:
                  values that move, a profile's buffer and capture definition (3 to 8), associations, security
                  setups, image transfer, communication setups.
                --probe-methods (a bench meter only): also invoke each method declared no-access with integer 0
                  (it must be refused; a meter that does not enforce method access runs it).
                Without -h, the built-in simulator.
                Then: xmlclient -x DIR/messages -e DIR/expected
                Exit codes: 0 the suite passed its first check, 1 it did not, 2 bad input, 3 no connection,
                4 cannot write.""";
    }
}
