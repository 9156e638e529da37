package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DateTimeBytes;
import dlms.xmlclient.simulator.device.DeviceKeys;
import gurux.dlms.GXDLMSException;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.SourceDiagnostic;
import gurux.dlms.internal.GXCommon;
import gurux.dlms.secure.GXDLMSSecureClient;

/** Short name referencing: the base names --help documents, read and write by short name. */
@Tag("integration")
class SimulatorShortNameTest {

    static final int CLOCK = 0xA0;
    static final int ACTIVE_ENERGY_IMPORT = 0x150;
    static final int LOAD_PROFILE = 0x300;
    static final int DISCONNECT_CONTROL = 0x378;
    static final int ASSOCIATION = 0xFA00;

    private static MeterSimulator start() throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).shortNames(true));
    }

    /** ReadRequest Qty 1, VariableName FA08: what Gurux samples send to read the object list. */
    @Test
    void objectListFa08ListsTheServedObjectsWithBaseNameClassAndVersion() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.publicClient(meter).associate()) {
            byte[] request = client.dlms().read(ASSOCIATION, ObjectType.ASSOCIATION_SHORT_NAME,
                    2)[0];
            assertTrue(GXCommon.toHex(request).contains("05 01 02 FA 08"),
                    "ReadRequest Qty 1 VariableName FA08: " + GXCommon.toHex(request));
            List<String> rows = new ArrayList<>();
            for (Object it : (List<?>) client.exchange(request).getValue()) {
                List<?> row = (List<?>) it;
                rows.add(String.format("%04X %d v%d %s", ((Number) row.get(0)).intValue() & 0xFFFF,
                        ((Number) row.get(1)).intValue(), ((Number) row.get(2)).intValue(),
                        GXCommon.toLogicalName((byte[]) row.get(3))));
            }
            assertEquals(21, rows.size(), rows.toString());
            assertEquals("00A0 8 v0 0.0.1.0.0.255", rows.get(0));
            assertEquals("0130 1 v0 0.0.42.0.0.255", rows.get(1));
            assertEquals("0140 1 v0 0.0.96.1.0.255", rows.get(2));
            assertEquals("0150 3 v0 1.0.1.8.0.255", rows.get(3));
            assertEquals("02D0 3 v0 1.0.14.7.0.255", rows.get(11));
            assertEquals("0300 7 v1 1.0.99.1.0.255", rows.get(12));
            assertEquals("0378 70 v0 0.0.96.3.10.255", rows.get(13));
            assertEquals("03A8 111 v0 0.0.19.0.0.255", rows.get(14));
            assertEquals("0440 112 v0 0.0.19.10.0.255", rows.get(15));
            assertEquals("0558 115 v0 0.0.19.40.0.255", rows.get(18));
            assertEquals("0588 40 v0 0.0.25.9.0.255", rows.get(19)); // Push setup, after the others
            assertEquals("FA00 12 v2 0.0.40.0.0.255", rows.get(20));
        }
    }

    @ParameterizedTest(name = "client {0}")
    @ValueSource(ints = {16, 17})
    void publicAndLowClientsReadTheClockByShortName(int clientSap) throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = (clientSap == 16 ? TestClient.publicClient(meter)
                        : TestClient.managementClient(meter)).associate()) {
            GXReplyData reply = client.read(CLOCK, ObjectType.CLOCK, 2);
            assertEquals(0, reply.getError());
            Instant time = ClockTest.toInstant((byte[]) reply.getValue());
            assertTrue(Duration.between(Instant.now(), time).abs().getSeconds() <= 2,
                    time.toString());
            assertEquals("12345678", client.read(0x140, ObjectType.DATA, 2).getValue());
            client.release();
        }
    }

    @Test
    void lowClientWritesTheClockAndInvokesMethodsByShortName() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals(0, client.write(CLOCK, ObjectType.CLOCK, 2,
                    DateTimeBytes.dateTime(2030, 6, 15, 10, 20, 30, 0), DataType.OCTET_STRING)
                    .getError());
            Instant time = ClockTest.toInstant((byte[]) client.read(CLOCK, ObjectType.CLOCK, 2)
                    .getValue());
            assertTrue(Duration.between(Instant.parse("2030-06-15T10:20:30Z"), time).abs()
                    .getSeconds() <= 2, time.toString());
            assertEquals(0, client.method(DISCONNECT_CONTROL, ObjectType.DISCONNECT_CONTROL, 1,
                    0, DataType.INT8).getError());
            assertEquals(Boolean.FALSE, client.read(DISCONNECT_CONTROL,
                    ObjectType.DISCONNECT_CONTROL, 2).getValue());
            // Association SN methods are refused, and the association goes on.
            assertEquals(ErrorCode.READ_WRITE_DENIED.getValue(), client.method(ASSOCIATION,
                    ObjectType.ASSOCIATION_SHORT_NAME, 1, 0, DataType.INT8).getError());
            assertEquals(0, client.read(CLOCK, ObjectType.CLOCK, 2).getError());
        }
    }

    @Test
    void publicClientWriteIsDeniedAndUnknownShortNameIsUndefined() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.publicClient(meter).associate()) {
            assertEquals(ErrorCode.READ_WRITE_DENIED.getValue(), client.write(
                    ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER, 2, 5L, DataType.UINT32)
                    .getError());
            assertEquals(ErrorCode.UNDEFINED_OBJECT.getValue(),
                    client.read(0x1000, ObjectType.DATA, 2).getError());
        }
    }

    /** HLS is LN only: client 18 (High) gets an AARE rejection, not silence. */
    @Test
    void highClientIsRejectedWithMechanismNameNotRecognised() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.connect(meter, Associations.HIGH_CLIENT,
                        Authentication.HIGH, DeviceKeys.HLS_SECRET)) {
            GXDLMSException e = assertThrows(GXDLMSException.class, client::associate);
            assertEquals(SourceDiagnostic.NOT_RECOGNISED.getValue(), e.getDiagnostic());
        }
    }

    @Test
    void wrongLowPasswordIsRejectedWithAuthenticationFailure() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.connect(meter, Associations.MANAGEMENT_CLIENT,
                        Authentication.LOW, "wrong")) {
            GXDLMSException e = assertThrows(GXDLMSException.class, client::associate);
            assertEquals(SourceDiagnostic.AUTHENTICATION_FAILURE.getValue(), e.getDiagnostic());
        }
    }

    @Test
    void logicalNameClientIsRejectedWithApplicationContextNotSupported() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.over(meter, new GXDLMSSecureClient(true,
                        Associations.PUBLIC_CLIENT, 1, Authentication.NONE, null,
                        InterfaceType.HDLC))) {
            GXDLMSException e = assertThrows(GXDLMSException.class, client::associate);
            assertEquals(SourceDiagnostic.NOT_SUPPORTED.getValue(), e.getDiagnostic());
        }
    }
}
