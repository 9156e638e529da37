package dlms.xmlclient.simulator.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import gurux.common.GXCommon;

class FramesTest {

    /** An exception-response the meter sent: I-frame to client 1 (HDLC address 0x03). */
    private static final byte[] HDLC_REPLY =
            GXCommon.hexToBytes("7E A0 13 05 03 96 B5 21 E6 E7 00 D8 01 06 00 00 00 04 F2 B8 7E");

    @Test
    void checkSequencesAreThoseOfHdlc() {
        byte[] snrm = GXCommon.hexToBytes("7E A0 07 03 03 93 8C 11 7E");
        assertEquals(0x118C, Frames.fcs16(snrm, 1, 6));
        assertEquals(0x21B5, Frames.fcs16(HDLC_REPLY, 1, 6));
        assertEquals(0xB8F2, Frames.fcs16(HDLC_REPLY, 1, HDLC_REPLY.length - 3));
    }

    @Test
    void apduIsFoundAfterTheLlcBytes() {
        assertEquals(11, Frames.apduOffset(HDLC_REPLY, false));
        assertEquals(0xD8, Frames.apduTag(HDLC_REPLY, false));
        assertEquals(-1, Frames.apduTag(GXCommon.hexToBytes("7E A0 07 03 03 93 8C 11 7E"),
                false), "SNRM carries no APDU");
        assertEquals(0x61, Frames.apduTag(GXCommon.hexToBytes("00 01 00 01 00 10 00 02 61 00"),
                true));
    }

    @Test
    void anotherApduGetsNewLengthAndCheckSequences() {
        byte[] apdu = GXCommon.hexToBytes("D8 01 06 00 00 00 04");
        byte[] shorter = Frames.withApdu(HDLC_REPLY, false, GXCommon.hexToBytes("D8 01 05"));
        assertEquals("7E A0 0F 05 03 96 20 75 E6 E7 00 D8 01 05 18 05 7E",
                GXCommon.bytesToHex(shorter));
        assertArrayEquals(HDLC_REPLY, Frames.withApdu(shorter, false, apdu));
        assertTrue(Frames.isWhole(shorter, false));
        byte[] wrapper = Frames.withApdu(GXCommon.hexToBytes("00 01 00 01 00 10 00 02 61 00"),
                true, apdu);
        assertEquals("00 01 00 01 00 10 00 07 D8 01 06 00 00 00 04",
                GXCommon.bytesToHex(wrapper));
        assertTrue(Frames.isWhole(wrapper, true));
    }
}
