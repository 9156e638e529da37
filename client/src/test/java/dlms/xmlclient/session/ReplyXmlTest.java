package dlms.xmlclient.session;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSTranslator;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Command;
import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
     * items of a GetResponseWithList (its XML-to-PDU side's stray 0x1D is in ListRequestsTest).
     * ListReplyXml writes those replies itself (next test); when an upgrade fixes the translator,
     * this test fails and the work-around in docs/developer-notes.md can go.
     */
    @Test
    void translatorStillDropsErrorItemsOfWithListReplies() {
        // gurux.dlms 4.0.47 alone: the defect our reply XML works around (next test)
        GXDLMSTranslator translator = new GXDLMSTranslator(gurux.dlms.TranslatorOutputType.SIMPLE_XML);
        String xml = translator.pduToXml(GXDLMSTranslator.hexToBytes("C4 03 C1 02 00 09 02 31 32 01 04"));
        assertTrue(xml.contains("GetResponseWithList") && xml.contains("3132"), xml);
        assertFalse(xml.contains("UndefinedObject"), xml);
    }

    @Test
    void withListReplyKeepsEveryItemErrorsIncluded() {
        // C4 get-response, 03 with-list, C1, 02 results: 00 data octet-string "12", 01 data-access-result 04
        String xml = new ReplyXml().pduToXml(GXDLMSTranslator.hexToBytes("C4 03 C1 02 00 09 02 31 32 01 04"));
        assertTrue(xml.matches("(?s).*<Result Qty=\"2\">\\s*<Data>\\s*<OctetString Value=\"3132\" />\\s*</Data>"
                + "\\s*<DataAccessError Value=\"UndefinedObject\" />\\s*</Result>.*"), xml);
    }

    @Test
    void actionWithListReplyShowsEachResultAndReturnParameters() {
        // C7 action-response, 03 with-list, C1, 02 items: 00 success + 01 return-parameters 00 data 11 05;
        // 04 object-undefined + 00 none
        String xml = new ReplyXml().pduToXml(GXDLMSTranslator.hexToBytes("C7 03 C1 02 00 01 00 11 05 04 00"));
        assertTrue(xml.matches("(?s)<ActionResponse>\\s*<ActionResponseWithList>.*<Result Value=\"Success\" />"
                + "\\s*<ReturnParameters>\\s*<Data>\\s*<UInt8 Value=\"5\" />.*"
                + "<Result Value=\"UndefinedObject\" />\\s*</ActionResult>.*"), xml);
    }

    @Test
    void accessReplyShowsEveryDatumAndResult() {
        // DA access-response, 40000001 long-invoke-id, 00 no date-time, 00 no request specification,
        // 03 data: octet-string "A", null-data, null-data; 03 results: get 00, set 00, get 04
        String xml = new ReplyXml().pduToXml(GXDLMSTranslator.hexToBytes(
                "DA 40 00 00 01 00 00 03 09 01 41 00 00 03 01 00 02 00 01 04"));
        assertTrue(xml.contains("<LongInvokeIdAndPriority Value=\"1073741825\" />"), xml);
        assertTrue(xml.matches("(?s).*<AccessResponseListOfData Qty=\"3\">\\s*<OctetString Value=\"41\" />"
                + "\\s*<None />\\s*<None />\\s*</AccessResponseListOfData>.*"), xml);
        assertTrue(xml.matches("(?s).*<AccessResponseGet>\\s*<Result Value=\"Success\" />.*<AccessResponseSet>.*"
                + "<AccessResponseGet>\\s*<Result Value=\"UndefinedObject\" />.*"), xml);
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

    /** A get-response-normal with a long-unsigned 5, after the LLC header, as a meter at {@code physical} sends it. */
    private static byte[] getResponseFrom(int physical, int control, int value) {
        byte[] info = GXDLMSTranslator.hexToBytes("E6 E7 00 C4 01 C1 00 12 00 0" + value);
        return HdlcEncoder.encode(HdlcAddress.of(0x10), new HdlcAddress(1, physical, 4), control, info, false);
    }

    /**
     * The translation kept across meters is keyed without the HDLC addresses, because the
     * library's PDU-only XML of a frame does not show them: checked here with the library itself.
     */
    @Test
    void framesFromMetersAtOtherAddressesShareTheirTranslation() throws Exception {
        byte[] first = getResponseFrom(1001, 0x52, 5);
        byte[] second = getResponseFrom(4711, 0x52, 5);
        assertFalse(Arrays.equals(first, second));
        assertArrayEquals(ReplyXml.withoutAddresses(first), ReplyXml.withoutAddresses(second));
        GXDLMSTranslator translator = PlainTranslator.of(true);
        String xml = translator.messageToXml(first);
        translator.clear();
        assertEquals(xml, translator.messageToXml(second));
        assertTrue(xml.contains("<UInt16 Value=\"5\" />"), xml);
    }

    @Test
    void framesWithAnotherControlFieldOrValueAreTranslatedApart() {
        byte[] key = ReplyXml.withoutAddresses(getResponseFrom(1001, 0x52, 5));
        assertFalse(Arrays.equals(key, ReplyXml.withoutAddresses(getResponseFrom(1001, 0x74, 5))));
        assertFalse(Arrays.equals(key, ReplyXml.withoutAddresses(getResponseFrom(1001, 0x52, 6))));
    }

    @Test
    void aFrameWithAWrongCheckSequenceIsKeyedApartFromTheRightOne() {
        byte[] right = getResponseFrom(1001, 0x52, 5);
        byte[] wrong = right.clone();
        wrong[wrong.length - 2] ^= 0x01; // the FCS
        assertFalse(Arrays.equals(ReplyXml.withoutAddresses(right), ReplyXml.withoutAddresses(wrong)));
    }

    @Test
    void bytesThatAreNotOneWholeHdlcFrameAreKeyedWhole() {
        byte[] wrapper = GXDLMSTranslator.hexToBytes("00 01 00 01 00 10 00 07 C4 01 C1 00 12 00 05");
        assertArrayEquals(wrapper, ReplyXml.withoutAddresses(wrapper));
        byte[] cut = Arrays.copyOf(getResponseFrom(1001, 0x52, 5), 12);
        assertArrayEquals(cut, ReplyXml.withoutAddresses(cut));
    }
}
