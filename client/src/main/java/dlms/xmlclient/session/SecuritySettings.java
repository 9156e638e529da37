package dlms.xmlclient.session;

import gurux.common.GXCommon;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.Security;
import gurux.dlms.objects.enums.SecuritySuite;

/**
 * Ciphering of an association (DLMS security suite 0..2 with AES-GCM): the security level, the
 * system titles and keys, and where the client's invocation counter starts. Keys are kept as
 * upper-case hex so that two equal settings compare equal; {@link #toString()} never shows them.
 *
 * @param security                 None, Authentication, Encryption or AuthenticationEncryption
 * @param suite                    security suite
 * @param clientSystemTitle        the client's system title (8 bytes), or null
 * @param meterSystemTitle         the meter's system title as the user expects it, or null to
 *                                 take whatever the AARE says
 * @param authenticationKey        authentication key, or null
 * @param blockCipherKey           global unicast block cipher key, or null
 * @param dedicatedKey             dedicated key proposed in the AARQ (ded- services), or null
 * @param initialInvocationCounter the first invocation counter to send, or -1 for none given
 * @param invocationCounterObject  logical name of the meter's invocation counter object, read
 *                                 through the public client before associating, or null
 */
public record SecuritySettings(
        Security security,
        SecuritySuite suite,
        String clientSystemTitle,
        String meterSystemTitle,
        String authenticationKey,
        String blockCipherKey,
        String dedicatedKey,
        long initialInvocationCounter,
        String invocationCounterObject) {

    public static final SecuritySettings NONE =
            new SecuritySettings(Security.NONE, SecuritySuite.SUITE_0, null, null, null, null, null, -1, null);

    /** True when requests and replies are ciphered. */
    public boolean ciphered() {
        return security != Security.NONE;
    }

    /** True when the settings carry keys (ciphering, or HighGMAC which needs them without ciphering). */
    public boolean hasKeys() {
        return blockCipherKey != null || authenticationKey != null;
    }

    static byte[] bytes(String hex) {
        return hex == null ? null : GXCommon.hexToBytes(hex);
    }

    /** The secrets a trace must mask: keys only, never the system titles (they are public). */
    byte[][] secrets() {
        return new byte[][] {bytes(authenticationKey), bytes(blockCipherKey), bytes(dedicatedKey)};
    }

    @Override
    public String toString() {
        return name(security) + (ciphered() ? ", suite " + suite.ordinal() : "");
    }

    /** The level as the -a flag spells it (Gurux's own toString says "HighGMac"). */
    public static String name(Authentication a) {
        return switch (a) {
            case NONE -> "None";
            case LOW -> "Low";
            case HIGH -> "High";
            case HIGH_MD5 -> "HighMD5";
            case HIGH_SHA1 -> "HighSHA1";
            case HIGH_GMAC -> "HighGMAC";
            case HIGH_SHA256 -> "HighSHA256";
            case HIGH_ECDSA -> "HighECDSA";
        };
    }

    /** The level as the -C flag spells it. */
    public static String name(Security s) {
        return switch (s) {
            case NONE -> "None";
            case AUTHENTICATION -> "Authentication";
            case ENCRYPTION -> "Encryption";
            case AUTHENTICATION_ENCRYPTION -> "AuthenticationEncryption";
        };
    }
}
