package dlms.xmlclient.session;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * A notification in general-glo-ciphering (Green Book: tag 219; system-title, then the ciphered
 * content: security control byte, invocation counter, ciphertext and authentication tag),
 * deciphered with the association's global unicast and authentication keys, AES-GCM as security
 * suite 0 has it: the initialisation vector is the sender's system title and the invocation
 * counter, the additional data the security control byte and the authentication key (and, when
 * only authenticated, the plain APDU too), the tag 12 bytes.
 */
final class CipheredNotification {

    static final int GENERAL_GLO_CIPHERING = 0xDB;
    private static final int AUTHENTICATED = 0x10;
    private static final int ENCRYPTED = 0x20;
    private static final int TAG_BYTES = 12;

    private CipheredNotification() {
    }

    /**
     * @return the plain APDU (a DataNotification, say)
     * @throws SessionException naming what is missing or wrong: keys, the security control, the tag
     */
    static byte[] decipher(byte[] apdu, byte[] blockCipherKey, byte[] authenticationKey) throws SessionException {
        if (apdu.length < 2 || (apdu[0] & 0xFF) != GENERAL_GLO_CIPHERING || apdu[1] != 8 || apdu.length < 11) {
            throw failure("not a general-glo-ciphering APDU with an 8-byte system title");
        }
        byte[] systemTitle = Arrays.copyOfRange(apdu, 2, 10);
        int[] at = {10};
        int length = berLength(apdu, at);
        if (length < 5 || at[0] + length > apdu.length) {
            throw failure("its ciphered content is " + length + " bytes, " + (apdu.length - at[0]) + " came");
        }
        byte[] content = Arrays.copyOfRange(apdu, at[0], at[0] + length);
        int control = content[0] & 0xFF;
        byte[] counter = Arrays.copyOfRange(content, 1, 5);
        byte[] rest = Arrays.copyOfRange(content, 5, content.length);
        if ((control & AUTHENTICATED) == 0) {
            throw failure("security control " + String.format("%02X", control)
                    + ": not authenticated, which this client does not decipher");
        }
        if (blockCipherKey == null || authenticationKey == null) {
            throw failure("no " + (blockCipherKey == null ? "block cipher key (-B)" : "authentication key (-A)")
                    + " to decipher it with");
        }
        if (rest.length < TAG_BYTES) {
            throw failure("shorter than its 12-byte authentication tag");
        }
        byte[] iv = new byte[12];
        System.arraycopy(systemTitle, 0, iv, 0, 8);
        System.arraycopy(counter, 0, iv, 8, 4);
        boolean encrypted = (control & ENCRYPTED) != 0;
        byte[] body = Arrays.copyOf(rest, rest.length - TAG_BYTES);
        byte[] aad = concat(new byte[] {(byte) control}, authenticationKey, encrypted ? new byte[0] : body);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(blockCipherKey, "AES"), new GCMParameterSpec(96, iv));
            gcm.updateAAD(aad);
            byte[] plain = gcm.doFinal(encrypted ? rest : Arrays.copyOfRange(rest, body.length, rest.length));
            return encrypted ? plain : body;
        } catch (AEADBadTagException e) {
            throw failure("it does not authenticate with the association's keys (wrong -B or -A, or changed on the way)");
        } catch (GeneralSecurityException e) {
            throw failure("AES-GCM failed: " + e.getMessage());
        }
    }

    /** A-XDR length: one byte below 128, else 0x8N and N bytes. */
    private static int berLength(byte[] d, int[] at) throws SessionException {
        int first = d[at[0]++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int count = first & 0x7F;
        if (count > 3 || at[0] + count > d.length) {
            throw failure("a length of " + count + " bytes");
        }
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = length << 8 | d[at[0]++] & 0xFF;
        }
        return length;
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static SessionException failure(String why) {
        return new SessionException(SessionException.Kind.EXCHANGE, "a ciphered notification (general-glo-ciphering)"
                + " cannot be deciphered: " + why + "; its frame is in trace.txt");
    }
}
