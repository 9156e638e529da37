package dlms.xmlclient.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXDLMSTranslator;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.InterfaceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A block-transferred ReadResponse (short names) joined by the client: the data blocks go
 * through gurux.dlms's own client as WRAPPER frames, as they would off the wire, and the PDU the
 * client rebuilds from what it joined is checked byte for byte.
 */
class ShortNameBlocksTest {

    private static final int CLIENT = 16;
    private static final int SERVER = 1;

    /** @return the reply gurux.dlms's client made of these ReadResponse APDUs, in order */
    private static ReceivedReply joined(String... apdus) throws Exception {
        GXDLMSClient client = new GXDLMSClient(false, CLIENT, SERVER, Authentication.NONE, null,
                InterfaceType.WRAPPER);
        ReceivedReply received = new ReceivedReply(InterfaceType.WRAPPER);
        received.requestCommand = Command.READ_REQUEST;
        received.joined = true;
        for (String apdu : apdus) {
            byte[] pdu = GXDLMSTranslator.hexToBytes(apdu);
            GXByteBuffer frame = new GXByteBuffer();
            frame.setUInt16(1); // WRAPPER version
            frame.setUInt16(SERVER);
            frame.setUInt16(CLIENT);
            frame.setUInt16(pdu.length);
            frame.set(pdu);
            received.apdus.frame(frame.array());
            assertTrue(client.getData(frame, received.data, new GXReplyData()), apdu);
        }
        assertFalse(received.data.isMoreData(), "the last block ends the reply");
        return received;
    }

    private static String pdu(ReceivedReply received) {
        return GXDLMSTranslator.toHex(ReplyXml.plainPdu(received));
    }

    @Test
    void standardBlocksJoinToTheReadResponseTheirRawDataEncodes() throws Exception {
        // raw-data 01 00 01 03 11 01 11 02 11 03: one result, data, array {1, 2, 3}
        ReceivedReply received = joined("0C 01 02 00 00 01 05 01 00 01 03 11",
                "0C 01 02 01 00 02 05 01 11 02 11 03");
        assertEquals("0C 01 00 01 03 11 01 11 02 11 03", pdu(received));
        String xml = ReplyXml.of(received);
        assertTrue(xml.contains("<Array Qty=\"3\" >") && xml.contains("<UInt8 Value=\"3\" />"), xml);
        assertFalse(xml.contains("deviation"), xml);
    }

    @Test
    void standardBlocksOfTwoResultsKeepBothResults() throws Exception {
        // raw-data 02 00 11 05 01 04: two results, unsigned 5, then object-undefined
        ReceivedReply received = joined("0C 01 02 00 00 01 03 02 00 11",
                "0C 01 02 01 00 02 03 05 01 04");
        assertEquals("0C 02 00 11 05 01 04", pdu(received));
    }

    /** gurux.dlms's own server sends the value alone: read as one result, named a deviation. */
    @Test
    void oldFormIsReadAsOneResultAndNamedAsADeviation() throws Exception {
        ReceivedReply received = joined("0C 01 02 00 00 01 04 01 03 11 01",
                "0C 01 02 01 00 02 04 11 02 11 03");
        assertEquals("0C 01 00 01 03 11 01 11 02 11 03", pdu(received));
        String xml = ReplyXml.of(received);
        assertTrue(xml.contains("<Array Qty=\"3\" >"), xml);
        assertEquals(List.of(ShortNameBlocks.DEVIATION), EncodingCheck.findings(received));
    }

    @Test
    void aReadResponseInOneApduIsNotTakenForBlocks() throws Exception {
        ReceivedReply received = joined("0C 01 00 01 03 11 01 11 02 11 03");
        assertEquals("0C 01 00 01 03 11 01 11 02 11 03", pdu(received));
    }

    @Test
    void bytesThatAreNeitherFormAreLeftAsTheyCame() {
        byte[] truncated = GXDLMSTranslator.hexToBytes("01 00 01 03 11 01");
        assertFalse(ShortNameBlocks.isResultList(truncated));
        assertFalse(ShortNameBlocks.isOldForm(truncated));
        assertEquals("0C 01 00 01 03 11 01",
                GXDLMSTranslator.toHex(ShortNameBlocks.readResponse(new GXByteBuffer(truncated))));
        int levels = AxdrReader.MAX_DEPTH + 10;
        byte[] deep = new byte[2 * levels + 1];
        for (int i = 0; i < levels; ++i) {
            deep[2 * i] = 1; // array of one, nested past the limit
            deep[2 * i + 1] = 1;
        }
        assertEquals(-1, AxdrReader.dataEnd(deep, 0), "nesting past the limit is not walked");
    }
}
