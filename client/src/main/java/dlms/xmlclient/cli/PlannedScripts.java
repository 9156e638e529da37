package dlms.xmlclient.cli;

import dlms.xmlclient.run.ScriptFinder;
import dlms.xmlclient.run.ScriptSource;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The message files of a {@code -x} path, each with the association it runs over: its folders'
 * {@code xmlclient.options} overridden by the given command-line flags, by the same rules as
 * {@link ScriptSettings}. For runs assembled outside that command (the benchmark), so that
 * they run each script as {@code xmlclient FLAGS -x PATH} would.
 */
public final class PlannedScripts {

    private PlannedScripts() {
    }

    /**
     * @param messages a message file or folder, as {@code -x} takes it
     * @param flags    association and target flags, as on the command line (e.g. {@code -h 127.0.0.1 -p 4061 -w})
     * @param env      the environment, for {@code XMLCLIENT_PASSWORD}
     * @throws IllegalArgumentException when a flag or an options file is wrong (the message says which)
     */
    public static List<ScriptSource> find(Path messages, List<String> flags, Map<String, String> env)
            throws IOException {
        CommandLine line;
        try {
            line = new DefaultParser().parse(ClientOptions.definitions(), flags.toArray(String[]::new));
        } catch (ParseException e) {
            throw new IllegalArgumentException(UsageErrors.of(e), e);
        }
        try {
            return new ScriptSettings(env).apply(ScriptFinder.find(messages), FlagValues.of(line));
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
