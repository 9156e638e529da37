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
 * @param missingExpectedFails with an expected folder, a script with no expected file (and no replies
 *                    inline) fails, naming the file looked for; else its replies are not checked
 */
public record RunPlan(List<ScriptSource> scripts, Path outDir, Path expectedDir, boolean strict, boolean failFast,
        boolean missingExpectedFails) {

    public RunPlan {
        scripts = List.copyOf(scripts);
    }

    /** A plan in which a missing expected file leaves its replies not checked. */
    public RunPlan(List<ScriptSource> scripts, Path outDir, Path expectedDir, boolean strict, boolean failFast) {
        this(scripts, outDir, expectedDir, strict, failFast, false);
    }

    public RunPlan(List<ScriptSource> scripts, Path outDir, Path expectedDir, boolean strict) {
        this(scripts, outDir, expectedDir, strict, false);
    }

    public RunPlan withScripts(List<ScriptSource> newScripts) {
        return new RunPlan(newScripts, outDir, expectedDir, strict, failFast, missingExpectedFails);
    }
}
