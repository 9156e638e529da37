package dlms.xmlclient.simulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import gurux.dlms.GXDLMSServer2;
import gurux.dlms.GXServerReply;
import gurux.dlms.enums.InterfaceType;

import org.junit.jupiter.api.Test;

/**
 * Why the simulator answers some HDLC frames itself ({@link FrameRejects}): gurux.dlms 4.0.47's
 * own server never sends FRMR or DM where IEC 62056-46 wants them (docs/developer-notes.md).
 */
class GuruxServerHdlcDefectTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private static byte[] frame(int control, byte[] info) {
        return HdlcEncoder.encode(HdlcAddress.of(1), HdlcAddress.of(16), control, info, false);
    }

    /** The server's answer to one frame, or "nothing". */
    private static String serve(GXDLMSServer2 server, byte[] frame) throws Exception {
        GXServerReply sr = new GXServerReply(frame);
        server.handleRequest(sr);
        return sr.getReply() == null ? "nothing" : HEX.formatHex(sr.getReply());
    }

    @Test
    void guruxServerAnswersAnUnimplementedControlFieldWithAnIFrameAndATooLongOneWithNothingButCountsIt() throws Exception {
        BareServer server = new BareServer(InterfaceType.HDLC);
        server.initialize();
        // Link down: UP (33) with the poll bit should get DM; gurux.dlms sends an I-frame with an
        // exception-response (D8 02 02) and no LLC bytes.
        assertEquals("7E A0 0C 21 03 30 8B F0 D8 02 02 18 96 7E", serve(server, frame(0x33, null)));
        server.reset();
        assertEquals("73", serve(server, frame(0x93, null)).substring(15, 17)); // SNRM: UA
        // Link up: FRMR with the W bit is due; again the I-frame, counted as an I-frame received.
        assertEquals("7E A0 0C 21 03 30 8B F0 D8 02 02 18 96 7E", serve(server, frame(0x33, null)));
        server.reset();
        serve(server, frame(0x93, null));
        // An information field of 129 bytes, one more than the UA allows: FRMR with the Y bit is
        // due; gurux.dlms says nothing, yet counts the frame received: the next RR acknowledges
        // it (RR, N(R) = 1).
        byte[] tooLong = new byte[129];
        tooLong[0] = (byte) 0xE6;
        tooLong[1] = (byte) 0xE6;
        assertEquals("nothing", serve(server, frame(0x10, tooLong)));
        assertEquals("7E A0 07 21 03 31 17 21 7E", serve(server, frame(0x11, null)));
    }

    /**
     * Why {@link ReadFrames} splits a read: given an SNRM and a DISC in one buffer, gurux.dlms
     * 4.0.47 answers the SNRM and drops the DISC with the rest of its buffer; the next call, with
     * nothing new, answers nothing. When an upgrade fixes it, this test fails and the split can go.
     */
    @Test
    void guruxServerServesTheFirstFrameOfABufferAndDropsTheRest() throws Exception {
        BareServer server = new BareServer(InterfaceType.HDLC);
        server.initialize();
        byte[] snrm = frame(0x93, null);
        byte[] disc = frame(0x53, null);
        byte[] both = new byte[snrm.length + disc.length];
        System.arraycopy(snrm, 0, both, 0, snrm.length);
        System.arraycopy(disc, 0, both, snrm.length, disc.length);
        assertEquals("73", serve(server, both).substring(15, 17)); // UA to the SNRM
        assertEquals("nothing", serve(server, new byte[0])); // the DISC is gone
    }
}
