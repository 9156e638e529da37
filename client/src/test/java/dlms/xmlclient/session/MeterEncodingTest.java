package dlms.xmlclient.session;

import gurux.common.GXCommon;
import gurux.dlms.GXDLMSTranslator;
import gurux.dlms.TranslatorOutputType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure tier: the meter's bytes judged by the client itself, from captured hex. */
class MeterEncodingTest {

    /** The xDLMS InitiateResponse our simulator sends: 14 bytes. */
    private static final String INITIATE_RESPONSE = "08 00 06 5F 1F 04 00 00 10 1D 04 00 00 07";
    private static final String LN_AARQ = "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04"
            + " 00 00 7E 1F 04 B0";

    private static byte[] hex(String s) {
        return GXCommon.hexToBytes(s);
    }

    @Test
    void theReleaseResponseOfGurux4047IsNamedByBothLengthsThatDisagree() throws Exception {
        // gurux.dlms 4.0.47 GXDLMSServerBase.handleReleaseRequest writes tmp.length+3 and +1.
        byte[] rlre = hex("63 11 80 01 00 BE 0F 04 0E " + INITIATE_RESPONSE);
        List<String> findings = AcseApdu.parse(rlre).findings();
        assertEquals("RLRE: its length (byte 1) says 17 bytes, 21 follow", findings.get(0));
        assertEquals("RLRE: user-information (BE) at byte 5 says 15 bytes, its content (04 of 14 bytes) takes 16",
                findings.get(1));
    }

    @Test
    void aWellFormedReleaseResponseHasNoFindings() throws Exception {
        AcseApdu rlre = AcseApdu.parse(hex("63 15 80 01 00 BE 10 04 0E " + INITIATE_RESPONSE));
        assertEquals(List.of(), rlre.findings());
        assertEquals(0, rlre.reason());
    }

    @Test
    void anAareIsReadFieldByField() throws Exception {
        AcseApdu aare = AcseApdu.parse(hex("61 42 A1 09 06 07 60 85 74 05 08 01 03 A2 03 02 01 00 A3 05 A1 03 02 01"
                + " 0E A4 0A 04 08 47 52 58 31 32 33 34 35 88 02 07 80 89 07 60 85 74 05 08 02 05 AA 12 80 10 31 32"
                + " 33 34 35 36 37 38 39 30 31 32 33 34 35 36"));
        assertEquals(3, aare.applicationContext());
        assertEquals(0, aare.result());
        assertEquals(0xA1, aare.diagnosticSource());
        assertEquals(14, aare.diagnostic());
        assertEquals(5, aare.mechanism());
        assertArrayEquals("1234567890123456".getBytes(), aare.respondingAuthenticationValue());
    }

    @Test
    void anAcceptedAareIsNeverCalledRejectedAndAnotherContextIsNamedInWords() {
        byte[] aare = hex("61 29 A1 09 06 07 60 85 74 05 08 01 03 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E "
                + INITIATE_RESPONSE);
        SessionException e = assertThrows(SessionException.class, () -> {
            AareCheck.Accepted accepted = AareCheck.judge(hex(LN_AARQ), aare, AssociationFailureTest.LOW);
            throw new SessionException(SessionException.Kind.ASSOCIATE, accepted.findings().get(0));
        });
        assertEquals("the AARE accepts with application context logical-name-with-ciphering (3), the AARQ proposed"
                + " logical-name (1)", e.getMessage());
    }

    @Test
    void anSnAssociationAnsweredWithTheLnVaaNameIsAFinding() throws Exception {
        // jDLMS 1.7.1's server answers an SN AARQ with vaa-name 0007.
        byte[] snAarq = hex(LN_AARQ.replace("08 01 01", "08 01 02"));
        byte[] aare = hex("61 29 A1 09 06 07 60 85 74 05 08 01 02 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E "
                + INITIATE_RESPONSE);
        assertEquals(List.of("the AARE's InitiateResponse names vaa-name 0007, a short-name association's is FA00"),
                AareCheck.judge(snAarq, aare, AssociationFailureTest.LOW).findings());
        byte[] right = hex("61 29 A1 09 06 07 60 85 74 05 08 01 02 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E "
                + INITIATE_RESPONSE.replace("00 00 07", "00 FA 00"));
        assertEquals(List.of(), AareCheck.judge(snAarq, right, AssociationFailureTest.LOW).findings());
    }

    @Test
    void hlsGrantedWithoutAChallengeIsAnError() {
        String gmacAarq = "60 36 A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 05 AC 0A 80 08"
                + " 31 32 33 34 35 36 37 38 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0";
        byte[] aare = hex("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E "
                + INITIATE_RESPONSE);
        SessionException e = assertThrows(SessionException.class,
                () -> AareCheck.judge(hex(gmacAarq), aare, AssociationFailureTest.GMAC));
        assertEquals("the meter accepted high-level-security-GMAC (5) without a challenge: its AARE has no"
                + " responding-authentication-value, so HLS pass 3 and 4 cannot verify the meter", e.getMessage());
    }

    @Test
    void hlsWithAChallengeButDiagnosticNullIsAFinding() throws Exception {
        String gmacAarq = "60 36 A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 05 AC 0A 80 08"
                + " 31 32 33 34 35 36 37 38 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0";
        byte[] aare = hex("61 3E A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 89 07 60 85 74"
                + " 05 08 02 05 AA 0A 80 08 41 42 43 44 45 46 47 48 BE 10 04 0E " + INITIATE_RESPONSE);
        AareCheck.Accepted accepted = AareCheck.judge(hex(gmacAarq), aare, AssociationFailureTest.GMAC);
        assertEquals(List.of("the AARE grants high-level-security-GMAC (5) with diagnostic null (0), not"
                + " authentication-required (14), which HLS requires before pass 3"), accepted.findings());
        assertArrayEquals("ABCDEFGH".getBytes(), accepted.challenge());
    }

    @Test
    void aRefusedActionWithoutTheAbsentReturnParametersByteIsNamed() {
        assertEquals(List.of("ActionResponse-normal: the return-parameters flag after the action-result (00 absent,"
                + " 01 present) is missing: the APDU ends at byte 4"), XdlmsReplyGrammar.findings(hex("C7 01 C0 03")));
        assertEquals(List.of(), XdlmsReplyGrammar.findings(hex("C7 01 C0 03 00")));
        assertEquals(List.of(), XdlmsReplyGrammar.findings(hex("C7 01 C2 00 01 00 11 05")));
    }

    @Test
    void bytesAfterTheEndAndLengthsThatRunPastItAreNamed() {
        assertEquals(List.of("GetResponse-normal: 2 bytes after its end, from byte 6: 07 07"),
                XdlmsReplyGrammar.findings(hex("C4 01 C1 00 11 05 07 07")));
        assertEquals(List.of("GetResponse-normal: octet-string: the length at byte 5 says 5 bytes, 3 follow"),
                XdlmsReplyGrammar.findings(hex("C4 01 C1 00 09 05 41 42 43")));
        assertEquals(List.of("GetResponse-normal at byte 4: 30 is not an A-XDR data type"),
                XdlmsReplyGrammar.findings(hex("C4 01 C1 00 30")));
        assertEquals(List.of(), XdlmsReplyGrammar.findings(hex("0C 02 00 06 00 10 B3 93 00 02 02 0F 00 16 1E")));
        assertEquals(List.of(), XdlmsReplyGrammar.findings(hex("0C 02 01 03 00 11 05")));
    }

    @Test
    void aCipheredExceptionResponseIsNamedByItsStateError() {
        // jDLMS 1.7.1's server ciphers the body of a D8 (docs/conformance.md, row 5).
        assertEquals(List.of("ExceptionResponse at byte 1: state-error 14, the grammar has 01 service-not-allowed"
                + " and 02 service-unknown (an exception-response has no ciphered form)"),
                XdlmsReplyGrammar.findings(hex("D8 14 30 00 00 00 02 A1 B2 C3 01 02 03 04 05 06 07 08 09 0A 0B 0C")));
        assertEquals(List.of(), XdlmsReplyGrammar.findings(hex("D8 01 01")));
        assertEquals(List.of(), XdlmsReplyGrammar.findings(hex("D8 01 06 00 00 00 07")));
    }

    @Test
    void aReplyNestedThousandsDeepIsAFindingWithoutWalkingPastTheLimit() {
        int levels = 5000;
        byte[] deep = new byte[4 + 2 * levels + 1];
        deep[0] = (byte) 0xC4;
        deep[1] = 1;
        deep[2] = (byte) 0xC1;
        for (int i = 0; i < levels; ++i) {
            deep[4 + 2 * i] = 1; // array of one
            deep[5 + 2 * i] = 1;
        }
        // No StackOverflowError; the reply is not translated (the translator recurses), and says why.
        assertEquals(List.of("reply nested deeper than 256 levels"), XdlmsReplyGrammar.findings(deep));
    }

    @Test
    void guruxTranslatorCannotReencodeActionAndReadResponses() throws Exception {
        // Why EncodingCheck walks the grammar itself: gurux.dlms 4.0.47's XML-to-PDU encoder
        // writes a right ActionResponse and a right two-item ReadResponse back wrong.
        GXDLMSTranslator t = new GXDLMSTranslator(TranslatorOutputType.SIMPLE_XML);
        assertArrayEquals(hex("C7 01 C2 00"), t.xmlToPdu(t.pduToXml(hex("C7 01 C2 00 00"))));
        assertArrayEquals(hex("C7 01 C2 00 01 00 00 11 05"), t.xmlToPdu(t.pduToXml(hex("C7 01 C2 00 01 00 11 05"))));
        assertArrayEquals(hex("0C 02 00 11 01 11 02"), t.xmlToPdu(t.pduToXml(hex("0C 02 00 11 01 00 11 02"))));
    }

    @Test
    void aSegmentNumberedTwoAfterZeroIsOutOfSequence() {
        HdlcSequence sequence = new HdlcSequence();
        sequence.sent(frame(0x93)); // SNRM
        sequence.sent(frame(0x10)); // I-frame N(S)=0 N(R)=0, poll
        assertNull(sequence.check(0x30)); // N(S)=0 N(R)=1
        sequence.received(0x30);
        sequence.sent(frame(0x31)); // RR N(R)=1, poll: the next segment, please
        assertEquals("expected N(S)=1 N(R)=1, got N(S)=2 N(R)=1 (a segment missing or numbered wrong)",
                sequence.check(0x34));
        assertNull(sequence.check(0x32));
    }

    @Test
    void aMeterThatNeverAdvancesNrIsNamed() {
        HdlcSequence sequence = new HdlcSequence();
        sequence.sent(frame(0x93));
        sequence.sent(frame(0x10)); // our N(S)=0
        assertEquals("expected N(S)=0 N(R)=1, got N(S)=0 N(R)=0 (the meter does not acknowledge our last frame)",
                sequence.check(0x10));
    }

    @Test
    void anSnrmStartsTheNumbersAgain() {
        HdlcSequence sequence = new HdlcSequence();
        sequence.sent(frame(0x93));
        sequence.sent(frame(0x10)); // I N(S)=0
        sequence.received(0x30);
        sequence.sent(frame(0x32)); // I N(S)=1 N(R)=1
        sequence.received(0x52);
        sequence.sent(frame(0x93)); // a new link: the meter's first I-frame is N(S)=0 N(R)=0 again
        assertNull(sequence.check(0x00));
    }

    @Test
    void aFrameAfterALostOneIsRecoverableButAWrongNrIsNot() {
        HdlcSequence sequence = new HdlcSequence();
        sequence.sent(frame(0x93));
        sequence.sent(frame(0x10));
        assertTrue(sequence.recoverable(0x32), "N(S)=1 where 0 was expected, N(R) right: a frame lost before it");
        assertFalse(sequence.recoverable(0x10), "N(R) wrong: the meter did not take our frame");
    }

    @Test
    void theMetersFrameIsFoundBehindNoiseAndTheEchoOfOurOwn() {
        byte[] ours = frame(0x10); // client 16 -> server 1: an optical head echoes it
        byte[] meters = frame(0x30);
        meters[3] = 0x21; // destination: client 16
        meters[4] = 0x03; // source: server 1
        byte[] fixed = refreshed(meters);
        byte[] line = new byte[2 + ours.length + fixed.length];
        line[0] = 0x55; // noise
        line[1] = 0x7E;
        System.arraycopy(ours, 0, line, 2, ours.length);
        System.arraycopy(fixed, 0, line, 2 + ours.length, fixed.length);
        assertEquals(2 + ours.length, HdlcFrames.frameFor(line, 0, line.length, 0x21));
        assertEquals(0x30, HdlcFrames.control(line, 2 + ours.length, line.length));
    }

    @Test
    void aDamagedFrameOfAWindowKeepsItsWrongCheckSequence() {
        byte[] whole = refreshed(hex("7E A0 0C 21 03 02 00 00 E6 E7 00 00 00 7E")); // I N(S)=1, not final
        assertTrue(HdlcFrames.markFinal(whole.clone(), 0, whole.length), "a whole frame is marked final");
        byte[] damaged = whole.clone();
        damaged[9] ^= 0x40; // a bit flipped on the line, in the information field
        byte[] before = damaged.clone();
        assertFalse(HdlcFrames.markFinal(damaged, 0, damaged.length));
        assertArrayEquals(before, damaged, "not made right again: the library drops it");
    }

    @Test
    void aCountAboveTwoToThe31IsNamedNotThrown() {
        assertEquals(List.of("results is missing: the APDU ends at byte 8 (2147483648 bytes, 0 left)"),
                XdlmsReplyGrammar.findings(hex("C5 05 C1 84 80 00 00 00")));
    }

    @Test
    void anAarqThatGuruxLengthsWithOneByteIsTakenFromTheSettings() throws Exception {
        // gurux.dlms 4.0.47: an AARQ of 129 to 131 content bytes gets the length byte 81 to 83,
        // which BER reads as a long form: the proposal is then taken from the settings.
        gurux.dlms.GXDLMSClient library = new gurux.dlms.GXDLMSClient(true, 17, 1,
                gurux.dlms.enums.Authentication.LOW, "p".repeat(84), gurux.dlms.enums.InterfaceType.WRAPPER);
        byte[] frame = library.aarqRequest()[0];
        byte[] aarq = java.util.Arrays.copyOfRange(frame, 8, frame.length);
        assertEquals(0x60, aarq[0] & 0xFF);
        assertTrue((aarq[1] & 0xFF) >= 0x81 && (aarq[1] & 0xFF) <= 0x83, "one byte, read as a long form");
        byte[] aare = hex("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E "
                + INITIATE_RESPONSE);
        AareCheck.Accepted accepted = AareCheck.judge(aarq, aare, AssociationFailureTest.LOW);
        assertEquals(List.of(), accepted.findings());
        assertTrue(accepted.proposalUnread().isPresent());
    }

    private static byte[] refreshed(byte[] frame) {
        return FuzzFrames.refreshChecks(frame);
    }

    /** A frame from client 16 to server 1 with the given control field and no information field. */
    private static byte[] frame(int control) {
        byte[] f = {0x7E, (byte) 0xA0, 0x07, 0x03, 0x21, (byte) control, 0, 0, 0x7E};
        int crc = HdlcFrames.fcs16(f, 1, 6);
        f[6] = (byte) crc;
        f[7] = (byte) (crc >>> 8);
        return f;
    }
}
