package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.GXDLMSExceptionResponse;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.ExceptionServiceError;
import gurux.dlms.enums.ExceptionStateError;
import gurux.dlms.enums.ObjectType;

/**
 * Replay protection: each ciphered client's frame counter must rise, for the life of the
 * simulator. gurux.dlms 4.0.47 alone accepts a repeated counter.
 */
@Tag("integration")
class FrameCounterTest {

    /** Reads the invocation counter 0.0.43.1.e.255 through the public client. */
    static long lastAccepted(MeterSimulator meter, int e) throws Exception {
        try (TestClient client = TestClient.publicClient(meter).associate()) {
            long value = ((Number) client.read("0.0.43.1." + e + ".255", ObjectType.DATA, 2)
                    .getValue()).longValue();
            client.release();
            return value;
        }
    }

    static TestClient ciphered(MeterSimulator meter, int sap, long counter)
            throws Exception {
        return TestClient.ciphered(meter, sap, CipheringTest.mechanism(sap), "Gurux", counter);
    }

    /** Associates, reads the clock and releases; returns the next counter the client would use. */
    static long session(MeterSimulator meter, int sap, long counter)
            throws Exception {
        try (TestClient client = ciphered(meter, sap, counter)) {
            client.associate();
            assertEquals(0, client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2).getError());
            client.release();
            return client.ciphering().getInvocationCounter();
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void repeatedCounterInTheAarqIsRefusedWithTheExpectedCounter(boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).wrapper(wrapper))) {
            session(meter, 1, 1);
            long last = lastAccepted(meter, 1);
            try (TestClient replay = ciphered(meter, 1, last)) {
                GXDLMSExceptionResponse e = assertThrows(GXDLMSExceptionResponse.class,
                        replay::associate);
                assertEquals(ExceptionStateError.SERVICE_NOT_ALLOWED, e.getStateError());
                assertEquals(ExceptionServiceError.INVOCATION_COUNTER_ERROR,
                        e.getExceptionServiceError());
                assertEquals(last + 1, ((Number) e.getValue()).longValue());
            }
            assertEquals(last, lastAccepted(meter, 1), "a refused counter is not kept");
        }
    }

    /**
     * Over WRAPPER the refused AARQ leaves no association: another connection is served at once,
     * while the refused one is still open (the race the previous test used to lose).
     */
    @Test
    void anotherClientIsServedWhileTheRefusedReplayIsStillOpenOverWrapper() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).wrapper(true))) {
            session(meter, 1, 1);
            long last = lastAccepted(meter, 1);
            try (TestClient replay = ciphered(meter, 1, last)) {
                assertThrows(GXDLMSExceptionResponse.class, replay::associate);
                assertEquals(last, lastAccepted(meter, 1));
            }
            assertEquals(session(meter, 1, last + 1) - 1, lastAccepted(meter, 1));
        }
    }

    @Test
    void repeatedCounterInADataRequestIsRefusedAndTheAssociationGoesOn() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = ciphered(meter, 2, 1).associate()) {
            client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2);
            long used = client.ciphering().getInvocationCounter() - 1;
            client.ciphering().setInvocationCounter(used);
            GXDLMSExceptionResponse e = assertThrows(GXDLMSExceptionResponse.class,
                    () -> client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2));
            assertEquals(ExceptionStateError.SERVICE_NOT_ALLOWED, e.getStateError());
            assertEquals(ExceptionServiceError.INVOCATION_COUNTER_ERROR,
                    e.getExceptionServiceError());
            assertEquals(used + 1, ((Number) e.getValue()).longValue());

            client.ciphering().setInvocationCounter(used + 1);
            assertEquals("12345678", client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                    .getValue());
        }
    }

    @Test
    void publicClientReadsTheLastAcceptedCounterAndThatPlusOneAssociates() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            assertEquals(0, lastAccepted(meter, 3), "0 before any");
            long next = session(meter, 3, 100);
            assertEquals(next - 1, lastAccepted(meter, 3));
            session(meter, 3, lastAccepted(meter, 3) + 1);
            assertEquals(0, lastAccepted(meter, 4), "each client has its own counter");
        }
    }

    @Test
    void countersLastAcrossConnectionsAndEveryClientHasItsOwn() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            long next = session(meter, 4, 1);
            session(meter, 1, 1);
            session(meter, 4, next);
            assertThrows(GXDLMSExceptionResponse.class, () -> session(meter, 4, next));
        }
    }

    @Test
    void forgedApduWithAHugeCounterDoesNotMoveTheCounter() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            try (TestClient forger = ciphered(meter, 1, 0xFFFFFF00L)) {
                forger.ciphering().setAuthenticationKey(new byte[16]);
                assertThrows(GXDLMSExceptionResponse.class, forger::associate);
            }
            assertEquals(0, lastAccepted(meter, 1));
            session(meter, 1, 1);
        }
    }

    @Test
    void counterIsReadOnlyEvenForTheManagementClient() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals(ErrorCode.READ_WRITE_DENIED.getValue(), client.write("0.0.43.1.1.255",
                    ObjectType.DATA, 2, 0L, DataType.UINT32).getError());
        }
    }
}
