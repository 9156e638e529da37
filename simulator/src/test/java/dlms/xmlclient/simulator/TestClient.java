package dlms.xmlclient.simulator;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;

import dlms.xmlclient.wire.line.SerialLine;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.transport.Frames;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.RequestTypes;
import gurux.dlms.enums.Security;
import gurux.dlms.internal.GXCommon;
import gurux.dlms.internal.GXDataInfo;
import gurux.dlms.secure.GXDLMSSecureClient;

/**
 * Test-only DLMS client over a plain socket, UDP datagrams or a serial line (see
 * {@link TestWire}): gurux.dlms builds and parses the frames, this class moves them and follows
 * HDLC segmentation and GET/READ block transfer.
 */
public final class TestClient implements AutoCloseable {

    static final int SERVER_ADDRESS = 1;
    /** How long a reply may take. */
    static final int REPLY_MILLIS = 5000;
    /** The documented keys, written out here so that a change in DeviceKeys is noticed. */
    static final byte[] CLIENT_SYSTEM_TITLE = "ABCDEFGH".getBytes();
    static final byte[] BLOCK_CIPHER_KEY = gurux.common.GXCommon.hexToBytes(
            "000102030405060708090A0B0C0D0E0F");
    static final byte[] AUTHENTICATION_KEY = gurux.common.GXCommon.hexToBytes(
            "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");

    /** ReadResponse choice data-block-result. */
    private static final int READ_DATA_BLOCK_RESULT = 2;
    private final GXDLMSClient client;
    private final TestWire wire;
    private final boolean wrapper;
    private int dataBlocks;

    private TestClient(TestWire wire, boolean wrapper, GXDLMSClient client) {
        this.wrapper = wrapper;
        this.client = client;
        this.wire = wire;
    }

    /** A client of the meter's referencing and framing, over TCP or UDP as the meter serves. */
    static TestClient connect(MeterSimulator meter, int clientAddress,
            Authentication authentication, String password) throws IOException {
        return over(meter, dlms(meter, clientAddress, authentication, password));
    }

    /** The given gurux.dlms client, over TCP or UDP as the meter serves. */
    static TestClient over(MeterSimulator meter, GXDLMSClient client)
            throws IOException {
        TestWire wire = meter.isUdp() ? TestWire.udp(meter.port())
                : TestWire.tcp(InetAddress.getLoopbackAddress(), meter.port());
        return new TestClient(wire, meter.isWrapper(), client);
    }

    /** An HDLC client on a serial line; closing it closes the line. */
    static TestClient serial(SerialLine line, GXDLMSClient client) {
        return new TestClient(TestWire.serial(line), false, client);
    }

    /** @return a gurux.dlms client for the meter's referencing and framing, server address 1 */
    static GXDLMSSecureClient dlms(MeterSimulator meter, int clientAddress,
            Authentication authentication, String password) {
        return new GXDLMSSecureClient(!meter.isShortNames(), clientAddress, SERVER_ADDRESS,
                authentication, password, interfaceType(meter.isWrapper()));
    }

    static TestClient connect(int port, boolean wrapper, int clientAddress,
            Authentication authentication, String password) throws IOException {
        return new TestClient(TestWire.tcp(InetAddress.getLoopbackAddress(), port), wrapper,
                new GXDLMSSecureClient(true, clientAddress, SERVER_ADDRESS, authentication,
                        password, interfaceType(wrapper)));
    }

    /**
     * A public HDLC client (no authentication) over TCP to the meter of a port with that serial
     * number, addressed as Gurux clients do with {@code -n SERIAL}: logical device 1, physical
     * address by the DLMS formula of gurux.dlms itself.
     */
    static TestClient bySerialNumber(int port, long serialNumber)
            throws IOException {
        return new TestClient(TestWire.tcp(InetAddress.getLoopbackAddress(), port), false,
                new GXDLMSSecureClient(true, Associations.PUBLIC_CLIENT,
                        GXDLMSClient.getServerAddress((int) serialNumber), Authentication.NONE,
                        null, InterfaceType.HDLC));
    }

    /** A public WRAPPER client (no authentication) over UDP to a port on the loopback address. */
    static TestClient udp(int port, int clientAddress) throws IOException {
        return new TestClient(TestWire.udp(port), true, new GXDLMSSecureClient(true,
                clientAddress, SERVER_ADDRESS, Authentication.NONE, null, InterfaceType.WRAPPER));
    }

    /** A client connecting to the meter through the given local address. */
    static TestClient connect(MeterSimulator meter, int clientAddress,
            Authentication authentication, String password,
            InetAddress address) throws IOException {
        return new TestClient(TestWire.tcp(address, meter.port()), meter.isWrapper(),
                dlms(meter, clientAddress, authentication, password));
    }

    /**
     * A client configured like a real one for a ciphered association: authenticated and
     * encrypted APDUs, the documented keys and system title, frame counter {@code counter}.
     */
    static TestClient ciphered(MeterSimulator meter, int clientAddress,
            Authentication authentication, String secret, long counter)
            throws IOException {
        GXDLMSSecureClient client = new GXDLMSSecureClient(true, clientAddress, SERVER_ADDRESS,
                authentication, secret, interfaceType(meter.isWrapper()));
        client.getCiphering().setSecurity(Security.AUTHENTICATION_ENCRYPTION);
        client.getCiphering().setSystemTitle(CLIENT_SYSTEM_TITLE.clone());
        client.getCiphering().setBlockCipherKey(BLOCK_CIPHER_KEY.clone());
        client.getCiphering().setAuthenticationKey(AUTHENTICATION_KEY.clone());
        client.getCiphering().setInvocationCounter(counter);
        return over(meter, client);
    }

    static InterfaceType interfaceType(boolean wrapper) {
        return wrapper ? InterfaceType.WRAPPER : InterfaceType.HDLC;
    }

    /** Public client 16, no authentication. */
    public static TestClient publicClient(MeterSimulator meter) throws IOException {
        return connect(meter, Associations.PUBLIC_CLIENT, Authentication.NONE, null);
    }

    /** Management client 17, Low authentication with the right password. */
    public static TestClient managementClient(MeterSimulator meter) throws IOException {
        return connect(meter, Associations.MANAGEMENT_CLIENT, Authentication.LOW,
                Associations.LOW_SECRET);
    }

    GXDLMSClient dlms() {
        return client;
    }

    /** @return the ciphering settings of a client made by {@link #ciphered} */
    gurux.dlms.secure.GXCiphering ciphering() {
        return ((GXDLMSSecureClient) client).getCiphering();
    }

    /**
     * Opens HDLC (SNRM/UA) when needed and the application association (AARQ/AARE), with HLS
     * also the challenge exchange (reply_to_HLS_authentication).
     */
    public TestClient associate() throws Exception {
        aarq();
        if (client.getIsAuthenticationRequired()) {
            GXReplyData hls = exchange(client.getApplicationAssociationRequest());
            client.parseApplicationAssociationResponse(hls.getData());
        }
        return this;
    }

    /**
     * Opens HDLC (SNRM/UA) when needed and sends the AARQ; with HLS the association then waits
     * for {@code dlms().getApplicationAssociationRequest()}.
     */
    TestClient aarq() throws Exception {
        if (!wrapper) {
            GXReplyData ua = exchange(client.snrmRequest());
            client.parseUAResponse(ua.getData());
        }
        GXReplyData aare = exchange(client.aarqRequest());
        client.parseAareResponse(aare.getData());
        return this;
    }

    /**
     * @param name logical name, or with short names the base name (an Integer)
     * @return the reply data of a read, block transfer followed
     */
    public GXReplyData read(Object name, ObjectType type, int attribute)
            throws Exception {
        return exchange(client.read(name, type, attribute));
    }

    GXReplyData write(Object ln, ObjectType type, int attribute,
            Object value, DataType dataType) throws Exception {
        return exchange(client.write(ln, value, dataType, type, attribute));
    }

    public GXReplyData method(Object ln, ObjectType type, int method,
            Object value, DataType dataType) throws Exception {
        return exchange(client.method(ln, type, method, value, dataType));
    }

    /** Sends every request frame and returns the reply to the last. */
    GXReplyData exchange(byte[]... requests) throws Exception {
        GXReplyData reply = null;
        for (byte[] request : requests) {
            reply = new GXReplyData();
            readDataBlock(request, reply);
        }
        return reply;
    }

    private void readDataBlock(byte[] request, GXReplyData reply) throws Exception {
        readPacket(request, reply);
        while (reply.isMoreData()) {
            if (reply.getMoreData().contains(RequestTypes.DATABLOCK)) {
                ++dataBlocks;
            }
            readPacket(reply.isStreaming() ? null : client.receiverReady(reply), reply);
        }
        if (!client.getUseLogicalNameReferencing()
                && reply.getCommandType() == READ_DATA_BLOCK_RESULT) {
            readJoinedResults(reply);
        }
    }

    /**
     * Work-around (gurux.dlms 4.0.47): its client reads the joined raw-data of ReadResponse
     * data blocks as one Data value (its server's form); the simulator sends the Green Book's,
     * the whole list of results: number, then tag and content per result (ShortNameWireTest,
     * ShortNameBlocksTest). Read here: the value of the one result, or its error.
     */
    private static void readJoinedResults(GXReplyData reply) {
        GXByteBuffer raw = new GXByteBuffer(reply.getData().subArray(0, reply.getData().size()));
        if (GXCommon.getObjectCount(raw) != 1) {
            throw new IllegalStateException("one result expected");
        }
        if (raw.getUInt8() == 0) {
            reply.setValue(GXCommon.getData(null, raw, new GXDataInfo()));
        } else {
            reply.setError(raw.getUInt8());
            reply.setValue(null);
        }
    }

    private void readPacket(byte[] request, GXReplyData reply) throws Exception {
        if (request != null) {
            wire.send(request);
        }
        GXByteBuffer received = new GXByteBuffer();
        GXReplyData notify = new GXReplyData();
        do {
            byte[] chunk = wire.receive(REPLY_MILLIS);
            if (chunk == null) {
                throw new SocketTimeoutException("no reply within " + REPLY_MILLIS + " ms");
            }
            received.set(chunk);
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
    byte[] sendExpectingSilence(byte[] request, int timeoutMillis)
            throws IOException {
        wire.send(request);
        try {
            return wire.receive(timeoutMillis);
        } catch (EOFException e) {
            return null;
        }
    }

    /**
     * @param timeoutMillis how long to wait
     * @return the next bytes received, null when nothing came in time
     * @throws EOFException when the meter closed the connection
     */
    byte[] receive(int timeoutMillis) throws IOException {
        return wire.receive(timeoutMillis);
    }

    /**
     * Sends one request frame as it is and returns the reply frame as it came, unparsed.
     *
     * @param request a whole frame
     * @return the whole reply frame
     */
    byte[] rawExchange(byte[] request) throws IOException {
        wire.send(request);
        GXByteBuffer received = new GXByteBuffer();
        while (!Frames.isWhole(received.array(), wrapper)) {
            byte[] chunk = wire.receive(REPLY_MILLIS);
            if (chunk == null) {
                throw new SocketTimeoutException("no reply within " + REPLY_MILLIS + " ms");
            }
            received.set(chunk);
        }
        return received.array();
    }

    /**
     * WRAPPER only: sends an APDU as it is, from the client's address to the meter's, and
     * returns the APDU of the reply frame, unparsed.
     *
     * @param apdu a plain request APDU
     * @return the reply's APDU
     */
    byte[] apduExchange(byte[] apdu) throws IOException {
        if (!wrapper) {
            throw new IllegalStateException("raw APDUs are sent over WRAPPER");
        }
        int clientAddress = client.getClientAddress();
        byte[] frame = new byte[8 + apdu.length];
        frame[1] = 1; // version 1
        frame[2] = (byte) (clientAddress >>> 8);
        frame[3] = (byte) clientAddress;
        frame[5] = SERVER_ADDRESS;
        frame[6] = (byte) (apdu.length >>> 8);
        frame[7] = (byte) apdu.length;
        System.arraycopy(apdu, 0, frame, 8, apdu.length);
        return WireApdu.of(rawExchange(frame), true);
    }

    /**
     * Sends one request frame and returns the reply frame as it came, which gurux.dlms then
     * parses too, so that the HDLC sequence numbers and the ciphering stay in step.
     *
     * @param request a whole frame
     * @return the whole reply frame
     */
    byte[] exchangeKeepingFrame(byte[] request) throws Exception {
        byte[] frame = rawExchange(request);
        client.getData(new GXByteBuffer(frame), new GXReplyData(), new GXReplyData());
        return frame;
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
        wire.close();
    }
}
