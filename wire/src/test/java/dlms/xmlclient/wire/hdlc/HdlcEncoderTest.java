package dlms.xmlclient.wire.hdlc;

import static dlms.xmlclient.wire.hdlc.CapturedFrames.AARE;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.AARE_SEGMENT_1;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.AARQ_SEGMENT_1;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.DISC;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.GREEN_BOOK_SNRM;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.RNR_4_BYTE;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.RR;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.RR_4_BYTE;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.SNRM_2_BYTE;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.UA;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.bytes;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.wire.hdlc.HdlcControl.Kind;
import org.junit.jupiter.api.Test;

class HdlcEncoderTest {

    private static final HdlcAddress SERVER = HdlcAddress.of(1);
    private static final HdlcAddress SERVER_4_BYTE = new HdlcAddress(1, 6678, 4);
    private static final HdlcAddress CLIENT = HdlcAddress.of(17);

    @Test
    void greenBookSnrmIsWrittenByteForByte() {
        byte[] snrm = HdlcEncoder.encode(SERVER, HdlcAddress.of(16), HdlcControl.unnumbered(Kind.SNRM, true), null,
                false);
        assertEquals(GREEN_BOOK_SNRM, hex(snrm));
    }

    @Test
    void framesWithoutInformationHaveOneCheckSequence() {
        assertEquals(RR, hex(HdlcEncoder.encode(SERVER, HdlcAddress.of(16),
                HdlcControl.supervisory(Kind.RR, 1, true), new byte[0], false)));
        assertEquals(DISC, hex(HdlcEncoder.encode(SERVER, CLIENT, HdlcControl.unnumbered(Kind.DISC, true), null,
                false)));
        assertEquals(RR_4_BYTE, hex(HdlcEncoder.encode(CLIENT, SERVER_4_BYTE,
                HdlcControl.supervisory(Kind.RR, 1, true), null, false)));
        assertEquals(RNR_4_BYTE, hex(HdlcEncoder.encode(CLIENT, SERVER_4_BYTE,
                HdlcControl.supervisory(Kind.RNR, 1, true), null, false)));
    }

    @Test
    void serverFramesPutTheClientFirst() {
        assertEquals(UA, hex(HdlcEncoder.encode(CLIENT, SERVER, HdlcControl.unnumbered(Kind.UA, true),
                HdlcDecoder.whole(bytes(UA)).information(), false)));
        assertEquals(AARE, hex(HdlcEncoder.encode(CLIENT, SERVER, HdlcControl.information(0, 1, true),
                HdlcDecoder.whole(bytes(AARE)).information(), false)));
    }

    @Test
    void segmentsCarryTheSegmentationBit() {
        assertEquals(AARQ_SEGMENT_1, hex(HdlcEncoder.encode(SERVER_4_BYTE, CLIENT,
                HdlcControl.information(0, 0, true), HdlcDecoder.whole(bytes(AARQ_SEGMENT_1)).information(), true)));
        assertEquals(SNRM_2_BYTE, hex(HdlcEncoder.encode(new HdlcAddress(1, 17, 2), CLIENT,
                HdlcControl.unnumbered(Kind.SNRM, true), HdlcDecoder.whole(bytes(SNRM_2_BYTE)).information(),
                false)));
    }

    @Test
    void sealWritesBothCheckSequencesAgainAfterAChange() {
        byte[] segment = bytes(AARE_SEGMENT_1);
        HdlcFrame frame = HdlcDecoder.whole(segment);
        segment[frame.controlAt()] &= ~HdlcControl.POLL_FINAL;
        HdlcEncoder.seal(frame);
        assertTrue(frame.hasRightHcs() && frame.hasRightFcs());
        assertArrayEquals(HdlcEncoder.encode(CLIENT, SERVER_4_BYTE, HdlcControl.information(0, 2, false),
                frame.information(), true), segment);
        segment[frame.controlAt()] |= HdlcControl.POLL_FINAL;
        HdlcEncoder.seal(frame);
        assertEquals(AARE_SEGMENT_1, hex(segment));
    }

    @Test
    void withSourceChangesTheAddressFormAndKeepsTheRest() {
        byte[] oneByte = HdlcEncoder.encode(CLIENT, SERVER, HdlcControl.supervisory(Kind.RR, 1, true), null, false);
        assertEquals(RR_4_BYTE, hex(HdlcEncoder.withSource(oneByte, SERVER_4_BYTE)));
        byte[] segment = HdlcEncoder.withSource(bytes(AARE_SEGMENT_1), HdlcAddress.of(5));
        HdlcFrame frame = HdlcDecoder.whole(segment);
        assertEquals(HdlcAddress.of(5), frame.source());
        assertTrue(frame.isSegmented());
        assertTrue(frame.hasRightHcs() && frame.hasRightFcs());
        assertArrayEquals(HdlcDecoder.whole(bytes(AARE_SEGMENT_1)).information(), frame.information());
        assertEquals(AARE_SEGMENT_1, hex(HdlcEncoder.withSource(segment, SERVER_4_BYTE)));
    }

    @Test
    void whatNoFrameCanHoldIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> HdlcEncoder.encode(SERVER, CLIENT, HdlcControl.information(0, 0, true), new byte[2040], false));
        assertThrows(IllegalArgumentException.class, () -> HdlcEncoder.withSource(bytes("7E A0 07 03"), SERVER));
    }
}
