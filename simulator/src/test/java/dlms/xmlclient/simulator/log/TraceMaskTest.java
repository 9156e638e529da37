package dlms.xmlclient.simulator.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.secure.GXDLMSSecureClient;

class TraceMaskTest {

    private static byte[] aarq(InterfaceType type, Authentication authentication,
            String secret) throws Exception {
        GXDLMSSecureClient client = new GXDLMSSecureClient(true, 17, 1, authentication, secret,
                type);
        return client.aarqRequest()[0];
    }

    @Test
    void lowPasswordOfAnAarqIsMaskedInHdlcAndWrapperFrames() throws Exception {
        for (InterfaceType type : new InterfaceType[] {InterfaceType.HDLC,
            InterfaceType.WRAPPER}) {
            String hex = TraceMask.toHex(aarq(type, Authentication.LOW, "00000000"));
            assertTrue(hex.contains(" AC 0A 80 08 ** ** ** ** ** ** ** ** BE "), hex);
            assertTrue(!hex.contains("30 30 30 30"), hex);
        }
    }

    @Test
    void hlsChallengeStaysVisible() throws Exception {
        byte[] frame = aarq(InterfaceType.HDLC, Authentication.HIGH, "Gurux");
        assertEquals(gurux.common.GXCommon.bytesToHex(frame), TraceMask.toHex(frame));
    }

    @Test
    void otherFramesAreShownAsTheyAre() {
        byte[] ua = gurux.common.GXCommon.hexToBytes("7E A0 07 03 03 93 8C 11 7E");
        assertEquals("7E A0 07 03 03 93 8C 11 7E", TraceMask.toHex(ua));
        assertEquals("", TraceMask.toHex(new byte[0]));
    }
}
