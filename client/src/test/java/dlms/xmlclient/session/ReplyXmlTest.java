package dlms.xmlclient.session;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSTranslator;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Command;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The response PDU a joined reply stands for; pure, no meter needed. */
class ReplyXmlTest {

    private static GXReplyData reply(int command, int invokeId, int error, String dataHex) {
        GXReplyData reply = new GXReplyData();
        reply.setCommand(command);
        reply.setInvokeId(invokeId);
        reply.setError(error);
        reply.setData(new GXByteBuffer(GXDLMSTranslator.hexToBytes(dataHex)));
        return reply;
    }

    private static String hex(byte[] pdu) {
        return GXDLMSTranslator.toHex(pdu);
    }

    @Test
    void joinedGetReplyBecomesGetResponseNormalWithTheWholeValue() {
        byte[] pdu = ReplyXml.joinedPdu(reply(Command.GET_RESPONSE, 0xC1, 0, "01 02 11 01 11 02"), 1, Command.GET_REQUEST);
        assertEquals("C4 01 C1 00 01 02 11 01 11 02", hex(pdu));
    }

    @Test
    void blockTransferEndingInAnErrorKeepsTheDataAccessResult() {
        byte[] pdu = ReplyXml.joinedPdu(reply(Command.GET_RESPONSE, 0xC2, 4, ""), 1, Command.GET_REQUEST);
        assertEquals("C4 01 C2 01 04", hex(pdu));
        String xml = new ReplyXml().pduToXml(pdu);
        assertTrue(xml.contains("<DataAccessError Value=\"UndefinedObject\" />"), xml);
    }

    @Test
    void joinedWithListReplyKeepsEachItemsResult() {
        // two items: octet-string "12", then data-access-result object-undefined
        byte[] pdu = ReplyXml.joinedPdu(reply(Command.GET_RESPONSE, 0xC1, 4, "02 00 09 02 31 32 01 04"), 3, Command.GET_REQUEST);
        assertEquals("C4 03 C1 02 00 09 02 31 32 01 04", hex(pdu));
    }

    /**
     * Known gurux.dlms 4.0.47 defect, kept visible: the translator drops the data-access-result
     * items of a GetResponseWithList (and its XML-to-PDU side puts a stray 0x1D before every
     * descriptor of a GetRequestWithList), so with-list services cannot be scripted yet. When an
     * upgrade fixes this, this test fails and the note in the README goes.
     */
    @Test
    void translatorDropsErrorItemsOfWithListReplies() {
        String xml = new ReplyXml().pduToXml(GXDLMSTranslator.hexToBytes("C4 03 C1 02 00 09 02 31 32 01 04"));
        assertTrue(xml.contains("GetResponseWithList") && xml.contains("3132"), xml);
        assertFalse(xml.contains("UndefinedObject"), xml);
    }

    @Test
    void joinedActionReplyCarriesItsReturnParameters() {
        byte[] pdu = ReplyXml.joinedPdu(reply(Command.METHOD_RESPONSE, 0xC1, 0, "11 05"), 1, Command.METHOD_REQUEST);
        assertEquals("C7 01 C1 00 01 00 11 05", hex(pdu));
        byte[] failed = ReplyXml.joinedPdu(reply(Command.METHOD_RESPONSE, 0xC1, 11, ""), 1, Command.METHOD_REQUEST);
        assertEquals("C7 01 C1 0B 00", hex(failed));
    }

    @Test
    void joinedReplyWhoseCommandTheLibraryClearedIsNamedAfterTheRequest() {
        // On WRAPPER the library leaves command NONE after the last block.
        byte[] pdu = ReplyXml.joinedPdu(reply(Command.NONE, 0xC1, 0, "11 05"), 1, Command.GET_REQUEST);
        assertEquals("C4 01 C1 00 11 05", hex(pdu));
    }
}
