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
 * One APDU of a ciphered association, glo- or general-glo-ciphered with authenticated encryption
 * of security suite 0 (Green Book 9.2.7: AES-GCM-128, 12-byte tag, IV = the sender's system title
 * and invocation counter, additional data = security control byte and authentication key), taken
 * apart so that a with-list or Access request can be served item by item ({@link ListServices}):
 * the request deciphered, a carrier request enciphered with the same header for gurux.dlms to
 * decipher and answer, and the carrier's ciphered reply deciphered and enciphered again around
 * the with-list response (its IV used once on the wire: the first ciphertext never leaves the meter).
 */
final class CipheredList {

    private static final int AUTHENTICATED_AND_ENCRYPTED_SUITE_0 = 0x30;
    private static final int TAG_BITS = 96;
    private static final int HEADER_SIZE = 5;

    private final int tag;
    private final byte[] carriedTitle;
    private final byte[] title;
    private final byte[] header;
    private final byte[] ciphertext;

    private CipheredList(int tag, byte[] carriedTitle, byte[] title, byte[] header, byte[] ciphertext) {
        this.tag = tag;
        this.carriedTitle = carriedTitle;
        this.title = title;
        this.header = header;
        this.ciphertext = ciphertext;
    }

    /**
     * @param apdu a whole APDU
     * @param senderTitle the sender's system title, for a glo- APDU (a general one carries its own)
     * @return the APDU taken apart, null when it is no glo- or general-glo-ciphered APDU of suite 0
     */
    static CipheredList parse(byte[] apdu, byte[] senderTitle) {
        if (apdu.length == 0) {
            return null;
        }
        int tag = apdu[0] & 0xFF;
        boolean general = tag == Command.GENERAL_GLO_CIPHERING;
        if (!general && tag != Command.GLO_GET_REQUEST && tag != Command.GLO_SET_REQUEST
                && tag != Command.GLO_METHOD_REQUEST && tag != Command.GLO_GET_RESPONSE
                && tag != Command.GLO_SET_RESPONSE && tag != Command.GLO_METHOD_RESPONSE) {
            return null;
        }
        int[] at = {1};
        byte[] carried = null;
        if (general) {
            int length = BerLength.read(apdu, at);
            if (length < 0 || at[0] + length > apdu.length) {
                return null;
            }
            carried = Arrays.copyOfRange(apdu, at[0], at[0] + length);
            at[0] += length;
        }
        int length = BerLength.read(apdu, at);
        if (length < HEADER_SIZE + TAG_BITS / 8 || at[0] + length != apdu.length
                || (apdu[at[0]] & 0xFF) != AUTHENTICATED_AND_ENCRYPTED_SUITE_0) {
            return null;
        }
        byte[] title = carried != null ? carried : senderTitle;
        if (title == null || title.length != 8) {
            return null;
        }
        return new CipheredList(tag, carried, title, Arrays.copyOfRange(apdu, at[0], at[0] + HEADER_SIZE),
                Arrays.copyOfRange(apdu, at[0] + HEADER_SIZE, apdu.length));
    }

    boolean general() {
        return carriedTitle != null;
    }

    /** @return an item's plain normal request (1 get, 2 set, 3 action) ciphered as this request is */
    byte[] request(int kind, byte[] plain, GXICipher keys) {
        int glo = kind == 1 ? Command.GLO_GET_REQUEST
                : kind == 2 ? Command.GLO_SET_REQUEST : Command.GLO_METHOD_REQUEST;
        return around(glo, plain, keys);
    }

    /** @return gurux.dlms's ciphered answer to an item, deciphered; empty when it is not one */
    static byte[] reply(byte[] apdu, GXICipher keys) {
        CipheredList reply = parse(apdu, keys.getSystemTitle());
        byte[] plain = reply == null ? null : reply.decipher(keys);
        return plain == null ? new byte[0] : plain;
    }

    /**
     * @param lastReply gurux.dlms's ciphered answer to the last item, never sent: its header and
     *            counter protect the response instead
     * @return the with-list or access response ciphered as the meter answers, null when the last
     *         answer was not ciphered
     */
    static byte[] response(byte[] lastReply, byte[] plain, GXICipher keys) {
        CipheredList reply = parse(lastReply, keys.getSystemTitle());
        int tag = plain[0] & 0xFF;
        int glo = tag == Command.SET_RESPONSE ? Command.GLO_SET_RESPONSE
                : tag == Command.METHOD_RESPONSE ? Command.GLO_METHOD_RESPONSE : Command.GLO_GET_RESPONSE;
        return reply == null || reply.decipher(keys) == null ? null : reply.around(glo, plain, keys);
    }

    /** @return the plain APDU, null when it does not decipher with the meter's keys */
    byte[] decipher(GXICipher keys) {
        try {
            return gcm(Cipher.DECRYPT_MODE, keys).doFinal(ciphertext);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @param newTag the tag of the APDU to build (a general-glo one keeps its own)
     * @return {@code apdu} ciphered with this APDU's title, header and keys
     */
    byte[] around(int newTag, byte[] apdu, GXICipher keys) {
        byte[] sealed;
        try {
            sealed = gcm(Cipher.ENCRYPT_MODE, keys).doFinal(apdu);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM with the meter's own keys failed", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(general() ? tag : newTag);
        if (general()) {
            BerLength.write(out, carriedTitle.length);
            out.writeBytes(carriedTitle);
        }
        BerLength.write(out, header.length + sealed.length);
        out.writeBytes(header);
        out.writeBytes(sealed);
        return out.toByteArray();
    }

    private Cipher gcm(int mode, GXICipher keys) throws GeneralSecurityException {
        byte[] iv = new byte[title.length + 4];
        System.arraycopy(title, 0, iv, 0, title.length);
        System.arraycopy(header, 1, iv, title.length, 4);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, new SecretKeySpec(keys.getBlockCipherKey(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        gcm.updateAAD(header, 0, 1);
        gcm.updateAAD(keys.getAuthenticationKey());
        return gcm;
    }
}
