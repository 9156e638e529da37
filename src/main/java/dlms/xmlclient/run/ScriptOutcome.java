package dlms.xmlclient.run;

import dlms.xmlclient.script.Script;

import java.util.List;

/**
 * What happened to one script.
 *
 * @param source        the file
 * @param script        the loaded script, or null when it could not be loaded
 * @param status        how it ended
 * @param replies       every reply received, in request order
 * @param error         the one-line cause when status is not COMPLETED
 * @param elapsedMillis wall time of the script, connection included
 */
public record ScriptOutcome(ScriptSource source, Script script, Status status, List<StepReply> replies,
                            String error, long elapsedMillis) {

    public ScriptOutcome {
        replies = List.copyOf(replies);
    }

    public enum Status {
        /** Every request got its reply (error replies included). */
        COMPLETED,
        /** The file could not be loaded; nothing was sent. */
        BAD_INPUT,
        /** The link could not be opened or the association failed. */
        NO_CONNECTION,
        /** The link failed part-way; the replies before the failure are kept. */
        BROKEN
    }

    public int requestCount() {
        return script == null ? 0 : script.steps().size();
    }
}
