package dlms.xmlclient.session;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * glo- APDUs of the simulator's ciphered associations (security suite 0, authenticated
 * encryption): tag, length, security control, invocation counter, ciphertext and a 12-byte
 * tag. AES-GCM with the meter's system title and invocation counter as nonce and the
 * security control and authentication key as additional data (DLMS Green Book 9.2.7.2).
 */
final class GloApdu {
    private static final byte[] KEY = FuzzFrames.hex(FuzzScenario.Keys.BLOCK_CIPHER_KEY);
    private static final byte[] AUTHENTICATION_KEY = FuzzFrames.hex(FuzzScenario.Keys.AUTHENTICATION_KEY);
    private static final byte[] METER_TITLE = FuzzFrames.hex(FuzzScenario.Keys.METER_SYSTEM_TITLE);
    private static final int AUTHENTICATED_ENCRYPTION = 0x30;

    private GloApdu() {
    }

    /** The plain APDU, or null when this is not a glo- APDU the test keys open. */
    static byte[] decipher(byte[] apdu) {
        int at = contentStart(apdu);
        if (at < 0) {
            return null;
        }
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, apdu, at);
            return c.doFinal(apdu, at + 5, apdu.length - at - 5);
        } catch (Exception e) {
            return null;
        }
    }

    /** {@code plain} ciphered as {@code original} was: same tag, security control and counter. */
    static byte[] encipher(byte[] original, byte[] plain) {
        int at = contentStart(original);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, original, at).doFinal(plain);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(original[0]);
            int length = 5 + sealed.length;
            if (length < 0x80) {
                out.write(length);
            } else if (length < 0x100) {
                out.write(0x81);
                out.write(length);
            } else {
                out.write(0x82);
                out.write(length >> 8);
                out.write(length);
            }
            out.write(original, at, 5);
            out.writeBytes(sealed);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the security control byte is, or -1. */
    private static int contentStart(byte[] apdu) {
        if (apdu.length < 2) {
            return -1;
        }
        int tag = apdu[0] & 0xFF;
        if (tag != 0xCC && tag != 0xCD && tag != 0xCF && tag != 0xC2 && tag != 0x28) {
            return -1;
        }
        int first = apdu[1] & 0xFF;
        int at = first < 0x80 ? 2 : 2 + (first & 0x7F);
        return at + 5 + 12 <= apdu.length && (apdu[at] & 0xFF) == AUTHENTICATED_ENCRYPTION ? at : -1;
    }

    private static Cipher cipher(int mode, byte[] apdu, int at) throws Exception {
        byte[] iv = FuzzFrames.concat(METER_TITLE, Arrays.copyOfRange(apdu, at + 1, at + 5));
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(96, iv));
        c.updateAAD(FuzzFrames.concat(new byte[] {apdu[at]}, AUTHENTICATION_KEY));
        return c;
    }
}
