package dlms.xmlclient.simulator.device;

import java.nio.charset.StandardCharsets;

import gurux.common.GXCommon;

/**
 * Keys, system titles and HLS secret of the built-in device: the Gurux test defaults, public and
 * documented in --help. They are never written to the log, the trace or an error message.
 * Every getter returns a new array, so a caller cannot change them.
 */
public final class DeviceKeys {

    /** HLS secret of the High, HighMD5, HighSHA1 and HighSHA256 associations. */
    public static final String HLS_SECRET = "Gurux";

    private DeviceKeys() {
    }

    /** @return the meter's system title, "GRX12345" */
    public static byte[] serverSystemTitle() {
        return "GRX12345".getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @return the client system title in the security setups, "ABCDEFGH"; the meter uses the
     *         one the AARQ carries (gurux.dlms takes the calling-AP-title as it is)
     */
    static byte[] clientSystemTitle() {
        return "ABCDEFGH".getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the global unicast encryption key */
    static byte[] blockCipherKey() {
        return GXCommon.hexToBytes("000102030405060708090A0B0C0D0E0F");
    }

    /** @return the authentication key */
    static byte[] authenticationKey() {
        return GXCommon.hexToBytes("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
    }
}
