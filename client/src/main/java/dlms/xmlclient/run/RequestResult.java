package dlms.xmlclient.run;

import dlms.xmlclient.script.Step;
import dlms.xmlclient.verdict.Check;

/**
 * One request of a finished script: what was sent, what came back, and the verdict on it.
 *
 * @param step  the request
 * @param reply the reply, or null when none came (not sent, or the link failed)
 * @param check the verdict
 */
public record RequestResult(Step step, StepReply reply, Check check) {
}
