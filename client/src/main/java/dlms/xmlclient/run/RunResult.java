package dlms.xmlclient.run;

import java.util.List;

/**
 * What a launched run leaves: its scripts' outcomes (without reply texts: the listeners had
 * those) and whether the trace could not be written.
 *
 * @param traceFailure the trace file's write failure in one line, or null
 */
public record RunResult(List<ScriptOutcome> outcomes, String traceFailure) {

    public RunResult {
        outcomes = List.copyOf(outcomes);
    }
}
