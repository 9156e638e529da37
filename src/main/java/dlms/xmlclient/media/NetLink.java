package dlms.xmlclient.media;

import gurux.net.GXNet;
import gurux.net.enums.NetworkType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * TCP through gurux.net's {@link GXNet}. GXNet is used in its event mode: its receive thread
 * hands every chunk to a {@link ChunkQueue}, so the session can wait for bytes
 * with its own timeout instead of GXNet's end-of-packet search (which cannot tell a WRAPPER
 * frame's end and keeps copying its buffer).
 */
public final class NetLink implements Link {

    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private final ChunkQueue inbound = new ChunkQueue();
    private final GXNet net;

    public NetLink(String host, int port, int connectTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.net = new GXNet(NetworkType.TCP, host, port);
        net.setConnectionWaitTime(connectTimeoutMillis);
        net.addListener(inbound);
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
        if (inbound.isClosed() || !net.isOpen()) {
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
}
