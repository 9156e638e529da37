package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.ObjectType;

/**
 * The meter's HDLC and WRAPPER addresses: logical device 1, physical address from the serial
 * number.
 */
@Tag("integration")
class SimulatorAddressingTest {

    /** Logical 1, physical 12345678 % 10000 + 1000. */
    private static final int OWN = GXDLMSClient.getServerAddress(1, 6678);
    /** The 4-byte source address 1 / 6678 in a frame. */
    private static final byte[] OWN_BYTES = {0, 2, 0x68, 0x2D};
    private static final int SILENCE_MILLIS = 300;

    private static MeterSimulator start(SimulatorOptions options) throws Exception {
        return MeterSimulator.start(options.port(0));
    }

    @Test
    void fourByteAddressFromTheSerialNumberReachesTheMeter() throws Exception {
        assertEquals(OWN, GXDLMSClient.getServerAddress(12345678), "the DLMS formula");
        try (MeterSimulator meter = start(new SimulatorOptions());
                TestClient client = TestClient.publicClient(meter)) {
            assertEquals(12345678, meter.serialNumber());
            assertEquals(6678, meter.physicalAddress());
            client.dlms().setServerAddress(GXDLMSClient.getServerAddress(12345678));
            client.associate();
            assertEquals("12345678", client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                    .getValue());
            client.release();
        }
    }

    /**
     * 1-byte 1 and 0x7F; 2-byte 1/0x7F; 4-byte 1 or 0x3FFF with 6678 or 0x3FFF (all-station
     * parts).
     */
    @ParameterizedTest(name = "server address {0}")
    @ValueSource(ints = {1, 0x7F, 1 << 7 | 0x7F, 1 << 14 | 6678, 1 << 14 | 0x3FFF,
        0x3FFF << 14 | 6678, 0x3FFF << 14 | 0x3FFF})
    void addressesOfTheMeterAreAnswered(int address) throws Exception {
        try (MeterSimulator meter = start(new SimulatorOptions());
                TestClient client = TestClient.publicClient(meter)) {
            client.dlms().setServerAddress(address);
            client.dlms().parseUAResponse(client.exchange(client.dlms().snrmRequest()).getData());
            client.exchange(client.dlms().disconnectRequest(true));
        }
    }

    /** 2-byte 1/5 (6678 does not fit 7 bits), 1-byte 2, 4-byte 1/6679 and 2/6678. */
    @ParameterizedTest(name = "server address {0}")
    @ValueSource(ints = {1 << 7 | 5, 2, 1 << 14 | 6679, 2 << 14 | 6678})
    void addressesOfOtherStationsGetNoAnswer(int address) throws Exception {
        try (MeterSimulator meter = start(new SimulatorOptions());
                TestClient client = TestClient.publicClient(meter)) {
            client.dlms().setServerAddress(address);
            assertNull(client.sendExpectingSilence(client.dlms().snrmRequest(), SILENCE_MILLIS));
        }
    }

    @Test
    void serialNumberOptionMovesThePhysicalAddressAndTheSerialNumberObject() throws Exception {
        try (MeterSimulator meter = start(new SimulatorOptions().serialNumber(87654321));
                TestClient client = TestClient.publicClient(meter)) {
            assertEquals(5321, meter.physicalAddress());
            client.dlms().setServerAddress(OWN);
            assertNull(client.sendExpectingSilence(client.dlms().snrmRequest(), SILENCE_MILLIS));
            client.dlms().setServerAddress(GXDLMSClient.getServerAddress(87654321));
            client.associate();
            assertEquals("87654321", client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                    .getValue());
        }
    }

    /**
     * The reply to a frame for another address comes from the meter's own 4-byte address, with
     * its check sequences right: a client of that address takes it. gurux.dlms 4.0.47's client
     * of the address asked drops it without a word: over HDLC it catches its own "Source
     * addresses do not match" and skips the frame.
     */
    @Test
    void anyServerAddressIsAnsweredFromTheMeterOwnAddressOverHdlc() throws Exception {
        try (MeterSimulator meter = start(new SimulatorOptions().anyServerAddress(true));
                TestClient client = TestClient.publicClient(meter)) {
            client.dlms().setServerAddress(1 << 7 | 5);
            byte[] ua = client.rawExchange(client.dlms().snrmRequest());
            assertArrayEquals(OWN_BYTES, Arrays.copyOfRange(ua, 4, 8), "source address 1/6678");

            GXDLMSClient own = TestClient.dlms(meter, Associations.PUBLIC_CLIENT,
                    Authentication.NONE, null);
            own.setServerAddress(OWN);
            GXReplyData reply = new GXReplyData();
            assertTrue(own.getData(new GXByteBuffer(ua), reply, new GXReplyData()));
            assertEquals(Command.UA, reply.getCommand());

            assertFalse(client.dlms().getData(new GXByteBuffer(ua), new GXReplyData(),
                    new GXReplyData()), "dropped by the client of address 1/5");
        }
    }

    @Test
    void anyServerAddressServesAClientOfTheMeterOwnAddress() throws Exception {
        try (MeterSimulator meter = start(new SimulatorOptions().anyServerAddress(true));
                TestClient client = TestClient.publicClient(meter)) {
            client.dlms().setServerAddress(OWN);
            client.associate();
            assertEquals("12345678", client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                    .getValue());
            client.release();
        }
    }

    /**
     * Over WRAPPER the reply comes from wPort 1. gurux.dlms 4.0.47's client does not raise its
     * "Source addresses do not match" here either: getTcpData hands checkWrapperAddress the
     * reply data as the notification to fill, so the reply is taken as a notification.
     */
    @Test
    void anyServerAddressOverWrapperIsAnsweredFromWPortOne() throws Exception {
        try (MeterSimulator meter = start(new SimulatorOptions().wrapper(true)
                .anyServerAddress(true)); TestClient client = TestClient.publicClient(meter)) {
            client.dlms().setServerAddress(5);
            byte[] aare = client.rawExchange(client.dlms().aarqRequest()[0]);
            assertArrayEquals(new byte[] {0, 1}, Arrays.copyOfRange(aare, 2, 4), "source wPort");
            GXReplyData reply = new GXReplyData();
            GXReplyData notify = new GXReplyData();
            client.dlms().getData(new GXByteBuffer(aare), reply, notify);
            assertFalse(reply.isComplete(), "not taken as the reply");
        }
    }
}
