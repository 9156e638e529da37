package dlms.xmlclient.wire.wrapper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.wire.FrameException;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** WRAPPER frames the client exchanged with the built-in simulator ({@code -w -t Verbose}). */
class WrapperFramesTest {

    /** GET of the serial number from client wPort 17 to server wPort 1. */
    private static final String GET = "00 01 00 11 00 01 00 0D C0 01 C1 00 01 00 00 60 01 00 FF 02 00";
    /** Its answer, from wPort 1 to 17. */
    private static final String GET_RESPONSE = "00 01 00 01 00 11 00 0E C4 01 C1 00 0A 08 31 32 33 34 35 36 37 38";
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    @Test
    void headerGivesVersionWPortsAndLength() {
        WrapperHeader header = WrapperHeader.decode(bytes(GET), 0, 21);
        assertEquals(new WrapperHeader(1, 17, 1, 13), header);
        assertEquals(WrapperHeader.of(1, 17, 14), WrapperHeader.decode(bytes(GET_RESPONSE), 0, 22));
        assertEquals("00 01 00 11 00 01 00 0D", HEX.formatHex(header.encode()));
    }

    @Test
    void aHeaderNeedsItsEightBytesAndVersionOne() {
        byte[] get = bytes(GET);
        assertTrue(WrapperHeader.isAt(get, 0, get.length));
        assertFalse(WrapperHeader.isAt(get, 0, 7));
        assertNull(WrapperHeader.decode(get, 0, 7));
        assertTrue(WrapperHeader.hasVersionAt(get, 0, 2), "enough to tell WRAPPER from a bare PDU");
        assertFalse(WrapperHeader.isAt(bytes("00 02 00 11 00 01 00 00"), 0, 8));
        assertThrows(IllegalArgumentException.class, () -> WrapperHeader.of(0x10000, 1, 0));
    }

    @Test
    void aWholeFrameIsItsHeaderAndTheApduItCounts() {
        assertTrue(WrapperDecoder.isWhole(bytes(GET)));
        assertFalse(WrapperDecoder.isWhole(bytes(GET + " 00")));
        assertFalse(WrapperDecoder.isWhole(bytes("00 01 00 11")));
    }

    @Test
    void encodedFramesAreTheCapturedOnes() {
        byte[] apdu = bytes("C0 01 C1 00 01 00 00 60 01 00 FF 02 00");
        assertEquals(GET, HEX.formatHex(WrapperEncoder.encode(17, 1, apdu)));
        byte[] response = WrapperEncoder.withApdu(bytes(GET), bytes("C4 01 C1 00 0A 08 31 32 33 34 35 36 37 38"));
        assertEquals("00 01 00 11 00 01 00 0E C4", HEX.formatHex(response, 0, 9), "ports kept, length new");
        byte[] fromOtherStation = bytes("00 01 00 05" + GET_RESPONSE.substring(11));
        assertArrayEquals(bytes(GET_RESPONSE), WrapperEncoder.withSource(fromOtherStation, 1));
        assertEquals("00 01", HEX.formatHex(WrapperEncoder.withSource(bytes("00 01"), 5)), "no header: as it is");
    }

    @Test
    void aCapturedStreamIsTakenApartFrameByFrame() throws FrameException {
        List<byte[]> frames = WrapperDecoder.frames(bytes(GET + " " + GET_RESPONSE));
        assertEquals(List.of(GET, GET_RESPONSE), frames.stream().map(HEX::formatHex).toList());
    }

    @Test
    void bytesThatAreNotWholeFramesAreNamed() {
        assertEquals("frame 2: truncated: a WRAPPER header has 8 bytes, only 3 are left", problem(GET + " 00 01 00"));
        assertEquals("frame 1: expected WRAPPER version 00 01 at byte 0, found 00 02",
                problem("00 02 00 11 00 01 00 01 C0"));
        assertEquals("frame 1: the WRAPPER header gives an empty PDU", problem("00 01 00 11 00 01 00 00"));
        assertEquals("frame 1: truncated: the WRAPPER header gives 13 PDU bytes, only 12 follow",
                problem(GET.substring(0, GET.length() - 3)));
    }

    private static String problem(String hex) {
        return assertThrows(FrameException.class, () -> WrapperDecoder.frames(bytes(hex))).getMessage();
    }

    private static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }
}
