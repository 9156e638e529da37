package dlms.xmlclient.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.media.Medium;
import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.ObjectType;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * General block transfer over HDLC, frame by frame, without a socket: the meter's I-frames (from
 * server 1, address byte 03, to client 16, address byte 21) carry a 12-byte Get-Response-Normal
 * in three blocks, the first in two segments. The client's RRs and acknowledgements are checked
 * byte by byte (their check sequences by the wire module's FCS), and gurux.dlms then reads the
 * joined reply and frames the next request with the numbers the meter expects.
 */
class HdlcGbtFramesTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    private static final HdlcAddress CLIENT = HdlcAddress.of(16);
    private static final HdlcAddress SERVER = HdlcAddress.of(1);

    private final ScriptClient client = client(1);
    private final HdlcSequence sequence = new HdlcSequence();
    private final GbtReception reception = new GbtReception(client, new Trace(null, null), sequence);
    private final GXByteBuffer pending = new GXByteBuffer();

    private static ScriptClient client(int window) {
        ConnectionSettings settings = new ConnectionSettings(Medium.tcp("meter", 4059), InterfaceType.HDLC, true,
                16, 1, Authentication.NONE, null, SecuritySettings.NONE, HdlcParameters.DEFAULT, ReplyLimits.DEFAULT,
                FindingPolicy.FAIL, window);
        ScriptClient client = new ScriptClient(settings);
        client.gbtGranted(true);
        return client;
    }

    /** A meter I-frame: control field as given, information as given, segmentation bit as given. */
    private static byte[] meterFrame(int control, String information, boolean segmented) {
        return HdlcEncoder.encode(CLIENT, SERVER, control, HEX.parseHex(information), segmented);
    }

    /** Takes a frame as the reply reader does, and notes what the client sends back. */
    private byte[] take(byte[] frame, boolean windowOpen) throws SessionException {
        pending.set(frame);
        byte[] reply = reception.take(pending, pending.position(), windowOpen);
        if (reply != null && reply.length > 0) {
            sequence.sent(reply);
        }
        return reply;
    }

    /** The Get the library frames first: N(S)=0 N(R)=0, noted by the session as sent. */
    private void sendRequest() throws Exception {
        client.snrmRequest(); // the library's sequence starts again, as after a real SNRM
        sequence.sent(HEX.parseHex("7E A0 07 03 21 93 00 00 7E")); // SNRM: both sides from 0
        byte[] get = client.read("0.0.40.0.0.255", ObjectType.ASSOCIATION_LOGICAL_NAME, 2)[0];
        assertEquals(0x10, get[5] & 0xFF, "gurux.dlms's Get: N(R)=0, poll, N(S)=0");
        sequence.sent(get);
    }

    private static void assertFrame(String expected, byte[] frame) {
        String hex = HEX.formatHex(frame);
        assertTrue(hex.matches(expected), hex + " is not " + expected);
        assertTrue(HdlcFrames.hasRightFcs(frame, 0, frame.length), "check sequences of " + hex);
    }

    @Test
    void segmentsArePolledBlocksAcknowledgedAndTheLibraryGoesOnFromTheFramesItDidNotSee() throws Exception {
        sendRequest();
        // Block 1: E0, block-control 08 (window 8), block-number 1, ack 0, 5 bytes of data
        // (C4 01 C1 00 09); after the LLC bytes E6 E7 00 it is 14 bytes, in two segments.
        // Segment 1: control 30 = N(R)=1, final, N(S)=0; segmentation bit set (A8).
        byte[] rr = take(meterFrame(0x30, "E6 E7 00 E0 08 00 01 00 00 05", true), false);
        // RR: 7E, format A0 07, to server 03, from client 21, control 31 = N(R)=1, poll, RR; FCS; 7E.
        assertFrame("7E A0 07 03 21 31 .. .. 7E", rr);
        // Segment 2: control 32 = N(R)=1, final, N(S)=1: the rest of block 1 (C4 01 C1 00 09).
        byte[] ack = take(meterFrame(0x32, "C4 01 C1 00 09", false), false);
        // The acknowledgement in an I-frame: format A0 13 (19 bytes), control 52 = N(R)=2, poll,
        // N(S)=1; HCS; E6 E6 00 (LLC, command); E0 81 00 01 00 01 00 (last-block bit, our window 1,
        // our block 1, block 1 acknowledged, no data); FCS; 7E.
        assertFrame("7E A0 13 03 21 52 .. .. E6 E6 00 E0 81 00 01 00 01 00 .. .. 7E", ack);
        // Block 2 in one frame (control 54 = N(R)=2, N(S)=2): 06 01 02 03 04.
        ack = take(meterFrame(0x54, "E6 E7 00 E0 08 00 02 00 01 05 06 01 02 03 04", false), false);
        assertFrame("7E A0 13 03 21 74 .. .. E6 E6 00 E0 81 00 02 00 02 00 .. .. 7E", ack);
        // Block 3, the last (block-control 88), control 76 = N(R)=3, N(S)=3: 05 06.
        assertArrayEquals(new byte[0], take(meterFrame(0x76, "E6 E7 00 E0 88 00 03 00 02 02 05 06", false),
                false));
        // The joined reply for the library, in a WRAPPER frame: 00 01, from 1 to 16, 12 bytes.
        assertTrue(reception.handingOver());
        assertEquals("00 01 00 01 00 10 00 0C C4 01 C1 00 09 06 01 02 03 04 05 06",
                HEX.formatHex(pending.subArray(pending.position(), pending.available())));
        GXReplyData reply = new GXReplyData();
        assertTrue(client.readFrame(pending, reply, new GXReplyData()));
        assertArrayEquals(HEX.parseHex("01 02 03 04 05 06"), (byte[]) reply.getValue());
        assertEquals(0, pending.available());
        // gurux.dlms frames the next Get as N(S)=3 (after our 0, 1, 2) and N(R)=4 (after the
        // meter's 0..3): control 96.
        byte[] next = client.read("0.0.40.0.0.255", ObjectType.ASSOCIATION_LOGICAL_NAME, 2)[0];
        assertEquals(0x96, next[5] & 0xFF, HEX.formatHex(next));
        // And takes the meter's answer to it, control 98 = N(R)=4, final, N(S)=4.
        GXByteBuffer answer = new GXByteBuffer(meterFrame(0x98, "E6 E7 00 C4 01 C1 00 11 07", false));
        GXReplyData second = new GXReplyData();
        assertTrue(client.readFrame(answer, second, new GXReplyData()));
        assertEquals((short) 7, ((Number) second.getValue()).shortValue());
    }

    @Test
    void noFrameIsSentBeforeTheFinalFrameOfTheMetersWindow() throws Exception {
        ScriptClient windowOfFour = client(4);
        HdlcSequence numbers = new HdlcSequence();
        GbtReception streamed = new GbtReception(windowOfFour, new Trace(null, null), numbers);
        windowOfFour.snrmRequest();
        numbers.sent(HEX.parseHex("7E A0 07 03 21 93 00 00 7E"));
        numbers.sent(windowOfFour.read("0.0.40.0.0.255", ObjectType.ASSOCIATION_LOGICAL_NAME, 2)[0]);
        // Segment 1 of block 1 (block-control 48: streaming, window 8) came with the final bit
        // clear (20 on the wire: N(R)=1, N(S)=0); the reply reader set it for the library (30)
        // and says the meter's HDLC window is open: nothing is sent, not even an RR.
        pending.set(meterFrame(0x30, "E6 E7 00 E0 48 00 01 00 00 05", true));
        assertArrayEquals(new byte[0], streamed.take(pending, pending.position(), true));
        pending.set(meterFrame(0x32, "C4 01 C1 00 09", false));
        assertArrayEquals(new byte[0], streamed.take(pending, pending.position(), true));
        // Block 2 ends the GBT window, in the final frame: now the acknowledgement of blocks 1
        // and 2 (E0 84: last-block bit, our window 4; our block 1; ack 2), N(R)=3, poll, N(S)=1.
        pending.set(meterFrame(0x54, "E6 E7 00 E0 08 00 02 00 01 05 06 01 02 03 04", false));
        byte[] ack = streamed.take(pending, pending.position(), false);
        assertFrame("7E A0 13 03 21 72 .. .. E6 E6 00 E0 84 00 01 00 02 00 .. .. 7E", ack);
    }

    @Test
    void firstSegmentOfABlockWithoutGeneralBlockTransferGrantedIsADeviation() throws Exception {
        client.gbtGranted(false);
        sendRequest();
        pending.set(meterFrame(0x30, "E6 E7 00 E0 08 00 01 00 00 05", true));
        SessionException e = org.junit.jupiter.api.Assertions.assertThrows(SessionException.class,
                () -> reception.take(pending, 0, false));
        assertEquals("the meter breaks general block transfer: a general-block-transfer APDU arrived, but the AARE"
                + " did not grant general block transfer (expected an ordinary reply)", e.getMessage());
    }

    @Test
    void otherIFramesAreLeftToTheLibrary() throws Exception {
        sendRequest();
        pending.set(meterFrame(0x30, "E6 E7 00 C4 01 C1 00 11 07", false));
        assertEquals(null, reception.take(pending, 0, false));
    }
}
