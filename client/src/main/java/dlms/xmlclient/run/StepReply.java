package dlms.xmlclient.run;

import dlms.xmlclient.script.Step;

import java.time.Instant;

/**
 * A request and the meter's whole reply to it.
 *
 * @param step          the request
 * @param replyXml      the reply as Gurux simple XML, or null when the request has no reply on this
 *                      interface (SNRM/DISC on WRAPPER)
 * @param sentAt        when the request was sent (the reference of clock checks)
 * @param elapsedMillis time from sending the request to having the whole reply
 */
public record StepReply(Step step, String replyXml, Instant sentAt, long elapsedMillis) {
}
