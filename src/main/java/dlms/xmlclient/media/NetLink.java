package dlms.xmlclient.media;

import gurux.common.IGXMediaListener;
import gurux.common.MediaStateEventArgs;
import gurux.common.PropertyChangedEventArgs;
import gurux.common.ReceiveEventArgs;
import gurux.common.TraceEventArgs;
import gurux.common.enums.MediaState;
import gurux.net.GXNet;
import gurux.net.enums.NetworkType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * TCP through gurux.net's {@link GXNet}. GXNet is used in its event mode: its receive thread
 * hands every chunk to {@link #onReceived}, which queues it, so the session can wait for bytes
 * with its own timeout instead of GXNet's end-of-packet search (which cannot tell a WRAPPER
 * frame's end and keeps copying its buffer).
 */
public final class NetLink implements Link, IGXMediaListener {

    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private final ChunkQueue inbound = new ChunkQueue();
    private final GXNet net;
    private volatile boolean closedByPeer;

    public NetLink(String host, int port, int connectTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.net = new GXNet(NetworkType.TCP, host, port);
        net.setConnectionWaitTime(connectTimeoutMillis);
        net.addListener(this);
    }

    @Override
    public void open() throws IOException {
        try {
            net.open();
        } catch (UnknownHostException e) {
            throw new IOException("unknown host " + host, e);
        } catch (ConnectException e) {
            throw new IOException("cannot connect to " + host + ":" + port + ": connection refused", e);
        } catch (SocketTimeoutException e) {
            throw new IOException("cannot connect to " + host + ":" + port + ": no answer within "
                    + connectTimeoutMillis + " ms", e);
        } catch (IOException e) {
            throw new IOException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IOException("cannot connect to " + host + ":" + port + ": " + e, e);
        }
    }

    @Override
    public void send(byte[] data) throws IOException {
        if (closedByPeer || !net.isOpen()) {
            throw new LinkClosedException("the connection to " + host + ":" + port + " is closed");
        }
        try {
            net.send(data, null);
        } catch (IOException e) {
            throw new LinkClosedException("sending to " + host + ":" + port + " failed: " + e.getMessage());
        } catch (Exception e) {
            throw new IOException("sending to " + host + ":" + port + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] receive(int waitMillis) throws IOException {
        return inbound.poll(waitMillis, "the meter at " + host + ":" + port + " closed the connection");
    }

    @Override
    public void discardInput() {
        inbound.discard();
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }

    @Override
    public void close() {
        // The listener stays registered: GXNet iterates its listener list unguarded on its
        // receive thread, and removing ourselves here races with that (ConcurrentModificationException).
        net.close();
    }

    @Override
    public void onReceived(Object sender, ReceiveEventArgs e) {
        inbound.offer((byte[]) e.getData());
    }

    @Override
    public void onMediaStateChange(Object sender, MediaStateEventArgs e) {
        if (e.getState() == MediaState.CLOSED) {
            closedByPeer = true;
            inbound.closed();
        }
    }

    @Override
    public void onError(Object sender, Exception ex) {
        // The receive thread reports a broken socket here and then closes the media,
        // which onMediaStateChange turns into LinkClosedException for the waiting reader.
    }

    @Override
    public void onTrace(Object sender, TraceEventArgs e) {
        // Frames are traced by the session, with direction and timestamp.
    }

    @Override
    public void onPropertyChanged(Object sender, PropertyChangedEventArgs e) {
        // Not used.
    }
}
