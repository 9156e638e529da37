package dlms.xmlclient.bench;

import dlms.xmlclient.media.Link;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/** A link that counts the bytes it receives: the bytes of the replies on the wire, frames and all. */
final class CountingLink implements Link {

    private final Link link;
    private final AtomicLong received;

    CountingLink(Link link, AtomicLong received) {
        this.link = link;
        this.received = received;
    }

    @Override
    public void open() throws IOException {
        link.open();
    }

    @Override
    public void send(byte[] data) throws IOException {
        link.send(data);
    }

    @Override
    public byte[] receive(int waitMillis) throws IOException {
        byte[] chunk = link.receive(waitMillis);
        if (chunk != null) {
            received.addAndGet(chunk.length);
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
