package dlms.xmlclient.simulator;

import org.junit.jupiter.api.Tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import gurux.common.GXCommon;
import gurux.dlms.enums.Authentication;

/**
 * The meter's own invocation counter as it goes on the wire, read from the AARE's
 * glo-initiateResponse: it starts at 1 (a client that has received nothing yet takes 0 as its
 * last counter and accepts only a greater one) and only rises, across associations.
 */
@Tag("integration")
class CounterOnTheWireTest {

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void firstCipheredApduOfTheMeterCarriesCounterOne(boolean wrapper) throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).wrapper(wrapper))) {
            assertEquals(1, aareCounter(meter, 1));
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void meterCounterRisesFromOneAssociationToTheNext(boolean wrapper) throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).wrapper(wrapper))) {
            long first = aareCounter(meter, 1);
            long second = aareCounter(meter, 2);
            assertTrue(second > first, first + " then " + second);
        }
    }

    /**
     * Sends client 1's AARQ (HLS-GMAC, authenticated encryption) with the given client counter.
     *
     * @return the meter's invocation counter in the accepted AARE
     */
    private static long aareCounter(MeterSimulator meter, long clientCounter)
            throws Exception {
        try (TestClient client = TestClient.ciphered(meter, 1, Authentication.HIGH_GMAC, null,
                clientCounter)) {
            if (!meter.isWrapper()) {
                client.dlms().parseUAResponse(client.exchange(client.dlms().snrmRequest())
                        .getData());
            }
            byte[] aare = WireApdu.of(client.rawExchange(client.dlms().aarqRequest()[0]),
                    meter.isWrapper());
            String hex = GXCommon.bytesToHex(aare);
            assertEquals(0x61, aare[0] & 0xFF, hex);
            int result = WireApdu.valueOf(aare, 2, 0xA2);
            assertEquals("02 01 00", WireApdu.hex(aare, result, 3), "accepted: " + hex);
            int information = WireApdu.valueOf(aare, 2, 0xBE);
            // 04 len 28 len security-control invocation-counter ...
            assertEquals("04", WireApdu.hex(aare, information, 1), hex);
            assertEquals(0x28, aare[information + 2] & 0xFF, "glo-initiateResponse: " + hex);
            assertEquals(0x30, aare[information + 4] & 0xFF, hex);
            return WireApdu.uint32(aare, information + 5);
        }
    }
}
