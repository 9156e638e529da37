package dlms.xmlclient.wire.hdlc;

import static dlms.xmlclient.wire.hdlc.CapturedFrames.AARE_SEGMENT_1;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.AARQ;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.AARQ_SEGMENT_1;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.AARQ_SEGMENT_2;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.GREEN_BOOK_SNRM;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.RNR_4_BYTE;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.RR_4_BYTE;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.SNRM_2_BYTE;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.UA;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.bytes;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.wire.hdlc.HdlcControl.Kind;
import org.junit.jupiter.api.Test;

class HdlcDecoderTest {

    @Test
    void greenBookSnrmIsOneWholeFrameWithoutInformation() {
        HdlcFrame snrm = HdlcDecoder.whole(bytes(GREEN_BOOK_SNRM));
        assertNotNull(snrm);
        assertEquals(HdlcAddress.of(1), snrm.destination(), "server 1");
        assertEquals(HdlcAddress.of(16), snrm.source(), "client 16");
        assertEquals(0x93, snrm.control());
        assertEquals(Kind.SNRM, HdlcControl.kind(snrm.control()));
        assertFalse(snrm.hasInformation());
        assertFalse(snrm.isSegmented());
        assertTrue(snrm.hasRightHcs(), "one check sequence, both HCS and FCS");
        assertTrue(snrm.hasRightFcs());
        assertEquals(8, snrm.closingFlag());
    }

    @Test
    void uaCarriesTheNegotiatedParametersAsItsInformation() {
        HdlcFrame ua = HdlcDecoder.whole(bytes(UA));
        assertEquals(HdlcAddress.of(17), ua.destination(), "to the client: its address first");
        assertEquals(HdlcAddress.of(1), ua.source());
        assertEquals(Kind.UA, HdlcControl.kind(ua.control()));
        assertEquals("81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01", hex(ua.information()));
        assertTrue(ua.hasRightHcs());
        assertTrue(ua.hasRightFcs());
    }

    @Test
    void aarqIFrameStartsItsInformationWithTheLlcBytes() {
        HdlcFrame aarq = HdlcDecoder.whole(bytes(AARQ));
        assertEquals(Kind.I, HdlcControl.kind(aarq.control()));
        assertTrue(LlcHeader.isAt(aarq.buffer(), aarq.informationFrom(), aarq.informationTo()));
        assertEquals(0x60, aarq.buffer()[aarq.informationFrom() + LlcHeader.SIZE], "AARQ tag after E6 E6 00");
        assertEquals(aarq.buffer().length - 3, aarq.informationTo());
    }

    @Test
    void segmentedFramesHaveTheBitAndTheFollowingSegmentNoLlcBytes() {
        HdlcFrame first = HdlcDecoder.whole(bytes(AARQ_SEGMENT_1));
        HdlcFrame last = HdlcDecoder.whole(bytes(AARQ_SEGMENT_2));
        assertTrue(first.isSegmented());
        assertFalse(last.isSegmented());
        assertTrue(first.hasRightFcs() && last.hasRightFcs());
        assertFalse(LlcHeader.isAt(last.buffer(), last.informationFrom(), last.informationTo()));
        assertTrue(LlcHeader.isAt(bytes(AARE_SEGMENT_1), 11, 14), "E6 E7 00 from the server");
    }

    @Test
    void aFlagByteInsideAFrameIsData() {
        // The first AARQ segment's HCS is 4D 7E: the frame length, not the flag, ends a frame.
        byte[] segment = bytes(AARQ_SEGMENT_1);
        HdlcFrame frame = HdlcDecoder.whole(segment);
        assertEquals(segment.length - 1, frame.closingFlag());
        assertTrue(frame.hasRightHcs());
    }

    @Test
    void fourAndTwoByteServerAddressesAreRead() {
        HdlcFrame rr = HdlcDecoder.whole(bytes(RR_4_BYTE));
        assertEquals(new HdlcAddress(1, 6678, 4), rr.source());
        assertEquals(HdlcAddress.of(17), rr.destination());
        assertEquals(8, rr.controlAt());
        assertEquals(Kind.RR, HdlcControl.kind(rr.control()));
        HdlcFrame snrm = HdlcDecoder.whole(bytes(SNRM_2_BYTE));
        assertEquals(new HdlcAddress(1, 17, 2), snrm.destination());
        assertEquals(HdlcAddress.of(17), snrm.source());
        assertEquals(6, snrm.controlAt());
        assertTrue(snrm.hasRightHcs() && snrm.hasRightFcs());
    }

    @Test
    void rnrNamesTheFrameTheMeterWaitsFor() {
        HdlcFrame rnr = HdlcDecoder.whole(bytes(RNR_4_BYTE));
        assertEquals(Kind.RNR, HdlcControl.kind(rnr.control()));
        assertEquals(1, HdlcControl.receiveSequence(rnr.control()));
        assertTrue(rnr.hasRightFcs());
    }

    @Test
    void aHeaderIsFoundBeforeTheFrameIsWhole() {
        byte[] aarq = bytes(AARQ);
        HdlcFrame header = HdlcDecoder.header(aarq, 0, 12);
        assertNotNull(header);
        assertFalse(header.isWhole());
        assertTrue(header.hasRightHcs());
        assertFalse(header.hasRightFcs());
        assertFalse(header.hasInformation());
        assertNull(HdlcDecoder.whole(aarq, 0, 12));
        assertNull(HdlcDecoder.header(aarq, 0, 7), "the HCS has not come");
        assertNull(HdlcDecoder.whole(aarq, 0, aarq.length - 1), "the closing flag has not come");
    }

    @Test
    void aFrameIsFoundWhereItStartsInABuffer() {
        byte[] line = bytes("00 7E " + GREEN_BOOK_SNRM.substring(3) + " 11");
        assertNull(HdlcDecoder.header(line, 0, line.length));
        HdlcFrame snrm = HdlcDecoder.whole(line, 1, line.length);
        assertEquals(1, snrm.start());
        assertEquals(10, snrm.end());
        assertEquals(GREEN_BOOK_SNRM, hex(snrm.bytes()));
        assertNull(HdlcDecoder.whole(line), "more than one frame");
    }

    @Test
    void aBadHcsIsToldFromABadFcs() {
        byte[] badHcs = bytes(AARQ);
        badHcs[6] ^= 0x01;
        HdlcFrame frame = HdlcDecoder.whole(badHcs);
        assertNotNull(frame, "found, for the caller to judge");
        assertFalse(frame.hasRightHcs());
        byte[] badFcs = bytes(AARQ);
        badFcs[badFcs.length - 2] ^= 0x01;
        frame = HdlcDecoder.whole(badFcs);
        assertTrue(frame.hasRightHcs());
        assertFalse(frame.hasRightFcs());
    }

    @Test
    void bytesThatAreNoFrameStartGiveNoControlField() {
        assertEquals(5, HdlcDecoder.controlAt(bytes(GREEN_BOOK_SNRM), 0, 9));
        assertEquals(-1, HdlcDecoder.controlAt(bytes("7E A0 07 03 21 93 0F 01"), 0, 8), "shorter than any frame");
        assertEquals(-1, HdlcDecoder.controlAt(bytes("7E 90 07 03 21 93 0F 01 7E"), 0, 9), "not frame format type 3");
        assertEquals(-1, HdlcDecoder.controlAt(bytes("7F A0 07 03 21 93 0F 01 7E"), 0, 9), "no flag");
        assertEquals(-1, HdlcDecoder.controlAt(bytes("7E A0 07 02 04 06 08 0A 7E"), 0, 9), "addresses never end");
    }

    @Test
    void addressesOfAnotherLengthLeaveTheFrameWithoutThatAddress() {
        // A 3-byte destination: the frame is there, its destination is none of the HDLC forms.
        byte[] frame = bytes("7E A0 09 02 04 07 21 93 00 00 7E");
        Fcs16.put(frame, 1, 8);
        HdlcFrame f = HdlcDecoder.whole(frame);
        assertNull(f.destination());
        assertEquals(HdlcAddress.of(16), f.source());
        assertTrue(f.hasRightHcs());
    }
}
