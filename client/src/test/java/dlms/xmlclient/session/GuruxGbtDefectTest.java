package dlms.xmlclient.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.media.Medium;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.Conformance;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.RequestTypes;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * gurux.dlms 4.0.47's client with general-block-transfer blocks, and why {@link GbtReception}
 * receives them instead (docs/developer-notes.md). The reply C4 01 C1 00 09 06 31 32 33 34 35 36
 * (an octet string "123456") comes in blocks of 5 bytes; block 2 (06 31 32 33 34) is lost.
 */
class GuruxGbtDefectTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    private static final String BLOCK_1 = "00 01 00 01 00 10 00 0C E0 04 00 01 00 00 05 C4 01 C1 00 09";
    /** Block 3, the last, sent after our acknowledgement of block 1 (block-number-ack 1). */
    private static final String BLOCK_3 = "00 01 00 01 00 10 00 09 E0 84 00 03 00 01 02 35 36";

    @Test
    void guruxJoinsTheBlockAfterAGapAndCallsTheReplyComplete() throws Exception {
        GXDLMSClient client = new GXDLMSClient(true, 16, 1, Authentication.NONE, null, InterfaceType.WRAPPER);
        client.getNegotiatedConformance().add(Conformance.GENERAL_BLOCK_TRANSFER);
        client.setGbtWindowSize((byte) 4);
        GXReplyData reply = new GXReplyData();
        client.getData(new GXByteBuffer(HEX.parseHex(BLOCK_1)), reply, new GXReplyData());
        assertTrue(reply.getMoreData().contains(RequestTypes.GBT));
        assertEquals("00 01 00 10 00 01 00 07 E0 84 00 01 00 01 00", HEX.formatHex(client.receiverReady(reply)));
        boolean complete = client.getData(new GXByteBuffer(HEX.parseHex(BLOCK_3)), reply, new GXReplyData());
        // The defect: block 3 follows block 1, block 2 is missing, and the library neither asks
        // for it nor says so: the reply is "complete", nothing more to ask for, and no value.
        assertTrue(complete);
        assertFalse(reply.isMoreData());
        assertEquals(3, reply.getBlockNumber());
        assertEquals(null, reply.getValue());
    }

    @Test
    void ourReceptionAsksForTheMissingBlockInstead() throws Exception {
        ConnectionSettings settings = new ConnectionSettings(Medium.tcp("meter", 4059), InterfaceType.WRAPPER, true,
                16, 1, Authentication.NONE, null, SecuritySettings.NONE, HdlcParameters.DEFAULT, ReplyLimits.DEFAULT,
                FindingPolicy.FAIL, 4);
        ScriptClient client = new ScriptClient(settings);
        client.gbtGranted(true);
        GbtReception reception = new GbtReception(client, new Trace(null, null), new HdlcSequence());
        GXByteBuffer pending = new GXByteBuffer(HEX.parseHex(BLOCK_1));
        assertEquals("00 01 00 10 00 01 00 07 E0 84 00 01 00 01 00", HEX.formatHex(reception.take(pending, 0, false)));
        pending.set(HEX.parseHex(BLOCK_3));
        // Block 3 is not kept; the acknowledgement names block 1 again, so the meter sends block 2.
        assertEquals("00 01 00 10 00 01 00 07 E0 84 00 02 00 01 00",
                HEX.formatHex(reception.take(pending, pending.position(), false)));
    }
}
