package dlms.xmlclient.simulator.device;

import dlms.xmlclient.wire.hdlc.Fcs16;
import gurux.dlms.objects.enums.TokenStatusCode;

/**
 * The simulator's test token, modelled on an STS credit token (IEC 62055-41): 10 bytes, a token
 * identifier (4 bytes, big-endian, unique per token), the amount of credit (4 bytes, big-endian,
 * unsigned, in the account's currency units as its currency_scale says) and a check value (the
 * CRC-16/X.25 of the first 8 bytes, low byte first: the HDLC frame check sequence), so that a
 * mistyped token is refused. Real tokens are encrypted with the meter's key; this one is not, so
 * that a test can write its own.
 */
public record TestToken(long id, long amount) {

    /** Length of a token, in bytes. */
    public static final int LENGTH = 10;
    private static final int PAYLOAD = 8;

    /** @return the 10 bytes of the token with this identifier and amount */
    public byte[] encode() {
        byte[] token = new byte[LENGTH];
        putUInt32(token, 0, id);
        putUInt32(token, 4, amount);
        Fcs16.put(token, 0, PAYLOAD);
        return token;
    }

    /**
     * @param token what was entered
     * @return the token status code of its format and check value: FORMAT_OK when it reads as
     *         a test token, TOKEN_FORMAT_FAILURE when its length is wrong, AUTHENTICATION_FAILURE
     *         when its check value is
     */
    public static TokenStatusCode check(byte[] token) {
        if (token == null || token.length != LENGTH) {
            return TokenStatusCode.TOKEN_FORMAT_FAILURE;
        }
        return Fcs16.matches(token, 0, PAYLOAD) ? TokenStatusCode.FORMAT_OK
                : TokenStatusCode.AUTHENTICATION_FAILURE;
    }

    /**
     * @param token a token whose {@link #check} is FORMAT_OK
     * @return its identifier and amount
     */
    public static TestToken decode(byte[] token) {
        return new TestToken(uint32(token, 0), uint32(token, 4));
    }

    private static void putUInt32(byte[] data, int at, long value) {
        for (int i = 0; i != 4; ++i) {
            data[at + i] = (byte) (value >>> (24 - 8 * i));
        }
    }

    private static long uint32(byte[] data, int at) {
        long value = 0;
        for (int i = 0; i != 4; ++i) {
            value = value << 8 | data[at + i] & 0xFF;
        }
        return value;
    }
}
