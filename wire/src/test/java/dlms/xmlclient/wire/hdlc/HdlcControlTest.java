package dlms.xmlclient.wire.hdlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.wire.hdlc.HdlcControl.Kind;
import org.junit.jupiter.api.Test;

class HdlcControlTest {

    @Test
    void unnumberedFramesAreNamedWithOrWithoutThePollBit() {
        assertEquals(Kind.SNRM, HdlcControl.kind(0x93));
        assertEquals(Kind.SNRM, HdlcControl.kind(0x83));
        assertEquals(Kind.UA, HdlcControl.kind(0x73));
        assertEquals(Kind.DISC, HdlcControl.kind(0x53));
        assertEquals(Kind.DM, HdlcControl.kind(0x1F));
        assertEquals(Kind.FRMR, HdlcControl.kind(0x97));
        assertEquals(Kind.UI, HdlcControl.kind(0x13));
        assertEquals(Kind.OTHER_UNNUMBERED, HdlcControl.kind(0xE3));
        assertTrue(HdlcControl.isPollFinal(0x93));
        assertFalse(HdlcControl.isPollFinal(0x83));
    }

    @Test
    void iFrameCarriesItsSequenceNumbers() {
        // The second segment of an AARQ: N(S)=1 N(R)=0 poll; the GET after it: N(S)=2 N(R)=2 poll.
        assertEquals(Kind.I, HdlcControl.kind(0x12));
        assertEquals(1, HdlcControl.sendSequence(0x12));
        assertEquals(0, HdlcControl.receiveSequence(0x12));
        assertEquals(2, HdlcControl.sendSequence(0x54));
        assertEquals(2, HdlcControl.receiveSequence(0x54));
        assertTrue(HdlcControl.isPollFinal(0x54));
    }

    @Test
    void supervisoryFramesCarryOnlyTheReceiveSequence() {
        assertEquals(Kind.RR, HdlcControl.kind(0x31));
        assertEquals(Kind.RNR, HdlcControl.kind(0x35));
        assertEquals(Kind.REJ, HdlcControl.kind(0x39));
        assertEquals(Kind.SREJ, HdlcControl.kind(0x3D));
        assertEquals(1, HdlcControl.receiveSequence(0x35));
        assertTrue(HdlcControl.isSupervisory(0x35));
        assertFalse(HdlcControl.isSupervisory(0x93));
    }

    @Test
    void encodedFieldsAreTheCapturedOnes() {
        assertEquals(0x93, HdlcControl.unnumbered(Kind.SNRM, true));
        assertEquals(0x73, HdlcControl.unnumbered(Kind.UA, true));
        assertEquals(0x43, HdlcControl.unnumbered(Kind.DISC, false));
        assertEquals(0x10, HdlcControl.information(0, 0, true));
        assertEquals(0x54, HdlcControl.information(2, 2, true));
        assertEquals(0x31, HdlcControl.supervisory(Kind.RR, 1, true));
        assertEquals(0x35, HdlcControl.supervisory(Kind.RNR, 1, true));
    }

    @Test
    void sequenceNumbersCountModuloEight() {
        assertEquals(HdlcControl.information(0, 1, false), HdlcControl.information(8, 9, false));
        assertEquals(HdlcControl.supervisory(Kind.RR, 0, false), HdlcControl.supervisory(Kind.RR, 8, false));
    }

    @Test
    void aKindIsEncodedOnlyAsItsOwnClassOfFrame() {
        assertThrows(IllegalArgumentException.class, () -> HdlcControl.supervisory(Kind.SNRM, 0, true));
        assertThrows(IllegalArgumentException.class, () -> HdlcControl.unnumbered(Kind.RR, true));
        assertThrows(IllegalArgumentException.class, () -> HdlcControl.unnumbered(Kind.I, true));
        assertThrows(IllegalArgumentException.class, () -> HdlcControl.unnumbered(Kind.OTHER_UNNUMBERED, true));
    }
}
