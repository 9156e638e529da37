package dlms.xmlclient.media;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Bytes handed over by a medium's own receive thread (gurux.net, gurux.serial), waited for by
 * the session with its own timeout. Once closed it stays closed.
 */
final class ChunkQueue {

    private static final byte[] CLOSED = new byte[0];

    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

    void offer(byte[] chunk) {
        if (chunk != null && chunk.length > 0) {
            chunks.offer(chunk);
        }
    }

    /** The other end went away: a waiting reader gets {@link LinkClosedException}. */
    void closed() {
        chunks.offer(CLOSED);
    }

    /**
     * @param closedMessage the message of the LinkClosedException when the medium closed
     * @return the next chunk, or null when none arrived within {@code waitMillis}
     */
    byte[] poll(int waitMillis, String closedMessage) throws IOException {
        byte[] chunk;
        try {
            chunk = chunks.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the meter", e);
        }
        if (chunk == CLOSED) {
            chunks.offer(CLOSED); // stays closed for later reads
            throw new LinkClosedException(closedMessage);
        }
        return chunk;
    }

    void discard() {
        chunks.removeIf(chunk -> chunk != CLOSED);
    }
}
