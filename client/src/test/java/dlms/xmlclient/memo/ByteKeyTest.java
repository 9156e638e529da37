package dlms.xmlclient.memo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Pure: bytes compared by content, parts by their bounds. */
class ByteKeyTest {

    @Test
    void theSameBytesAreTheSameKey() {
        assertEquals(ByteKey.of(new byte[] {1, 2, 3}), ByteKey.of(new byte[] {1, 2, 3}));
        assertEquals(ByteKey.of(new byte[] {1, 2, 3}).hashCode(), ByteKey.of(new byte[] {1, 2, 3}).hashCode());
        assertNotEquals(ByteKey.of(new byte[] {1, 2, 3}), ByteKey.of(new byte[] {1, 2, 4}));
    }

    @Test
    void partsSplitElsewhereAreAnotherKey() {
        assertNotEquals(ByteKey.of(new byte[] {1, 2}, new byte[] {3}), ByteKey.of(new byte[] {1}, new byte[] {2, 3}));
        assertEquals(ByteKey.of(new byte[] {1, 2}, new byte[] {3}), ByteKey.of(new byte[] {1, 2}, new byte[] {3}));
    }

    @Test
    void aKeyDoesNotChangeWithTheCallersArray() {
        byte[] bytes = {1, 2, 3};
        ByteKey key = ByteKey.of(bytes);
        bytes[0] = 9;
        assertEquals(ByteKey.of(new byte[] {1, 2, 3}), key);
    }
}
