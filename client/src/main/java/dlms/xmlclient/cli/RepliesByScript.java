package dlms.xmlclient.cli;

import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.StepReply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps each script's outcome with its replies as it finishes (the run's own list of outcomes
 * has the replies dropped), for the steps of discover that read what the meter said.
 */
final class RepliesByScript implements RunListener {

    private final List<ScriptOutcome> outcomes = new ArrayList<>();

    @Override
    public void scriptFinished(ScriptOutcome outcome) {
        outcomes.add(outcome);
    }

    List<ScriptOutcome> outcomes() {
        return outcomes;
    }

    /** The reply texts by script path below -x, in request order. */
    Map<String, List<String>> replies() {
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        for (ScriptOutcome o : outcomes) {
            byFile.put(o.source().relativePath(), o.replies().stream().map(StepReply::replyXml).toList());
        }
        return byFile;
    }

    /** Each reply's exchange time in ms, by script path below -x, in request order. */
    Map<String, List<Long>> millis() {
        Map<String, List<Long>> byFile = new LinkedHashMap<>();
        for (ScriptOutcome o : outcomes) {
            byFile.put(o.source().relativePath(), o.replies().stream().map(StepReply::elapsedMillis).toList());
        }
        return byFile;
    }
}
