package dlms.xmlclient.report;

import dlms.xmlclient.decode.ScriptDecoding;
import dlms.xmlclient.memo.BoundedMemo;
import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.StepReply;

import java.util.ArrayList;
import java.util.List;

/**
 * A script's requests and replies, handed to the decoding. A decoding is read only once made,
 * so the same exchanges share one: the reply files and the HTML report decode the same script
 * one after the other, and a fleet's meters mostly exchange the same bytes.
 */
final class Decodings {

    /** Decodings by their exchanges; weighed by the text, since the parsed replies take a few times as much. */
    private static final BoundedMemo<List<ScriptDecoding.Exchange>, ScriptDecoding> MADE = new BoundedMemo<>(48L << 20);

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

    /** Made outside any lock: a fleet's meters decode their own scripts side by side. */
    private static ScriptDecoding decoding(List<ScriptDecoding.Exchange> exchanges) {
        return MADE.get(exchanges, ScriptDecoding::new, weight(exchanges));
    }

    private static long weight(List<ScriptDecoding.Exchange> exchanges) {
        long chars = 0;
        for (ScriptDecoding.Exchange e : exchanges) {
            chars += length(e.requestXml()) + length(e.replyXml());
        }
        return 8 * chars;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
