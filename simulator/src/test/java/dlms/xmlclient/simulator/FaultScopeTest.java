package dlms.xmlclient.simulator;

import dlms.xmlclient.simulator.faults.MeterFault;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dlms.xmlclient.simulator.device.DefaultDevice;
import dlms.xmlclient.simulator.transport.Frames;
import gurux.common.enums.TraceLevel;
import gurux.dlms.GXDLMSException;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ObjectType;

/**
 * Where the faults reach: ciphered associations (plain fault replies; ciphered ones that cannot
 * be changed go through), UDP, and the default silence to unknown clients.
 */
@Tag("integration")
class FaultScopeTest {

    private static MeterSimulator start(SimulatorOptions options) throws Exception {
        return MeterSimulator.start(options.port(0));
    }

    /** The exception-response is the fault's, not a refusal of the meter's security. */
    @Test
    void exceptionResponseInACipheredAssociationIsPlainAndLogsNoRefusal() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (MeterSimulator meter = start(new SimulatorOptions()
                .fault(MeterFault.EXCEPTION_RESPONSE)
                .log(new PrintStream(log, true, StandardCharsets.UTF_8), TraceLevel.WARNING));
                TestClient client = CipheringTest.ciphered(meter, 1).associate()) {
            byte[] frame = client.rawExchange(client.dlms().read(DefaultDevice.SERIAL,
                    ObjectType.DATA, 2)[0]);
            assertArrayEquals(new byte[] {(byte) 0xD8, 1, 1},
                    Arrays.copyOfRange(frame, Frames.apduOffset(frame, false), frame.length - 3));
        }
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("refused"), log.toString());
    }

    /** A ciphered Get is neither an endless block transfer nor a wrong invoke id: it is served. */
    @Test
    void cipheredRequestsAreServedByEndlessBlocksAndWrongInvokeId() throws Exception {
        for (MeterFault fault : new MeterFault[] {MeterFault.ENDLESS_BLOCKS,
            MeterFault.WRONG_INVOKE_ID}) {
            try (MeterSimulator meter = start(new SimulatorOptions().fault(fault));
                    TestClient client = CipheringTest.ciphered(meter, 1).associate()) {
                assertEquals("12345678", client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                        .getValue(), fault.optionName());
            }
        }
    }

    /** The HLS reply belongs to the association: the first request after it is answered. */
    @Test
    void dropConnectionCountsFromTheEstablishedHlsAssociation() throws Exception {
        try (MeterSimulator meter = start(new SimulatorOptions()
                .fault(MeterFault.DROP_CONNECTION));
                TestClient client = CipheringTest.ciphered(meter, 1).associate()) {
            assertEquals("12345678", client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                    .getValue());
            assertThrows(EOFException.class,
                    () -> client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2));
        }
    }

    @Test
    void silentOverUdpAnswersNoDatagram() throws Exception {
        try (MeterSimulator meter = start(new SimulatorOptions().udp(true)
                .fault(MeterFault.SILENT)); TestClient client = TestClient.publicClient(meter)) {
            assertNull(client.sendExpectingSilence(client.dlms().aarqRequest()[0],
                    FaultTest.SILENCE_MILLIS));
            assertEquals(1, meter.associationRequests());
        }
    }

    /** The faults that end an exchange say so in the log, at Warning. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "REJECT_ASSOCIATION | WARNING fault reject-association: AARQ 1 (since start) rejected,"
            + " client 16",
        "DROP_CONNECTION | WARNING fault drop-connection: closing the connection of /127.0.0.1:"})
    void faultsThatEndAnExchangeLogIt(MeterFault fault, String line)
            throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (MeterSimulator meter = start(new SimulatorOptions().fault(fault)
                .log(new PrintStream(log, true, StandardCharsets.UTF_8), TraceLevel.WARNING));
                TestClient client = TestClient.publicClient(meter)) {
            client.associate();
            client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2);
            client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2);
        } catch (GXDLMSException | EOFException e) {
            // The fault's outcome.
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains(line), log.toString());
    }

    /** An unknown client address gets no answer, with a fault as without. */
    @Test
    void unknownClientAddressStaysUnanswered() throws Exception {
        try (MeterSimulator meter = start(new SimulatorOptions()
                .fault(MeterFault.REJECT_ASSOCIATION));
                TestClient client = TestClient.connect(meter, 99, Authentication.NONE, null)) {
            assertNull(client.sendExpectingSilence(client.dlms().snrmRequest(),
                    FaultTest.SILENCE_MILLIS));
        }
    }
}
