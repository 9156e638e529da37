package dlms.xmlclient.simulator;

import dlms.xmlclient.simulator.faults.MeterFault;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dlms.xmlclient.simulator.device.DefaultDevice;
import dlms.xmlclient.simulator.transport.Frames;
import dlms.xmlclient.wire.hdlc.Fcs16;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXDLMSConfirmedServiceError;
import gurux.dlms.GXDLMSException;
import gurux.dlms.GXDLMSExceptionResponse;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSDisconnectControl;

/**
 * Faults in the replies to data requests (after the association, which they leave alone):
 * the bytes a client receives on a real socket, and what gurux.dlms's client makes of them.
 */
@Tag("integration")
class FaultyReplyTest {

    private static MeterSimulator start(MeterFault fault, boolean wrapper)
            throws Exception {
        return FaultTest.start(fault, wrapper);
    }

    /** @return the frame of the reply to reading the serial number, unparsed */
    private static byte[] readSerial(TestClient client) throws Exception {
        return client.rawExchange(client.dlms().read(DefaultDevice.SERIAL, ObjectType.DATA,
                2)[0]);
    }

    /** @return the APDU of a whole frame */
    private static byte[] apdu(byte[] frame, boolean wrapper) {
        return Arrays.copyOfRange(frame, Frames.apduOffset(frame, wrapper),
                frame.length - (wrapper ? 0 : 3));
    }

    /** The header check sequence is right, the frame check sequence inverted. */
    @Test
    void badCrcRepliesCarryAnInvertedFrameCheckSequence() throws Exception {
        try (MeterSimulator meter = start(MeterFault.BAD_CRC, false);
                TestClient client = TestClient.publicClient(meter).associate()) {
            byte[] frame = readSerial(client);
            int end = frame.length - 3;
            assertEquals(Fcs16.of(frame, 1, end) ^ 0xFFFF, Fcs16.found(frame, end));
            int control = HdlcDecoder.controlAt(frame, 0, frame.length);
            assertTrue(Fcs16.matches(frame, 1, control + 1), "HCS");
            GXDLMSException e = assertThrows(GXDLMSException.class, () -> client.dlms()
                    .getData(new GXByteBuffer(frame), new GXReplyData(), new GXReplyData()));
            assertEquals("Wrong CRC.", e.getMessage());
        }
    }

    /** 1-byte server address 1 becomes 5; gurux.dlms's client skips the frame. */
    @Test
    void wrongAddressRepliesComeFromLogicalDeviceFiveOverHdlc() throws Exception {
        try (MeterSimulator meter = start(MeterFault.WRONG_ADDRESS, false);
                TestClient client = TestClient.publicClient(meter).associate()) {
            byte[] frame = readSerial(client);
            assertEquals(5 << 1 | 1, frame[4], "source address");
            assertTrue(Frames.isWhole(frame, false));
            assertFalse(client.dlms().getData(new GXByteBuffer(frame), new GXReplyData(),
                    new GXReplyData()), "skipped");
        }
    }

    /** 4-byte 1/6678 becomes 5/6678, still 4 bytes. */
    @Test
    void wrongAddressKeepsTheFormAndPhysicalPartOfTheAddress() throws Exception {
        try (MeterSimulator meter = start(MeterFault.WRONG_ADDRESS, false);
                TestClient client = TestClient.publicClient(meter)) {
            client.dlms().setServerAddress(GXDLMSClient.getServerAddress(1, 6678));
            client.associate();
            byte[] frame = readSerial(client);
            assertArrayEquals(new byte[] {0, 5 << 1, 0x68, 0x2D}, Arrays.copyOfRange(frame, 4, 8));
        }
    }

    @Test
    void wrongAddressRepliesComeFromWPortFiveOverWrapper() throws Exception {
        try (MeterSimulator meter = start(MeterFault.WRONG_ADDRESS, true);
                TestClient client = TestClient.publicClient(meter).associate()) {
            byte[] frame = readSerial(client);
            assertArrayEquals(new byte[] {0, 5}, Arrays.copyOfRange(frame, 2, 4));
        }
    }

    /**
     * Invoke id 1 (C1: high priority, confirmed) comes back as 2 (C2) in Get and Action
     * responses, in a frame otherwise right. gurux.dlms's client takes it: it checks the invoke
     * id only when it increases it itself.
     */
    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void wrongInvokeIdRepliesCarryTheNextInvokeId(boolean wrapper) throws Exception {
        try (MeterSimulator meter = start(MeterFault.WRONG_INVOKE_ID, wrapper);
                TestClient client = TestClient.managementClient(meter).associate()) {
            byte[] frame = readSerial(client);
            assertEquals((byte) 0xC2, apdu(frame, wrapper)[2]);
            if (!wrapper) {
                assertTrue(Fcs16.matches(frame, 1, frame.length - 3), "FCS");
            }
            GXReplyData reply = new GXReplyData();
            assertTrue(client.dlms().getData(new GXByteBuffer(frame), reply,
                    new GXReplyData()));
            assertEquals("12345678", reply.getValue());
            byte[] action = client.rawExchange(client.dlms().method(
                    DefaultDevice.DISCONNECT_CONTROL, ObjectType.DISCONNECT_CONTROL, 2, 0,
                    DataType.INT8)[0]);
            assertEquals((byte) 0xC2, apdu(action, wrapper)[2]);
        }
    }

    /**
     * HDLC: half the frame, no closing flag. WRAPPER (TCP or UDP): the header, whose length
     * counts the whole APDU, and half the APDU. The rest never comes.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HDLC", "WRAPPER", "UDP"})
    void truncatedRepliesStopHalfway(String framing) throws Exception {
        boolean wrapper = !"HDLC".equals(framing);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .wrapper(wrapper).udp("UDP".equals(framing)).fault(MeterFault.TRUNCATED));
                TestClient client = TestClient.publicClient(meter).associate()) {
            byte[] part = client.sendExpectingSilence(client.dlms().read(DefaultDevice.SERIAL,
                    ObjectType.DATA, 2)[0], TestClient.REPLY_MILLIS);
            assertNull(client.receive(FaultTest.SILENCE_MILLIS));
            if (wrapper) {
                int apdu = (part[6] & 0xFF) << 8 | part[7] & 0xFF;
                assertEquals(apdu / 2, part.length - 8);
            } else {
                int frame = ((part[1] & 0x07) << 8 | part[2] & 0xFF) + 2;
                assertEquals(frame / 2, part.length);
            }
        }
    }

    /** D8 01 01 in place of the reply; the action is not carried out. */
    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void exceptionResponseAnswersEveryDataRequest(boolean wrapper) throws Exception {
        try (MeterSimulator meter = start(MeterFault.EXCEPTION_RESPONSE, wrapper);
                TestClient client = TestClient.managementClient(meter).associate()) {
            byte[] frame = readSerial(client);
            assertArrayEquals(new byte[] {(byte) 0xD8, 1, 1}, apdu(frame, wrapper));
            assertThrows(GXDLMSExceptionResponse.class, () -> client.dlms().getData(
                    new GXByteBuffer(frame), new GXReplyData(), new GXReplyData()));
            byte[] action = client.rawExchange(client.dlms().method(
                    DefaultDevice.DISCONNECT_CONTROL, ObjectType.DISCONNECT_CONTROL, 1, 0,
                    DataType.INT8)[0]);
            assertArrayEquals(new byte[] {(byte) 0xD8, 1, 1}, apdu(action, wrapper));
            GXDLMSDisconnectControl dc = (GXDLMSDisconnectControl) meter.device().findByLN(
                    ObjectType.DISCONNECT_CONTROL, DefaultDevice.DISCONNECT_CONTROL);
            assertTrue(dc.getOutputState(), "still connected");
        }
    }

    /** 0E 05 03 02 (read, service-unsupported) for a Get, 0E 06 03 02 (write) for a Set. */
    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void serviceErrorAnswersGetWithReadAndSetWithWrite(boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = start(MeterFault.SERVICE_ERROR, wrapper);
                TestClient client = TestClient.managementClient(meter).associate()) {
            byte[] frame = readSerial(client);
            assertArrayEquals(new byte[] {0x0E, 5, 3, 2}, apdu(frame, wrapper));
            assertThrows(GXDLMSConfirmedServiceError.class, () -> client.dlms().getData(
                    new GXByteBuffer(frame), new GXReplyData(), new GXReplyData()));
            byte[] set = client.rawExchange(client.dlms().write(DefaultDevice.ACTIVE_ENERGY_IMPORT,
                    7L, DataType.UINT32, ObjectType.REGISTER, 2)[0]);
            assertArrayEquals(new byte[] {0x0E, 6, 3, 2}, apdu(set, wrapper));
        }
    }

    @Test
    void serviceErrorAnswersAShortNameReadWithRead() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .shortNames(true).fault(MeterFault.SERVICE_ERROR));
                TestClient client = TestClient.publicClient(meter).associate()) {
            byte[] frame = client.rawExchange(client.dlms().read(
                    SimulatorShortNameTest.ACTIVE_ENERGY_IMPORT + 8, ObjectType.DATA, 1)[0]);
            assertArrayEquals(new byte[] {0x0E, 5, 3, 2}, apdu(frame, false));
        }
    }
}
