package dlms.xmlclient.simulator.server;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import gurux.dlms.GXICipher;
import gurux.dlms.enums.Command;

/**
 * A ciphered action response the meter is about to send (glo-, ded-, general-glo- or
 * general-ded-ciphering), authenticated and encrypted with security suite 0, the only protection
 * this meter's ciphered associations use (Green Book 9.2.7: AES-GCM-128, 12-byte tag, IV =
 * sender system title and invocation counter, additional data = security control byte and
 * authentication key). It can be deciphered with the meter's own keys and enciphered again,
 * with the same security header, around another APDU.
 * <p>
 * The second encryption reuses the first one's IV. That is safe only because the first
 * ciphertext is thrown away before it reaches the wire: the counter is used once on the wire.
 */
final class CipheredReply {

    private static final int AUTHENTICATED_AND_ENCRYPTED_SUITE_0 = 0x30;
    private static final int TAG_BITS = 96;
    private static final int TAG_SIZE = TAG_BITS / 8;
    private static final int HEADER_SIZE = 5; // security control byte, invocation counter

    private final int tag;
    /** The system title a general-ciphering APDU carries, null for glo- and ded-ciphering. */
    private final byte[] carriedTitle;
    /** Security control byte and invocation counter. */
    private final byte[] header;
    private final byte[] ciphertextAndTag;

    private CipheredReply(int tag, byte[] carriedTitle, byte[] header,
            byte[] ciphertextAndTag) {
        this.tag = tag;
        this.carriedTitle = carriedTitle;
        this.header = header;
        this.ciphertextAndTag = ciphertextAndTag;
    }

    /**
     * @param apdu a whole APDU
     * @return the ciphered action response it is, null when it is none, or is not protected
     *         with authenticated encryption of suite 0
     */
    static CipheredReply parse(byte[] apdu) {
        if (apdu.length == 0) {
            return null;
        }
        int tag = apdu[0] & 0xFF;
        boolean general = tag == Command.GENERAL_GLO_CIPHERING
                || tag == Command.GENERAL_DED_CIPHERING;
        if (!general && tag != Command.GLO_METHOD_RESPONSE
                && tag != Command.DED_METHOD_RESPONSE) {
            return null;
        }
        int[] at = {1};
        byte[] title = null;
        if (general) {
            int length = BerLength.read(apdu, at);
            if (length < 0 || at[0] + length > apdu.length) {
                return null;
            }
            title = Arrays.copyOfRange(apdu, at[0], at[0] + length);
            at[0] += length;
        }
        int length = BerLength.read(apdu, at);
        if (length < HEADER_SIZE + TAG_SIZE || at[0] + length != apdu.length
                || (apdu[at[0]] & 0xFF) != AUTHENTICATED_AND_ENCRYPTED_SUITE_0) {
            return null;
        }
        return new CipheredReply(tag, title,
                Arrays.copyOfRange(apdu, at[0], at[0] + HEADER_SIZE),
                Arrays.copyOfRange(apdu, at[0] + HEADER_SIZE, apdu.length));
    }

    /** @return the length of the APDU it protects */
    int plaintextLength() {
        return ciphertextAndTag.length - TAG_SIZE;
    }

    /**
     * @param keys the meter's ciphering settings: system title and keys
     * @return the APDU it protects, null when it does not decipher with those keys
     */
    byte[] decipher(GXICipher keys) {
        try {
            return gcm(Cipher.DECRYPT_MODE, keys).doFinal(ciphertextAndTag);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @param apdu the APDU to protect instead
     * @param keys the meter's ciphering settings: system title and keys
     * @return the same ciphered APDU (tag, system title, security header) around {@code apdu}
     */
    byte[] around(byte[] apdu, GXICipher keys) {
        byte[] protectedApdu;
        try {
            protectedApdu = gcm(Cipher.ENCRYPT_MODE, keys).doFinal(apdu);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM with the meter's own keys failed", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (carriedTitle != null) {
            BerLength.write(out, carriedTitle.length);
            out.writeBytes(carriedTitle);
        }
        BerLength.write(out, header.length + protectedApdu.length);
        out.writeBytes(header);
        out.writeBytes(protectedApdu);
        return out.toByteArray();
    }

    private Cipher gcm(int mode, GXICipher keys) throws GeneralSecurityException {
        boolean dedicated = tag == Command.GENERAL_DED_CIPHERING
                || tag == Command.DED_METHOD_RESPONSE;
        byte[] key = dedicated ? keys.getDedicatedKey() : keys.getBlockCipherKey();
        byte[] title = carriedTitle != null ? carriedTitle : keys.getSystemTitle();
        byte[] iv = new byte[title.length + 4];
        System.arraycopy(title, 0, iv, 0, title.length);
        System.arraycopy(header, 1, iv, title.length, 4);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        gcm.updateAAD(header, 0, 1);
        gcm.updateAAD(keys.getAuthenticationKey());
        return gcm;
    }
}
