package dlms.xmlclient.simulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXHdlcSettings;
import org.junit.jupiter.api.Test;

/**
 * The meter's own I-frames over HDLC: an APDU after the LLC bytes of a reply, in segments of the
 * negotiated information field, numbered on from the frame gurux.dlms built, and gurux.dlms's
 * counters handed back to go on from them.
 */
class HdlcReplyFramesTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private static String hex(byte[] frame) {
        assertTrue(HdlcDecoder.whole(frame).hasRightFcs(), HEX.formatHex(frame));
        return HEX.formatHex(frame);
    }

    @Test
    void apduGoesInNumberedSegmentsOnePerPollAndGuruxGoesOnFromThem() {
        HdlcReplyFrames frames = new HdlcReplyFrames();
        // gurux.dlms's reply to client 16 (21) from server 1 (03): control 30 = N(R)=1, final, N(S)=0.
        frames.start(HdlcEncoder.encode(HdlcAddress.of(16), HdlcAddress.of(1), 0x30,
                HEX.parseHex("E6 E7 00 E0 08 00 01 00 00 00"), false));
        // An APDU of 10 bytes: with E6 E7 00, 13 bytes of information, in fields of at most 8.
        frames.queue(HEX.parseHex("E0 08 00 01 00 00 04 AA BB CC"), 8);
        // 7E, A8 11 (segmentation bit, 17 bytes), to 21 from 03, control 30, HCS, E6 E7 00 and
        // 5 APDU bytes, FCS, 7E.
        assertTrue(hex(frames.next()).matches("7E A8 11 21 03 30 .. .. E6 E7 00 E0 08 00 01 00 .. .. 7E"));
        assertTrue(frames.hasNext());
        // An RR with N(R)=0 did not get the frame N(S)=0: it goes again; N(R)=1 asks for the next.
        assertTrue(hex(frames.again(0)).matches("7E A8 11 21 03 30 .. .. E6 E7 00 E0 08 00 01 00 .. .. 7E"));
        assertEquals(null, frames.again(1));
        // The last segment, no segmentation bit (A0 0E), control 32 = N(R)=1, final, N(S)=1.
        assertTrue(hex(frames.next()).matches("7E A0 0E 21 03 32 .. .. 00 04 AA BB CC .. .. 7E"));
        assertFalse(frames.hasNext());
        // The client's next I-frame, N(R)=2 N(S)=1 (control 52): the meter's N(R) becomes 2.
        frames.clientFrame(0x52);
        GXHdlcSettings gurux = new GXDLMSClient().getHdlcSettings();
        frames.handBack(gurux);
        // gurux.dlms's next reply adds one to both numbers of its sender byte: N(S)=2 after our
        // 0 and 1, N(R)=3 after the client's request N(S)=2; so 52 (N(R)=2, N(S)=1).
        assertEquals(0x52, gurux.getSenderFrame() & 0xFF);
        // It takes the client's next I-frame when both numbers are one above its receiver byte:
        // N(S)=2 and N(R)=2, so 32 (N(R)=1, N(S)=1).
        assertEquals(0x32, gurux.getReceiverFrame() & 0xFF);
    }
}
