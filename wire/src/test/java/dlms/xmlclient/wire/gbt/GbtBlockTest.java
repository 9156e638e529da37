package dlms.xmlclient.wire.gbt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The general-block-transfer APDU's fields, from APDUs captured between gurux.dlms 4.0.47's client and server. */
class GbtBlockTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    @Test
    void acknowledgementCapturedFromGuruxClientHasLastBitWindowFourAndNoData() {
        GbtBlock ack = GbtBlock.decode(HEX.parseHex("E0 84 00 01 00 01 00"), 0, 7);
        assertTrue(ack.last());
        assertFalse(ack.streaming());
        assertEquals(4, ack.window());
        assertEquals(1, ack.number());
        assertEquals(1, ack.ack());
        assertEquals(0, ack.data().length);
    }

    @Test
    void streamedBlockKeepsItsStreamingBitAndTwoByteLength() {
        byte[] data = new byte[0x3F9];
        data[0] = (byte) 0xC4;
        GbtBlock block = new GbtBlock(false, true, 1, 2, 1, data);
        byte[] encoded = block.encode();
        assertEquals("E0 41 00 02 00 01 82 03 F9 C4", HEX.formatHex(encoded, 0, 10));
        assertEquals(encoded.length, data.length + GbtBlock.overhead(data.length));
        assertEquals(block, GbtBlock.decode(encoded, 0, encoded.length));
    }

    @Test
    void lastBlockWithShortData() {
        GbtBlock block = new GbtBlock(true, false, 63, 0x1234, 0x00FF, new byte[] {1, 2, 3});
        assertArrayEquals(HEX.parseHex("E0 BF 12 34 00 FF 03 01 02 03"), block.encode());
        assertEquals(0xBF, block.blockControl());
        assertEquals("GBT block 4660 ack 255 window 63 last, 3 bytes", block.describe());
    }

    @Test
    void blockDataOf64KiBOrMoreHasAFourByteLength() {
        GbtBlock block = new GbtBlock(true, false, 1, 1, 0, new byte[0x10001]);
        byte[] encoded = block.encode();
        assertEquals("E0 81 00 01 00 00 84 00 01 00 01", HEX.formatHex(encoded, 0, 11));
        assertEquals(block, GbtBlock.decode(encoded, 0, encoded.length));
    }

    @Test
    void lengthThatDoesNotMatchTheBytesIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GbtBlock.decode(HEX.parseHex("E0 81 00 01 00 00 05 01 02"), 0, 9));
        assertEquals("general-block-transfer block-data length 5 but 2 bytes follow", e.getMessage());
    }

    @Test
    void otherApduIsRefused() {
        byte[] get = HEX.parseHex("C4 01 C1 00 06 00 00 02 A0");
        assertFalse(GbtBlock.isAt(get, 0, get.length));
        assertThrows(IllegalArgumentException.class, () -> GbtBlock.decode(get, 0, get.length));
    }

    @Test
    void windowAboveSixBitsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GbtBlock(false, false, 64, 1, 0, new byte[0]));
    }
}
