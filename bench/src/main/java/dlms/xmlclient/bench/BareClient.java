package dlms.xmlclient.bench;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXDLMSTranslator;
import gurux.dlms.GXReplyData;
import gurux.dlms.TranslatorOutputType;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.ObjectType;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The floor: the Gurux library alone, as a bare loop would use it. A plain socket (Nagle off),
 * {@link GXDLMSClient} framing requests and parsing replies ({@code getData} until complete,
 * {@code receiverReady} for the next segment or block), and {@link GXDLMSTranslator} writing
 * each reply's XML, with the settings our session uses (public client 16, server 1, no
 * authentication, HDLC window 1 and 128-byte information field). No checks, no trace, no
 * timeouts, no retries: what our path adds to this is what the benchmark shows.
 */
final class BareClient implements AutoCloseable {

    private static final int WINDOW = 1;
    private static final int MAX_INFO = 128;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final GXDLMSClient client;
    private final boolean hdlc;
    private final GXDLMSTranslator translator = new GXDLMSTranslator(TranslatorOutputType.SIMPLE_XML);
    private final byte[] buffer = new byte[8192];
    private long bytesReceived;

    private BareClient(Socket socket, boolean wrapper) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.hdlc = !wrapper;
        this.client = new GXDLMSClient(true, 16, 1, Authentication.NONE, null,
                wrapper ? InterfaceType.WRAPPER : InterfaceType.HDLC);
        client.getHdlcSettings().setWindowSizeTX(WINDOW);
        client.getHdlcSettings().setWindowSizeRX(WINDOW);
        client.getHdlcSettings().setMaxInfoTX(MAX_INFO);
        client.getHdlcSettings().setMaxInfoRX(MAX_INFO);
        translator.setHex(false);
        translator.setComments(false);
        translator.setOmitXmlDeclaration(true);
        translator.setOmitXmlNameSpace(true);
    }

    /** Opens the TCP connection to the simulator on the loopback address. */
    static BareClient connect(int port, boolean wrapper) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return new BareClient(socket, wrapper);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** SNRM/UA (HDLC), then AARQ/AARE. */
    void associate() throws Exception {
        if (hdlc) {
            client.parseUAResponse(exchange(new byte[][] {client.snrmRequest()}).getData());
        }
        client.parseAareResponse(exchange(client.aarqRequest()).getData());
    }

    /** Reads one attribute and returns the reply as XML, built from the whole response PDU. */
    String read(String logicalName, ObjectType type, int attribute) throws Exception {
        GXReplyData reply = exchange(client.read(logicalName, type, attribute));
        if (reply.getError() != 0) {
            throw new IOException("the meter answered error " + reply.getError() + " to " + logicalName);
        }
        GXByteBuffer data = reply.getData();
        GXByteBuffer pdu = new GXByteBuffer(data.size() + 4);
        pdu.setUInt8(Command.GET_RESPONSE);
        pdu.setUInt8(1); // get-response-normal
        pdu.setUInt8((int) (reply.getInvokeId() & 0xFF));
        pdu.setUInt8(0); // data
        pdu.set(data.getData(), 0, data.size());
        return translator.pduToXml(pdu.array());
    }

    /** RLRQ/RLRE, then DISC/UA (HDLC). */
    void release() throws Exception {
        exchange(client.releaseRequest());
        if (hdlc) {
            exchange(new byte[][] {client.disconnectRequest(true)});
        }
    }

    /** Bytes read from the socket so far. */
    long bytesReceived() {
        return bytesReceived;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Sends each frame and reads its reply, then asks for the rest (segments, blocks) until complete. */
    private GXReplyData exchange(byte[][] frames) throws Exception {
        GXReplyData reply = new GXReplyData();
        for (byte[] frame : frames) {
            reply.clear();
            sendAndRead(frame, reply);
        }
        while (reply.isMoreData()) {
            sendAndRead(client.receiverReady(reply), reply);
        }
        return reply;
    }

    private void sendAndRead(byte[] frame, GXReplyData reply) throws Exception {
        out.write(frame);
        out.flush();
        GXByteBuffer received = new GXByteBuffer();
        GXReplyData notify = new GXReplyData();
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new EOFException("the simulator closed the connection");
            }
            bytesReceived += n;
            received.set(buffer, 0, n);
            int start = received.position();
            if (client.getData(received, reply, notify)) {
                return;
            }
            received.position(start);
        }
    }
}
