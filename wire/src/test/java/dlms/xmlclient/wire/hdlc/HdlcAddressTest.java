package dlms.xmlclient.wire.hdlc;

import static dlms.xmlclient.wire.hdlc.CapturedFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HdlcAddressTest {

    @Test
    void oneByteAddressIsTheSapAboveTheExtensionBit() {
        HdlcAddress client = HdlcAddress.decode(bytes("21"), 0, 1);
        assertEquals(new HdlcAddress(16, 0, 1), client);
        assertEquals(16, client.value());
        assertArrayEquals(bytes("21"), client.encode());
        assertEquals(new HdlcAddress(1, 0, 1), HdlcAddress.decode(bytes("03"), 0, 1));
    }

    @Test
    void twoByteServerAddressCarriesUpperAndLowerInOneByteEach() {
        HdlcAddress server = HdlcAddress.decode(bytes("02 23"), 0, 2);
        assertEquals(new HdlcAddress(1, 17, 2), server);
        assertEquals(1 << 7 | 17, server.value());
        assertArrayEquals(bytes("02 23"), server.encode());
    }

    @Test
    void fourByteServerAddressCarriesUpperAndLowerInTwoBytesEach() {
        // Logical device 1, physical 6678 (serial number 12345678 % 10000 + 1000).
        HdlcAddress server = HdlcAddress.decode(bytes("00 02 68 2D"), 0, 4);
        assertEquals(new HdlcAddress(1, 6678, 4), server);
        assertEquals(23062, server.value());
        assertArrayEquals(bytes("00 02 68 2D"), server.encode());
        assertArrayEquals(bytes("FE FE FE FF"), new HdlcAddress(0x3FFF, 0x3FFF, 4).encode());
    }

    @Test
    void guruxNumberingChoosesTheForm() {
        assertEquals(new HdlcAddress(16, 0, 1), HdlcAddress.of(16));
        assertEquals(new HdlcAddress(1, 17, 2), HdlcAddress.of(145));
        assertEquals(new HdlcAddress(1, 6678, 4), HdlcAddress.of(23062));
        assertEquals(new HdlcAddress(0, 0x80, 4), HdlcAddress.of(0x4000 | 0x80).withUpper(0));
    }

    @Test
    void theFieldEndsAtTheFirstByteWithTheExtensionBit() {
        byte[] header = bytes("00 02 68 2D 23 93");
        assertEquals(4, HdlcAddress.length(header, 0, header.length));
        assertEquals(1, HdlcAddress.length(header, 4, header.length));
        assertEquals(-1, HdlcAddress.length(header, 0, 3), "not ended before the end");
    }

    @Test
    void threeByteOrUnendedFieldIsNoAddress() {
        assertNull(HdlcAddress.decode(bytes("02 04 07"), 0, 3));
        assertNull(HdlcAddress.decode(bytes("02 04 06 08 09"), 0, 5));
        assertNull(HdlcAddress.decode(bytes("02 04"), 0, 2));
    }

    @Test
    void withUpperKeepsTheFormAndTheLowerAddress() {
        assertEquals(new HdlcAddress(5, 6678, 4), HdlcAddress.of(23062).withUpper(5));
        assertEquals(new HdlcAddress(5, 17, 2), HdlcAddress.of(145).withUpper(5));
        assertEquals(5, HdlcAddress.of(1).withUpper(5).value());
    }

    @Test
    void anAddressThatDoesNotFitItsFormIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HdlcAddress(0x80, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new HdlcAddress(1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new HdlcAddress(1, 0x80, 2));
        assertThrows(IllegalArgumentException.class, () -> new HdlcAddress(0x4000, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> new HdlcAddress(1, 1, 3));
    }
}
