package dlms.xmlclient.simulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import gurux.common.GXCommon;

class ReplyRepairsTest {

    @Test
    void rightReleaseResponseStaysAsItIs() {
        byte[] rlre = GXCommon.hexToBytes("63 15 80 01 00 BE 10 04 0E"
                + " 08 00 06 5F 1F 04 00 42 1E 5D 04 00 00 07");
        assertEquals(GXCommon.bytesToHex(rlre),
                GXCommon.bytesToHex(ReplyRepairs.releaseResponse(rlre)));
    }

    @Test
    void longUserInformationGetsLongFormLengths() {
        byte[] information = new byte[200];
        Arrays.fill(information, (byte) 0x5A);
        byte[] wrong = concat(GXCommon.hexToBytes("63 81 CB 80 01 00 BE 81 C9 04 81 C8"),
                information);
        byte[] right = ReplyRepairs.releaseResponse(wrong);
        assertEquals("63 81 D1 80 01 00 BE 81 CB 04 81 C8",
                GXCommon.bytesToHex(Arrays.copyOf(right, 12)));
        assertEquals(12 + 200, right.length);
    }

    @Test
    void releaseResponseWithBytesBeyondItsElementsIsLeftAlone() {
        assertNull(ReplyRepairs.releaseResponse(GXCommon.hexToBytes("63 03 80 01 00 FF")));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
