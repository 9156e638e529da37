package dlms.xmlclient.run;

import dlms.xmlclient.session.ConnectionSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a run needs, decided before it starts.
 *
 * @param scripts    the message files, in run order
 * @param connection the meter and association
 * @param outDir     where replies and the trace go
 */
public record RunPlan(List<ScriptSource> scripts, ConnectionSettings connection, Path outDir) {

    public RunPlan {
        scripts = List.copyOf(scripts);
    }
}
