package dlms.xmlclient.simulator;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.RequestTypes;

/**
 * Test-only DLMS client over a plain socket: gurux.dlms builds and parses the frames, this
 * class moves them and follows HDLC segmentation and GET block transfer.
 */
final class TestClient implements AutoCloseable {

    static final int SERVER_ADDRESS = 1;

    private final GXDLMSClient client;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final boolean wrapper;
    private int dataBlocks;

    private TestClient(final int port, final boolean wrapper, final int clientAddress,
            final Authentication authentication, final String password) throws IOException {
        this.wrapper = wrapper;
        this.client = new GXDLMSClient(true, clientAddress, SERVER_ADDRESS, authentication,
                password, wrapper ? InterfaceType.WRAPPER : InterfaceType.HDLC);
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        this.socket.setSoTimeout(5000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static TestClient connect(final MeterSimulator meter, final int clientAddress,
            final Authentication authentication, final String password) throws IOException {
        return new TestClient(meter.port(), meter.isWrapper(), clientAddress, authentication,
                password);
    }

    static TestClient connect(final int port, final boolean wrapper, final int clientAddress,
            final Authentication authentication, final String password) throws IOException {
        return new TestClient(port, wrapper, clientAddress, authentication, password);
    }

    /** Public client 16, no authentication. */
    static TestClient publicClient(final MeterSimulator meter) throws IOException {
        return connect(meter, Associations.PUBLIC_CLIENT, Authentication.NONE, null);
    }

    /** Management client 17, Low authentication with the right password. */
    static TestClient managementClient(final MeterSimulator meter) throws IOException {
        return connect(meter, Associations.MANAGEMENT_CLIENT, Authentication.LOW,
                Associations.LOW_SECRET);
    }

    GXDLMSClient dlms() {
        return client;
    }

    /** Opens HDLC (SNRM/UA) when needed and the application association (AARQ/AARE). */
    TestClient associate() throws Exception {
        if (!wrapper) {
            GXReplyData ua = exchange(client.snrmRequest());
            client.parseUAResponse(ua.getData());
        }
        GXReplyData aare = exchange(client.aarqRequest());
        client.parseAareResponse(aare.getData());
        return this;
    }

    /** @return the reply data of a read, block transfer followed */
    GXReplyData read(final String ln, final ObjectType type, final int attribute)
            throws Exception {
        return exchange(client.read(ln, type, attribute));
    }

    GXReplyData write(final String ln, final ObjectType type, final int attribute,
            final Object value, final DataType dataType) throws Exception {
        return exchange(client.write(ln, value, dataType, type, attribute));
    }

    GXReplyData method(final String ln, final ObjectType type, final int method,
            final Object value, final DataType dataType) throws Exception {
        return exchange(client.method(ln, type, method, value, dataType));
    }

    /** Sends every request frame and returns the reply to the last. */
    GXReplyData exchange(final byte[]... requests) throws Exception {
        GXReplyData reply = null;
        for (byte[] request : requests) {
            reply = new GXReplyData();
            readDataBlock(request, reply);
        }
        return reply;
    }

    private void readDataBlock(final byte[] request, final GXReplyData reply) throws Exception {
        readPacket(request, reply);
        while (reply.isMoreData()) {
            if (reply.getMoreData().contains(RequestTypes.DATABLOCK)) {
                ++dataBlocks;
            }
            readPacket(reply.isStreaming() ? null : client.receiverReady(reply), reply);
        }
    }

    private void readPacket(final byte[] request, final GXReplyData reply) throws Exception {
        if (request != null) {
            out.write(request);
            out.flush();
        }
        GXByteBuffer received = new GXByteBuffer();
        GXReplyData notify = new GXReplyData();
        byte[] buffer = new byte[4096];
        do {
            int count = in.read(buffer);
            if (count < 0) {
                throw new EOFException("meter closed the connection");
            }
            received.set(buffer, 0, count);
        } while (!client.getData(received, reply, notify));
    }

    /** @return how many GET data blocks were asked for after the first one */
    int dataBlocks() {
        return dataBlocks;
    }

    /**
     * @param request bytes to send
     * @param timeoutMillis how long to wait for an answer
     * @return the first bytes received, or null when the meter stayed silent
     */
    byte[] sendExpectingSilence(final byte[] request, final int timeoutMillis)
            throws IOException {
        out.write(request);
        out.flush();
        int saved = socket.getSoTimeout();
        socket.setSoTimeout(timeoutMillis);
        try {
            byte[] buffer = new byte[1024];
            int count = in.read(buffer);
            if (count < 0) {
                return null;
            }
            byte[] data = new byte[count];
            System.arraycopy(buffer, 0, data, 0, count);
            return data;
        } catch (SocketTimeoutException e) {
            return null;
        } finally {
            socket.setSoTimeout(saved);
        }
    }

    /** Releases the association (RLRQ/RLRE) and, with HDLC, disconnects (DISC/UA). */
    void release() throws Exception {
        exchange(client.releaseRequest());
        if (!wrapper) {
            exchange(client.disconnectRequest(true));
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
