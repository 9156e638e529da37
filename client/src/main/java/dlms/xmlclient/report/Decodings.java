package dlms.xmlclient.report;

import dlms.xmlclient.decode.ScriptDecoding;
import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.StepReply;

import java.util.ArrayList;
import java.util.List;

/**
 * A script's requests and replies, handed to the decoding. The reply files and the HTML report
 * decode the same script one after the other: the last decoding is kept for the second.
 */
final class Decodings {

    /** The last decoding made, with its exchanges; replaced whole, read without a lock. */
    private static volatile Last last;

    private record Last(List<ScriptDecoding.Exchange> exchanges, ScriptDecoding decoding) {
    }

    private Decodings() {
    }

    static ScriptDecoding of(List<StepReply> replies) {
        List<ScriptDecoding.Exchange> exchanges = new ArrayList<>();
        for (StepReply r : replies) {
            exchanges.add(new ScriptDecoding.Exchange(r.step().requestXml(), r.replyXml()));
        }
        return decoding(exchanges);
    }

    /** The decoding of every request of a script, a request with no reply included. */
    static ScriptDecoding ofRequests(List<RequestResult> requests) {
        List<ScriptDecoding.Exchange> exchanges = new ArrayList<>();
        for (RequestResult r : requests) {
            String reply = r.reply() == null ? null : r.reply().replyXml();
            exchanges.add(new ScriptDecoding.Exchange(r.step().requestXml(), reply));
        }
        return decoding(exchanges);
    }

    /**
     * A decoding is read only once made, so the same exchanges may share one. Made outside any
     * lock: a fleet's meters decode their own scripts side by side.
     */
    private static ScriptDecoding decoding(List<ScriptDecoding.Exchange> exchanges) {
        Last seen = last;
        if (seen != null && seen.exchanges().equals(exchanges)) {
            return seen.decoding();
        }
        ScriptDecoding made = new ScriptDecoding(exchanges);
        last = new Last(exchanges, made);
        return made;
    }
}
