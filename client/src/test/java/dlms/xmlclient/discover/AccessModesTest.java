package dlms.xmlclient.discover;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure tier: an access_mode read as the Association LN version that lists it, and the association's protection. */
class AccessModesTest {

    private static final RequestProtection PLAIN = RequestProtection.NONE;
    private static final RequestProtection CIPHERED = new RequestProtection(true, true);

    @Test
    void versionTwoAuthenticatedModesGrantOnlyAnAuthenticatingAssociation() {
        CosemObject.AttributeAccess plain = new AccessModes(2, PLAIN).attribute(2, 4, List.of());
        assertFalse(plain.readable());
        assertEquals("authenticated-read-only", plain.modeName());
        assertTrue(new AccessModes(2, CIPHERED).attribute(2, 4, List.of()).readable());
        assertTrue(new AccessModes(2, PLAIN).attribute(2, 3, List.of()).writable());
    }

    @Test
    void versionThreeModesAreBits() {
        // 0x05: read, with authenticated requests
        CosemObject.AttributeAccess read = new AccessModes(3, CIPHERED).attribute(2, 0x05, List.of());
        assertTrue(read.readable());
        assertFalse(read.writable());
        assertEquals("read (authenticated requests)", read.modeName());
        assertFalse(new AccessModes(3, PLAIN).attribute(2, 0x05, List.of()).readable());
        // 0x13: read and write, digitally signed requests: this client signs nothing
        assertFalse(new AccessModes(3, CIPHERED).attribute(2, 0x13, List.of()).readable());
        assertTrue(new AccessModes(3, PLAIN).method(1, 0x01).allowed());
        assertFalse(new AccessModes(3, PLAIN).method(1, 0x05).allowed());
    }

    @Test
    void versionZeroMethodAccessIsABoolean() {
        assertTrue(new AccessModes(0, PLAIN).method(1, 1).allowed());
        assertFalse(new AccessModes(0, PLAIN).method(1, 0).allowed());
    }
}
