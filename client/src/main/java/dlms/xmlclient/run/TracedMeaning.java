package dlms.xmlclient.run;

import dlms.xmlclient.decode.DecodedReply;
import dlms.xmlclient.decode.ScriptDecoding;
import dlms.xmlclient.session.Trace;

/**
 * The trace's words beside the hex: before a request's frames what it asks for, after its
 * reply what the value means, as the script's replies so far let us say.
 */
final class TracedMeaning {

    private final Trace trace;
    private final ScriptDecoding decoding = ScriptDecoding.live();

    TracedMeaning(Trace trace) {
        this.trace = trace;
    }

    void sending(int number, String requestXml) {
        if (trace.recording()) {
            trace.note("#" + number + " " + ScriptDecoding.request(requestXml));
        }
    }

    void received(int number, String requestXml, String replyXml) {
        if (!trace.recording() || replyXml == null) {
            return;
        }
        DecodedReply d = decoding.next(requestXml, replyXml);
        if (d.value() != null) {
            trace.note("#" + number + " = " + d.value());
        }
    }
}
