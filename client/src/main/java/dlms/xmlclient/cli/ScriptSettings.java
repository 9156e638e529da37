package dlms.xmlclient.cli;

import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.run.SettingSources;
import dlms.xmlclient.session.ConnectionSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each script's association: the options files of its folders, overridden by the command line
 * (and, in a fleet, by the meter's own flags), with where each setting came from. Options files
 * are read once, and equal flags give the one same settings object, however many meters share
 * them.
 */
final class ScriptSettings {

    private final FolderOptions options = new FolderOptions();
    private final Map<FlagValues, ConnectionSettings> settings = new HashMap<>();
    /** By the flags they read and where each was written: meters whose lines set none share theirs. */
    private final Map<FlagValues.Written, SettingSources> sources = new HashMap<>();
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
            FlagValues.Written key = flags.written(FlagSources.READ);
            SettingSources where = sources.get(key);
            if (where == null) {
                where = FlagSources.of(flags, env, s);
                sources.put(key, where);
            }
            result.add(script.withConnection(s, where));
        }
        return result;
    }
}
