package dlms.xmlclient.simulator.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import gurux.common.GXCommon;

/** The APDU in a frame of either framing; the frames themselves are the wire module's. */
class FramesTest {

    /** An exception-response the meter sent: I-frame to client 1 (HDLC address 0x03). */
    private static final byte[] HDLC_REPLY =
            GXCommon.hexToBytes("7E A0 13 05 03 96 B5 21 E6 E7 00 D8 01 06 00 00 00 04 F2 B8 7E");
    private static final byte[] SNRM = GXCommon.hexToBytes("7E A0 07 03 03 93 8C 11 7E");
    private static final byte[] WRAPPER_AARE = GXCommon.hexToBytes("00 01 00 01 00 10 00 02 61 00");
    /** The segments of an AARQ to server 1 / 6678: the first with the LLC bytes, the last without. */
    private static final byte[] FIRST_SEGMENT = GXCommon.hexToBytes("7E A8 29 00 02 68 2D 23 10 4D 7E E6 E6 00"
            + " 60 36 A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01 0E 5A 7E");
    private static final byte[] LAST_SEGMENT = GXCommon.hexToBytes("7E A0 2A 00 02 68 2D 23 12 8D D8 AC 0A 80 08"
            + " 30 30 30 30 30 30 30 30 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 42 1E 5D FF FF 14 26 7E");

    @Test
    void apduIsFoundAfterTheLlcBytes() {
        assertEquals(11, Frames.apduOffset(HDLC_REPLY, false));
        assertEquals(0xD8, Frames.apduTag(HDLC_REPLY, false));
        assertEquals(-1, Frames.apduTag(SNRM, false), "SNRM carries no APDU");
        assertEquals(-1, Frames.apduOffset(LAST_SEGMENT, false), "a segment after the first has no LLC bytes");
        assertEquals(0x61, Frames.apduTag(WRAPPER_AARE, true));
        assertEquals(-1, Frames.apduOffset(GXCommon.hexToBytes("00 01 00 01 00 10 00 00"), true));
        assertEquals("D8 01 06 00 00 00 04", GXCommon.bytesToHex(Frames.apdu(HDLC_REPLY, false)));
    }

    @Test
    void wholeFramesAndSegmentsAreTold() {
        assertTrue(Frames.isWhole(HDLC_REPLY, false));
        assertFalse(Frames.isWhole(Arrays.copyOf(HDLC_REPLY, 20), false));
        assertTrue(Frames.isWhole(WRAPPER_AARE, true));
        assertFalse(Frames.isWhole(Arrays.copyOf(WRAPPER_AARE, 9), true));
        assertTrue(Frames.isSegment(FIRST_SEGMENT, false));
        assertFalse(Frames.isSegment(LAST_SEGMENT, false));
        assertFalse(Frames.isSegment(WRAPPER_AARE, true));
    }

    @Test
    void anotherApduGetsNewLengthAndCheckSequences() {
        byte[] apdu = GXCommon.hexToBytes("D8 01 06 00 00 00 04");
        byte[] shorter = Frames.withApdu(HDLC_REPLY, false, GXCommon.hexToBytes("D8 01 05"));
        assertEquals("7E A0 0F 05 03 96 20 75 E6 E7 00 D8 01 05 18 05 7E",
                GXCommon.bytesToHex(shorter));
        assertArrayEquals(HDLC_REPLY, Frames.withApdu(shorter, false, apdu));
        assertTrue(Frames.isWhole(shorter, false));
        byte[] wrapper = Frames.withApdu(WRAPPER_AARE, true, apdu);
        assertEquals("00 01 00 01 00 10 00 07 D8 01 06 00 00 00 04",
                GXCommon.bytesToHex(wrapper));
        assertTrue(Frames.isWhole(wrapper, true));
        assertThrows(IllegalArgumentException.class, () -> Frames.withApdu(SNRM, false, apdu));
    }

    /** The check sequences below were computed apart, in Python. */
    @Test
    void aSegmentedRequestIsReplacedByOneFrameWithTheClientsLlcBytes() {
        byte[] apdu = GXCommon.hexToBytes("D8 01 03");
        assertEquals("7E A0 12 00 02 68 2D 23 10 39 F3 E6 E6 00 D8 01 03 6A 6B 7E",
                GXCommon.bytesToHex(Frames.requestWithApdu(FIRST_SEGMENT, false, apdu)),
                "no segmentation bit");
        assertEquals("7E A0 12 00 02 68 2D 23 12 2B D0 E6 E6 00 D8 01 03 6A 6B 7E",
                GXCommon.bytesToHex(Frames.requestWithApdu(LAST_SEGMENT, false, apdu)),
                "same addresses and control field, LLC bytes E6 E6 00 added");
    }
}
