package dlms.xmlclient.session;

import dlms.xmlclient.media.Link;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** A real link that keeps every chunk received, grouped by the frame sent before it. */
final class RecordingLink implements Link {

    private final Link link;
    private final IntConsumer onSend;
    final List<List<byte[]>> replies = new ArrayList<>();

    RecordingLink(Link link, IntConsumer onSend) {
        this.link = link;
        this.onSend = onSend;
    }

    @Override
    public void open() throws IOException {
        link.open();
    }

    @Override
    public void send(byte[] data) throws IOException {
        replies.add(new ArrayList<>());
        onSend.accept(replies.size() - 1);
        link.send(data);
    }

    @Override
    public byte[] receive(int waitMillis) throws IOException {
        byte[] chunk = link.receive(waitMillis);
        if (chunk != null && !replies.isEmpty()) {
            replies.get(replies.size() - 1).add(chunk);
        }
        return chunk;
    }

    @Override
    public void discardInput() {
        link.discardInput();
    }

    @Override
    public String describe() {
        return link.describe();
    }

    @Override
    public void close() {
        link.close();
    }
}
