package dlms.xmlclient.simulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXDLMSServer2;
import gurux.dlms.GXReplyData;
import gurux.dlms.GXServerReply;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.Conformance;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.objects.GXDLMSData;

import org.junit.jupiter.api.Test;

/**
 * Why the simulator sends general-block-transfer blocks itself ({@link GbtStreams}): gurux.dlms
 * 4.0.47's own server, asked for a long value by a client with a window of 1, marks every block
 * streaming, and after the last block answers with what is no APDU (docs/developer-notes.md).
 */
class GuruxServerGbtDefectTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    @Test
    void guruxServerMarksTheLastBlockOfAWindowStreamingAndAnswersNonsenseAfterTheLast() throws Exception {
        BareServer server = new BareServer(InterfaceType.WRAPPER);
        GXDLMSData value = new GXDLMSData("0.0.96.1.0.255");
        value.setValue(new byte[4000]); // some four blocks of the 1024-byte max PDU
        server.getItems().add(value);
        server.getSettings().getProposedConformance().add(Conformance.GENERAL_BLOCK_TRANSFER);
        server.initialize();

        GXDLMSClient client = new GXDLMSClient(true, 16, 1, Authentication.NONE, null, InterfaceType.WRAPPER);
        client.getProposedConformance().add(Conformance.GENERAL_BLOCK_TRANSFER);
        client.setGbtWindowSize((byte) 1);
        GXReplyData aare = new GXReplyData();
        client.getData(new GXByteBuffer(serve(server, client.aarqRequest()[0]).get(0)), aare, null);
        client.parseAareResponse(aare.getData());
        assertTrue(client.getNegotiatedConformance().contains(Conformance.GENERAL_BLOCK_TRANSFER));

        List<byte[]> first = serve(server, client.read(value, 2)[0]);
        assertEquals(1, first.size());
        assertEquals("E0 01 00 01 00 00", HEX.formatHex(first.get(0), 8, 14)); // block 1, window 1
        GXReplyData reply = new GXReplyData();
        client.getData(new GXByteBuffer(first.get(0)), reply, null);
        byte[] ack = client.receiverReady(reply);
        assertEquals("E0 81 00 01 00 01 00", HEX.formatHex(ack, 8, ack.length)); // our window: 1
        // The defect: one block per acknowledgement, right for a window of 1, but each with the
        // streaming bit, which says more blocks of the window follow without one: a client that
        // keeps to the Green Book waits for them.
        assertEquals("E0 41 00 02 00 01", only(serve(server, ack), 8, 14));
        assertEquals("E0 41 00 03 00 02", only(serve(server, frame("E0 81 00 02 00 02 00")), 8, 14));
        assertEquals("E0 81 00 04 00 03", only(serve(server, frame("E0 81 00 03 00 03 00")), 8, 14)); // the last
        // Acknowledged after the last block (as a client asking again for it would), it answers
        // with bytes that are no xDLMS APDU, then with an HDLC frame on its WRAPPER port.
        assertEquals("00 01 00 01 00 10 00 04 00 01 C1 09", only(serve(server, frame("E0 81 00 04 00 04 00")), 0, 12));
        assertEquals("7E A0 07 21 03 31 17 21 7E", only(serve(server, frame("E0 81 00 05 00 05 00")), 0, 9));
    }

    /** A WRAPPER frame from client wPort 16 to server wPort 1 carrying {@code apdu}. */
    private static byte[] frame(String apdu) {
        byte[] body = HEX.parseHex(apdu);
        byte[] frame = new byte[8 + body.length];
        System.arraycopy(HEX.parseHex("00 01 00 10 00 01 00"), 0, frame, 0, 7);
        frame[7] = (byte) body.length;
        System.arraycopy(body, 0, frame, 8, body.length);
        return frame;
    }

    /** The bytes {@code from}..{@code to} of the one frame sent. */
    private static String only(List<byte[]> sent, int from, int to) {
        assertEquals(1, sent.size(), "frames sent");
        return HEX.formatHex(sent.get(0), from, to);
    }

    /** Every frame the server sends for one frame received (its streaming loop, as the simulator's port runs it). */
    private static List<byte[]> serve(GXDLMSServer2 server, byte[] frame) throws Exception {
        List<byte[]> sent = new ArrayList<>();
        GXServerReply sr = new GXServerReply(frame);
        do {
            server.handleRequest(sr);
            if (sr.getReply() != null) {
                sent.add(sr.getReply());
            }
            sr.setData(null);
        } while (sr.isStreaming() && sent.size() < 20);
        return sent;
    }

}
