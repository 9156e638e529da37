package dlms.xmlclient.wire.line;

import gurux.common.IGXMediaListener;
import gurux.common.MediaStateEventArgs;
import gurux.common.PropertyChangedEventArgs;
import gurux.common.ReceiveEventArgs;
import gurux.common.TraceEventArgs;
import gurux.common.enums.MediaState;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Bytes handed over by a medium's own receive thread (gurux.serial, which calls it as
 * their listener), waited for by the session with its own timeout. Once closed it stays closed.
 */
final class ChunkQueue implements IGXMediaListener {

    private static final byte[] CLOSED = new byte[0];

    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    void offer(byte[] chunk) {
        if (chunk != null && chunk.length > 0) {
            chunks.offer(chunk);
        }
    }

    /** The other end went away: a waiting reader gets {@link LinkClosedException}. */
    void closed() {
        closed = true;
        chunks.offer(CLOSED);
    }

    boolean isClosed() {
        return closed;
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

    @Override
    public void onReceived(Object sender, ReceiveEventArgs e) {
        offer((byte[]) e.getData());
    }

    @Override
    public void onMediaStateChange(Object sender, MediaStateEventArgs e) {
        if (e.getState() == MediaState.CLOSED) {
            closed();
        }
    }

    @Override
    public void onError(Object sender, Exception ex) {
        // The receive thread reports a broken socket or port here and then closes the media,
        // which onMediaStateChange turns into LinkClosedException for the waiting reader.
    }

    @Override
    public void onTrace(Object sender, TraceEventArgs e) {
        // Bytes are traced by the session, with direction and timestamp.
    }

    @Override
    public void onPropertyChanged(Object sender, PropertyChangedEventArgs e) {
        // Not used.
    }
}
