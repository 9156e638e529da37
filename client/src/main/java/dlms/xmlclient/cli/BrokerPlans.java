package dlms.xmlclient.cli;

import dlms.xmlclient.broker.SuiteArchive;
import dlms.xmlclient.run.ScriptSource;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a fleet run with {@code --broker} sends in every job: the suite (scripts, their folders'
 * options files, expected files) as one zip, and the command line's flags that are each meter's
 * (association, timing), without those that are the fleet's own.
 */
final class BrokerPlans {

    /** Default and bound of --broker-timeout, in seconds. */
    static final int DEFAULT_TIMEOUT_SECONDS = 3600;
    static final int MAX_TIMEOUT_SECONDS = 7 * 86_400;

    /** The fleet's own flags: which scripts, where reports go, how the fleet runs; never a job's. */
    private static final Set<String> FLEET_ONLY = Set.of(ClientOptions.MESSAGES, ClientOptions.EXPECTED,
            ClientOptions.OUT, ClientOptions.TARGETS, ClientOptions.PARALLEL, ClientOptions.EXCLUDE,
            ClientOptions.BROKER, ClientOptions.QUEUE, ClientOptions.BROKER_TIMEOUT, ClientOptions.TRACE,
            ClientOptions.STRICT, ClientOptions.MISSING_EXPECTED, ClientOptions.FAIL_FAST, ClientOptions.HELP);

    /** The largest file beside the scripts that goes into the suite (a keys file is a few hundred bytes). */
    private static final long BESIDE_MAX_BYTES = 1024 * 1024;

    private BrokerPlans() {
    }

    static BrokerFleet.Plan of(CommandLine line, FlagValues flags, List<ScriptSource> scripts, Path expectedDir)
            throws UsageException {
        if (line.hasOption(ClientOptions.FAIL_FAST)) {
            throw new UsageException("--fail-fast does not go with --broker: the meters run on other hosts");
        }
        byte[] zip;
        try {
            zip = suite(scripts, expectedDir).zip();
        } catch (IOException e) {
            throw new UsageException("-x " + line.getOptionValue(ClientOptions.MESSAGES) + ": the suite for the"
                    + " workers: " + e.getMessage());
        }
        int timeout = ConnectionOptions.integer(flags, ClientOptions.BROKER_TIMEOUT, 1, MAX_TIMEOUT_SECONDS,
                DEFAULT_TIMEOUT_SECONDS);
        return new BrokerFleet.Plan(WorkerCommand.broker(line.getOptionValue(ClientOptions.BROKER), "--broker"),
                line.getOptionValue(ClientOptions.QUEUE, WorkerOptions.DEFAULT_QUEUE), tokens(line),
                line.hasOption(ClientOptions.STRICT), XmlClientCommand.missingExpectedFails(line), zip,
                SuiteArchive.digest(zip), timeout * 1000L);
    }

    /**
     * Each script below {@code messages/}, with the options file of each folder from -x down to
     * it; the files of the folders above -x, which apply to a local fleet too, go first into the
     * root's file (later lines override earlier ones, as a deeper file overrides a shallower).
     */
    static SuiteArchive suite(List<ScriptSource> scripts, Path expectedDir) throws IOException {
        SuiteArchive suite = new SuiteArchive();
        Path root = null;
        for (ScriptSource s : scripts) {
            String relative = s.relativePath();
            suite.add(SuiteArchive.MESSAGES + "/" + relative, s.file());
            String[] parts = relative.split("/");
            root = s.file().toAbsolutePath().normalize();
            for (int i = 0; i < parts.length; i++) {
                root = root.getParent();
            }
            String folder = "";
            for (int i = 0; i < parts.length - 1; i++) {
                folder += parts[i] + "/";
                addBeside(suite, root.resolve(folder), SuiteArchive.MESSAGES + "/" + folder);
            }
            if (expectedDir != null && Files.isRegularFile(expectedDir.resolve(relative))) {
                suite.add(SuiteArchive.EXPECTED + "/" + relative, expectedDir.resolve(relative));
            }
        }
        if (root != null) {
            addBeside(suite, root, SuiteArchive.MESSAGES + "/");
        }
        StringBuilder rootOptions = new StringBuilder();
        List<Path> chain = new ArrayList<>();
        for (Path p = root; p != null; p = p.getParent()) {
            chain.add(0, p.resolve(FolderOptions.FILE_NAME));
        }
        for (Path options : chain) {
            if (Files.isRegularFile(options)) {
                rootOptions.append("# ").append(options).append('\n').append(Files.readString(options)).append('\n');
            }
        }
        if (!rootOptions.isEmpty()) {
            suite.add(SuiteArchive.MESSAGES + "/" + FolderOptions.FILE_NAME,
                    rootOptions.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return suite;
    }

    /**
     * The files of a folder that are not scripts: its options file and what such a file names
     * beside it (--keys, --password-file), as a worker must find them. Large files are no suite's.
     */
    private static void addBeside(SuiteArchive suite, Path folder, String prefix) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".xml") && Files.size(f) <= BESIDE_MAX_BYTES) {
                    suite.add(prefix + name, f);
                }
            }
        }
    }

    /** The command line's flags for every meter, as tokens a worker parses again. */
    private static List<String> tokens(CommandLine line) {
        List<String> tokens = new ArrayList<>();
        for (Option o : line.getOptions()) {
            String key = o.getOpt() != null ? o.getOpt() : o.getLongOpt();
            if (FLEET_ONLY.contains(key)) {
                continue;
            }
            tokens.add(o.getOpt() != null ? "-" + o.getOpt() : "--" + o.getLongOpt());
            if (o.hasArg()) {
                tokens.add(o.getValue());
            }
        }
        return tokens;
    }
}
