package dlms.xmlclient.simulator;

import org.junit.jupiter.api.Tag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dlms.xmlclient.simulator.device.DefaultDevice;
import dlms.xmlclient.simulator.transport.Frames;
import gurux.common.GXCommon;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ObjectType;

/**
 * The bytes of replies gurux.dlms 4.0.47 would get wrong (see the server's
 * {@code ReplyRepairs}), read off the wire and checked against the Green Book's encoding, not
 * parsed back by gurux.dlms.
 */
@Tag("integration")
class StandardRepliesTest {

    private static final String MISSING = "0.0.99.99.0.255";

    private static MeterSimulator meter(boolean wrapper) throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).wrapper(wrapper));
    }

    /**
     * A-RELEASE response: 63 len [80 01 reason] [BE len 04 len xDLMS-InitiateResponse], every
     * length the number of bytes after it, the reason normal (0).
     */
    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void releaseResponseLengthsMatchTheirContent(boolean wrapper) throws Exception {
        try (MeterSimulator meter = meter(wrapper);
                TestClient client = TestClient.managementClient(meter).associate()) {
            byte[] rlre = release(client, wrapper);
            assertReleaseResponseLayout(rlre);
            // InitiateResponse: no negotiated quality of service, DLMS version 6, conformance,
            // server max receive PDU size, VAA name 0x0007 (LN referencing).
            assertEquals(0x08, rlre[9] & 0xFF, GXCommon.bytesToHex(rlre));
            assertEquals("00 06 5F 1F 04 00", WireApdu.hex(rlre, 10, 6));
            assertEquals("00 07", WireApdu.hex(rlre, rlre.length - 2, 2));
            assertEquals(14, rlre.length - 9);
        }
    }

    /** Ciphered, the user-information holds a glo-initiateResponse (28 len SC IC ...). */
    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void cipheredReleaseResponseLengthsMatchTheirContent(boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = meter(wrapper);
                TestClient client = CipheringTest.ciphered(meter, 1).associate()) {
            byte[] rlre = release(client, wrapper);
            assertReleaseResponseLayout(rlre);
            assertEquals(0x28, rlre[9] & 0xFF, GXCommon.bytesToHex(rlre));
            assertEquals(rlre.length - 11, rlre[10] & 0xFF, "glo-initiateResponse length");
            assertEquals(0x30, rlre[11] & 0xFF, "authenticated and encrypted, suite 0");
        }
    }

    /** read-write-denied (3) for the public client, then the absent return-parameters byte. */
    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void refusedActionResponseSaysItHasNoReturnParameters(boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = meter(wrapper);
                TestClient client = TestClient.publicClient(meter).associate()) {
            byte[] request = disconnect(client, DefaultDevice.DISCONNECT_CONTROL);
            byte[] reply = WireApdu.of(client.exchangeKeepingFrame(request), wrapper);
            assertArrayEquals(actionResponse(request, wrapper, 3), reply,
                    GXCommon.bytesToHex(reply));
        }
    }

    /** undefined-object (4), and success (0) keeps its own absent return-parameters byte. */
    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void actionOnAMissingObjectSaysItHasNoReturnParameters(boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = meter(wrapper);
                TestClient client = TestClient.managementClient(meter).associate()) {
            byte[] request = disconnect(client, MISSING);
            byte[] reply = WireApdu.of(client.exchangeKeepingFrame(request), wrapper);
            assertArrayEquals(actionResponse(request, wrapper, 4), reply,
                    GXCommon.bytesToHex(reply));

            request = disconnect(client, DefaultDevice.DISCONNECT_CONTROL);
            reply = WireApdu.of(client.exchangeKeepingFrame(request), wrapper);
            assertArrayEquals(actionResponse(request, wrapper, 0), reply,
                    GXCommon.bytesToHex(reply));
        }
    }

    /**
     * Ciphered the same: the general-glo-ciphering reply's lengths fit its content, and the
     * APDU it protects ends with the absent return-parameters byte. The association goes on.
     */
    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void cipheredActionOnAMissingObjectSaysItHasNoReturnParameters(boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = meter(wrapper);
                TestClient client = TestClient.ciphered(meter, 1, Authentication.HIGH_GMAC,
                        null, 1).associate()) {
            byte[] request = disconnect(client, MISSING);
            byte[] reply = WireApdu.of(client.exchangeKeepingFrame(request), wrapper);
            assertEquals("DB 08 " + GXCommon.bytesToHex(WireApdu.METER_SYSTEM_TITLE),
                    WireApdu.hex(reply, 0, 10));
            assertEquals(reply.length - 11, reply[10] & 0xFF, "ciphered content length");
            byte[] plain = WireApdu.decipherGeneralGlo(reply);
            assertEquals("C7 01", WireApdu.hex(plain, 0, 2));
            assertEquals("04 00", WireApdu.hex(plain, 3, 2), GXCommon.bytesToHex(plain));
            assertEquals(5, plain.length);

            assertEquals(0, client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2).getError());
        }
    }

    private static byte[] release(TestClient client, boolean wrapper)
            throws Exception {
        return WireApdu.of(client.rawExchange(client.dlms().releaseRequest()[0]), wrapper);
    }

    private static void assertReleaseResponseLayout(byte[] rlre) {
        String hex = GXCommon.bytesToHex(rlre);
        assertEquals(0x63, rlre[0] & 0xFF, hex);
        assertEquals(rlre.length - 2, rlre[1] & 0xFF, "RLRE length: " + hex);
        assertEquals("80 01 00", WireApdu.hex(rlre, 2, 3), "reason normal: " + hex);
        assertEquals(0xBE, rlre[5] & 0xFF, hex);
        assertEquals(rlre.length - 7, rlre[6] & 0xFF, "user-information length: " + hex);
        assertEquals(0x04, rlre[7] & 0xFF, hex);
        assertEquals(rlre.length - 9, rlre[8] & 0xFF, "octet string length: " + hex);
        assertTrue(rlre.length - 2 < 0x80, "short-form lengths");
    }

    /** Sends nothing: the frame of action disconnect (method 1) on {@code ln}. */
    private static byte[] disconnect(TestClient client, String ln)
            throws Exception {
        return client.dlms().method(ln, ObjectType.DISCONNECT_CONTROL, 1, 0, DataType.INT8)[0];
    }

    /** @return C7 01 invoke-id-and-priority (the request's) result 00 */
    private static byte[] actionResponse(byte[] request, boolean wrapper,
            int result) {
        byte invoke = Frames.apdu(request, wrapper)[2];
        return new byte[] {(byte) 0xC7, 0x01, invoke, (byte) result, 0x00};
    }
}
