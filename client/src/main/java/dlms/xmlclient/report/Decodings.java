package dlms.xmlclient.report;

import dlms.xmlclient.decode.ScriptDecoding;
import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.StepReply;

import java.util.ArrayList;
import java.util.List;

/** A script's requests and replies, handed to the decoding. */
final class Decodings {

    private Decodings() {
    }

    static ScriptDecoding of(List<StepReply> replies) {
        List<ScriptDecoding.Exchange> exchanges = new ArrayList<>();
        for (StepReply r : replies) {
            exchanges.add(new ScriptDecoding.Exchange(r.step().requestXml(), r.replyXml()));
        }
        return new ScriptDecoding(exchanges);
    }

    /** The decoding of every request of a script, a request with no reply included. */
    static ScriptDecoding ofRequests(List<RequestResult> requests) {
        List<ScriptDecoding.Exchange> exchanges = new ArrayList<>();
        for (RequestResult r : requests) {
            String reply = r.reply() == null ? null : r.reply().replyXml();
            exchanges.add(new ScriptDecoding.Exchange(r.step().requestXml(), reply));
        }
        return new ScriptDecoding(exchanges);
    }
}
