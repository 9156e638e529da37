package dlms.xmlclient.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a run needs, decided before it starts.
 *
 * @param scripts     the message files, in run order, each with its association
 * @param outDir      where replies, reports and the trace go
 * @param expectedDir the expected replies folder (-e), or null
 * @param strict      a reply with nothing to check it against fails instead of being "not checked"
 * @param failFast    stop after the first script that does not pass or is not checked clean (FAIL or ERROR)
 */
public record RunPlan(List<ScriptSource> scripts, Path outDir, Path expectedDir, boolean strict, boolean failFast) {

    public RunPlan {
        scripts = List.copyOf(scripts);
    }

    public RunPlan(List<ScriptSource> scripts, Path outDir, Path expectedDir, boolean strict) {
        this(scripts, outDir, expectedDir, strict, false);
    }

    public RunPlan withScripts(List<ScriptSource> newScripts) {
        return new RunPlan(newScripts, outDir, expectedDir, strict, failFast);
    }
}
