package dlms.xmlclient.cli;

import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.session.ConnectionSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each script's association: the options files of its folders, overridden by the command line
 * (and, in a fleet, by the meter's own flags). Options files are read once, and equal flags
 * give the one same settings object, however many meters share them.
 */
final class ScriptSettings {

    private final FolderOptions options = new FolderOptions();
    private final Map<FlagValues, ConnectionSettings> settings = new HashMap<>();
    private final Map<String, String> env;

    /** @param env the environment ({@code XMLCLIENT_PASSWORD}) */
    ScriptSettings(Map<String, String> env) {
        this.env = env;
    }

    List<ScriptSource> apply(List<ScriptSource> scripts, FlagValues commandLine) throws UsageException {
        List<ScriptSource> result = new ArrayList<>();
        for (ScriptSource script : scripts) {
            Path dir = Optional.ofNullable(script.file().getParent()).orElse(Path.of(""));
            FlagValues flags = options.forFolder(dir).overriddenBy(commandLine);
            ConnectionSettings s = settings.get(flags);
            if (s == null) {
                s = ConnectionOptions.from(flags, env);
                settings.put(flags, s);
            }
            result.add(script.withConnection(s));
        }
        return result;
    }
}
