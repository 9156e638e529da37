package dlms.xmlclient.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Deciphering general-glo-ciphering, held to the Green Book's AES-GCM example (security suite 0,
 * security control 30: authenticated and encrypted): system title 4D4D4D0000BC614E, invocation
 * counter 01234567, the example's block cipher and authentication keys; its ciphered content
 * deciphers to the example's plain APDU, C0 01 00 00 08 00 00 01 00 00 FF 02 00.
 */
class CipheredNotificationTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] BLOCK_CIPHER_KEY = HEX.parseHex("000102030405060708090A0B0C0D0E0F");
    private static final byte[] AUTHENTICATION_KEY = HEX.parseHex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
    /** general-glo-ciphering: tag DB, system-title (8), ciphered content (30): SC 30, IC, ciphertext, tag. */
    private static final String APDU = "DB" + "08" + "4D4D4D0000BC614E" + "1E" + "30" + "01234567"
            + "411312FF935A47566827C467BC" + "7D825C3BE4A77C3FCC056B6B";

    @Test
    void theGreenBooksExampleDeciphersToItsPlainApdu() throws Exception {
        byte[] plain = CipheredNotification.decipher(HEX.parseHex(APDU), BLOCK_CIPHER_KEY, AUTHENTICATION_KEY);
        assertEquals("c0010000080000010000ff0200", HEX.formatHex(plain));
    }

    @Test
    void aWrongKeyOrAChangedByteIsNamedNotPassedOn() {
        byte[] wrongKey = AUTHENTICATION_KEY.clone();
        wrongKey[0] ^= 1;
        SessionException e = assertThrows(SessionException.class,
                () -> CipheredNotification.decipher(HEX.parseHex(APDU), BLOCK_CIPHER_KEY, wrongKey));
        assertEquals("a ciphered notification (general-glo-ciphering) cannot be deciphered: it does not authenticate"
                + " with the association's keys (wrong -B or -A, or changed on the way); its frame is in trace.txt",
                e.getMessage());
        SessionException noKey = assertThrows(SessionException.class,
                () -> CipheredNotification.decipher(HEX.parseHex(APDU), null, AUTHENTICATION_KEY));
        assertEquals("a ciphered notification (general-glo-ciphering) cannot be deciphered: no block cipher key (-B)"
                + " to decipher it with; its frame is in trace.txt", noKey.getMessage());
    }
}
