package dlms.xmlclient.simulator.server;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Set;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import gurux.dlms.enums.Command;

/**
 * A ciphered xDLMS request (glo-, ded-, general-glo- or general-ded-ciphering) as it arrives:
 * its security header (security control byte, frame counter) read without deciphering it, and
 * whether its tag checks out with the meter's keys. Security suite 0 only: AES-GCM-128, 12-byte
 * tag, IV = sender system title and frame counter, additional data = security control byte and
 * authentication key (Green Book 9.2.7).
 */
final class CipheredApdu {

    private static final Set<Integer> GLO = Set.of(Command.GLO_GET_REQUEST,
            Command.GLO_SET_REQUEST, Command.GLO_METHOD_REQUEST);
    private static final Set<Integer> DED = Set.of(Command.DED_GET_REQUEST,
            Command.DED_SET_REQUEST, Command.DED_METHOD_REQUEST);
    private static final int AUTHENTICATED = 0x10;
    private static final int ENCRYPTED = 0x20;
    /** Key-set, compression and security suite bits: anything else than suite 0 unicast. */
    private static final int OTHER_THAN_SUITE_0 = 0xCF;
    private static final int TAG_BITS = 96;
    private static final int TAG_SIZE = TAG_BITS / 8;
    private static final int SYSTEM_TITLE_SIZE = 8;

    private final boolean dedicated;
    private final byte[] systemTitle;
    private final int securityControl;
    private final long counter;
    private final byte[] protectedPart;

    private CipheredApdu(boolean dedicated, byte[] systemTitle,
            int securityControl, long counter, byte[] protectedPart) {
        this.dedicated = dedicated;
        this.systemTitle = systemTitle;
        this.securityControl = securityControl;
        this.counter = counter;
        this.protectedPart = protectedPart;
    }

    /**
     * @param frame a frame
     * @param offset where its APDU starts
     * @return the ciphered request the frame carries whole, or null when it carries none
     */
    static CipheredApdu parse(byte[] frame, int offset) {
        int tag = frame[offset] & 0xFF;
        boolean general = tag == Command.GENERAL_GLO_CIPHERING
                || tag == Command.GENERAL_DED_CIPHERING;
        if (!general && !GLO.contains(tag) && !DED.contains(tag)) {
            return null;
        }
        int[] at = {offset + 1};
        byte[] title = null;
        if (general) {
            int length = BerLength.read(frame, at);
            if (length < 0 || at[0] + length > frame.length) {
                return null;
            }
            title = Arrays.copyOfRange(frame, at[0], at[0] + length);
            at[0] += length;
        }
        int length = BerLength.read(frame, at);
        if (length < 5 || at[0] + length > frame.length) {
            return null;
        }
        int i = at[0];
        long counter = (frame[i + 1] & 0xFFL) << 24 | (frame[i + 2] & 0xFF) << 16
                | (frame[i + 3] & 0xFF) << 8 | frame[i + 4] & 0xFF;
        boolean dedicated = tag == Command.GENERAL_DED_CIPHERING || DED.contains(tag);
        return new CipheredApdu(dedicated, title, frame[i] & 0xFF, counter,
                Arrays.copyOfRange(frame, i + 5, i + length));
    }

    /** @return true for ded- and general-ded-ciphering: the dedicated key is used */
    boolean dedicated() {
        return dedicated;
    }

    /** @return the frame counter (invocation counter) the client sent */
    long counter() {
        return counter;
    }

    /** @return true when the APDU is both authenticated and encrypted, as the policy asks */
    boolean isAuthenticatedAndEncrypted() {
        return (securityControl & AUTHENTICATED) != 0 && (securityControl & ENCRYPTED) != 0;
    }

    /**
     * @param clientSystemTitle the client's system title from the AARQ (glo- and ded-ciphering
     *            carry none)
     * @param key block cipher key, or the dedicated key for {@link #dedicated()}
     * @param authenticationKey authentication key
     * @return false when the APDU's authentication tag does not check out with these keys;
     *         true when it does, when the APDU is not authenticated at all, or uses something
     *         else than security suite 0 (gurux.dlms decides then)
     */
    boolean authenticates(byte[] clientSystemTitle, byte[] key,
            byte[] authenticationKey) {
        byte[] title = systemTitle != null ? systemTitle : clientSystemTitle;
        if ((securityControl & AUTHENTICATED) == 0 || (securityControl & OTHER_THAN_SUITE_0) != 0
                || title == null || title.length != SYSTEM_TITLE_SIZE || key == null
                || authenticationKey == null || protectedPart.length < TAG_SIZE) {
            return true;
        }
        byte[] iv = Arrays.copyOf(title, SYSTEM_TITLE_SIZE + 4);
        for (int n = 0; n != 4; ++n) {
            iv[SYSTEM_TITLE_SIZE + n] = (byte) (counter >>> (24 - 8 * n));
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, iv));
            gcm.updateAAD(new byte[] {(byte) securityControl});
            gcm.updateAAD(authenticationKey);
            if ((securityControl & ENCRYPTED) != 0) {
                gcm.doFinal(protectedPart);
            } else {
                // Authentication only: the APDU is in clear, followed by the tag.
                int data = protectedPart.length - TAG_SIZE;
                gcm.updateAAD(protectedPart, 0, data);
                gcm.doFinal(protectedPart, data, TAG_SIZE);
            }
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
