package dlms.xmlclient.session;

import dlms.xmlclient.media.Link;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * An in-memory meter: the n-th frame the client sends is answered with the n-th list of chunks,
 * handed out one {@link #receive} at a time; once they are gone (and after the last list) it
 * answers nothing, at once, so a client that waits for more gets its "no reply" without waiting.
 */
final class ReplayLink implements Link {

    private final List<List<byte[]>> replies;
    private final IntConsumer onSend;
    private final Deque<byte[]> inbound = new ArrayDeque<>();
    private int sends;

    /**
     * @param replies the chunks answering each frame sent, in order
     * @param onSend  told the index of every frame sent, after its answer is queued
     */
    ReplayLink(List<List<byte[]>> replies, IntConsumer onSend) {
        this.replies = replies;
        this.onSend = onSend;
    }

    @Override
    public void open() {
        // Nothing to open.
    }

    @Override
    public void send(byte[] data) {
        if (sends < replies.size()) {
            inbound.addAll(replies.get(sends));
        }
        onSend.accept(sends++);
    }

    @Override
    public byte[] receive(int waitMillis) {
        return inbound.poll();
    }

    @Override
    public void discardInput() {
        inbound.clear();
    }

    /** How many frames the client sent. */
    int sends() {
        return sends;
    }

    @Override
    public String describe() {
        return "replay";
    }

    @Override
    public void close() {
        // Nothing to close.
    }
}
