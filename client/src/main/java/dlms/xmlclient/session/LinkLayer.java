package dlms.xmlclient.session;

import dlms.xmlclient.media.Link;
import dlms.xmlclient.wire.hdlc.HdlcStream;
import dlms.xmlclient.wire.line.LinkClosedException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The link of a link-layer script: a frame out exactly as the script wrote it, and what comes
 * back within the step's time, as {@link RawReplyXml}. No sequence numbers are kept and no
 * retries made: the script is the primary station.
 */
public final class LinkLayer {

    private final Link link;
    private final Trace trace;
    private final int defaultWaitMillis;

    LinkLayer(Link link, Trace trace, int defaultWaitMillis) {
        this.link = link;
        this.trace = trace;
        this.defaultWaitMillis = defaultWaitMillis;
    }

    /**
     * @param waitMillis how long to listen for the reply; 0 for the run's reply wait time
     * @return the reply's XML: the first whole frame, the bytes that came if none is whole, or
     *         {@code <NoReply>}
     */
    public String exchange(byte[] frame, int waitMillis) throws SessionException {
        int wait = waitMillis > 0 ? waitMillis : defaultWaitMillis;
        try {
            link.discardInput(); // a late answer to an earlier step is not this step's reply
            trace.sent(frame);
            link.send(frame);
            ByteArrayOutputStream arrived = new ByteArrayOutputStream();
            HdlcStream stream = new HdlcStream();
            long deadline = System.nanoTime() + wait * 1_000_000L;
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                byte[] chunk = left > 0 ? link.receive((int) left) : null;
                if (chunk == null) {
                    break;
                }
                arrived.write(chunk, 0, chunk.length);
                List<byte[]> frames = stream.add(chunk);
                if (!frames.isEmpty()) {
                    trace.received(frames.get(0));
                    return RawReplyXml.of(frames.get(0));
                }
            }
            if (arrived.size() > 0) {
                trace.received(arrived.toByteArray());
                return RawReplyXml.of(arrived.toByteArray());
            }
            trace.note("no reply within " + wait + " ms");
            return RawReplyXml.none(wait);
        } catch (LinkClosedException e) {
            throw new SessionException(SessionException.Kind.EXCHANGE, "the meter closed the connection", e);
        } catch (IOException e) {
            throw new SessionException(SessionException.Kind.EXCHANGE, e.getMessage(), e);
        }
    }
}
