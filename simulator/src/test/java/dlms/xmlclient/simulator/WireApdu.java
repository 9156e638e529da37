package dlms.xmlclient.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test-side reading of APDUs as they came off the wire, written from the Green Book without
 * gurux.dlms: the APDU of a frame, BER elements with one-byte lengths, and the deciphering of a
 * meter's general-glo-ciphering APDU (security suite 0) with the documented keys.
 */
final class WireApdu {

    /** The meter's system title, from messages/secure/simulator.keys (4752583132333435). */
    static final byte[] METER_SYSTEM_TITLE = "GRX12345".getBytes(StandardCharsets.US_ASCII);

    private WireApdu() {
    }

    /** @return the APDU of a whole reply frame: after the WRAPPER header or the LLC bytes */
    static byte[] of(byte[] frame, boolean wrapper) {
        if (wrapper) {
            return Arrays.copyOfRange(frame, 8, frame.length);
        }
        int at = 3; // flag, frame format
        for (int address = 0; address != 2; ++address) {
            while ((frame[at] & 0x01) == 0) {
                ++at;
            }
            ++at;
        }
        at += 3; // control, header check sequence
        if ((frame[at] & 0xFF) != 0xE6 || (frame[at + 1] & 0xFF) != 0xE7 || frame[at + 2] != 0) {
            throw new IllegalArgumentException("no LLC bytes E6 E7 00 from the server");
        }
        return Arrays.copyOfRange(frame, at + 3, frame.length - 3);
    }

    /**
     * @param apdu bytes holding BER elements with one-byte lengths
     * @param from where the first element starts
     * @param tag the tag looked for
     * @return offset of the value of the first element with that tag, -1 when there is none
     */
    static int valueOf(byte[] apdu, int from, int tag) {
        for (int at = from; at + 1 < apdu.length; at += 2 + (apdu[at + 1] & 0xFF)) {
            if ((apdu[at] & 0xFF) == tag) {
                return at + 2;
            }
        }
        return -1;
    }

    /** @return {@code count} bytes from {@code from} in hex, e.g. "80 01 00" */
    static String hex(byte[] data, int from, int count) {
        return gurux.common.GXCommon.bytesToHex(Arrays.copyOfRange(data, from, from + count));
    }

    /** @return the four bytes at {@code offset} as an unsigned big-endian number */
    static long uint32(byte[] data, int offset) {
        return (data[offset] & 0xFFL) << 24 | (data[offset + 1] & 0xFF) << 16
                | (data[offset + 2] & 0xFF) << 8 | data[offset + 3] & 0xFF;
    }

    /**
     * @param apdu a general-glo-ciphering APDU from the meter: DB 08 system-title length
     *            security-control(30) invocation-counter ciphertext tag
     * @return the APDU it protects
     */
    static byte[] decipherGeneralGlo(byte[] apdu) throws Exception {
        byte[] iv = Arrays.copyOf(Arrays.copyOfRange(apdu, 2, 10), 12);
        System.arraycopy(apdu, 12, iv, 8, 4);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(TestClient.BLOCK_CIPHER_KEY, "AES"),
                new GCMParameterSpec(96, iv));
        gcm.updateAAD(new byte[] {apdu[11]});
        gcm.updateAAD(TestClient.AUTHENTICATION_KEY);
        return gcm.doFinal(apdu, 16, apdu.length - 16);
    }
}
