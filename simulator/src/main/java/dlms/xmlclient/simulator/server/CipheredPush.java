package dlms.xmlclient.simulator.server;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import gurux.dlms.enums.Command;

/**
 * A push in a ciphered association, as general-glo-ciphering (Green Book 9.2.7): the meter's
 * system title, then security control 30 (authenticated and encrypted, suite 0), the invocation
 * counter, the AES-GCM-128 ciphertext and its 12-byte tag, with IV = system title and counter,
 * additional data = security control byte and authentication key.
 */
final class CipheredPush {

    private static final int AUTHENTICATED_AND_ENCRYPTED_SUITE_0 = 0x30;

    private CipheredPush() {
    }

    static byte[] of(byte[] apdu, byte[] systemTitle, long counter, byte[] blockCipherKey, byte[] authenticationKey)
            throws GeneralSecurityException {
        byte[] iv = new byte[12];
        System.arraycopy(systemTitle, 0, iv, 0, 8);
        for (int i = 0; i < 4; i++) {
            iv[8 + i] = (byte) (counter >> 24 - 8 * i);
        }
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(blockCipherKey, "AES"), new GCMParameterSpec(96, iv));
        gcm.updateAAD(new byte[] {AUTHENTICATED_AND_ENCRYPTED_SUITE_0});
        gcm.updateAAD(authenticationKey);
        byte[] sealed = gcm.doFinal(apdu);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Command.GENERAL_GLO_CIPHERING);
        out.write(8);
        out.write(systemTitle, 0, 8);
        int length = 5 + sealed.length;
        if (length > 0x7F) { // A-XDR length: 0x82 and two bytes (a push is far below 64 KiB)
            out.write(0x82);
            out.write(length >> 8);
        }
        out.write(length & 0xFF);
        out.write(AUTHENTICATED_AND_ENCRYPTED_SUITE_0);
        out.write(iv, 8, 4);
        out.write(sealed, 0, sealed.length);
        return out.toByteArray();
    }
}
