package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.GXDLMSException;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.SourceDiagnostic;

@Tag("integration")
class AssociationTest {

    private static MeterSimulator start(boolean wrapper) throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).wrapper(wrapper));
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void publicClientAssociatesWithoutAuthentication(boolean wrapper) throws Exception {
        try (MeterSimulator meter = start(wrapper);
                TestClient client = TestClient.publicClient(meter).associate()) {
            GXReplyData reply = client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2);
            assertEquals(0, reply.getError());
            assertEquals("12345678", reply.getValue());
            client.release();
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void managementClientAssociatesWithLowPassword(boolean wrapper) throws Exception {
        try (MeterSimulator meter = start(wrapper);
                TestClient client = TestClient.managementClient(meter).associate()) {
            GXReplyData reply = client.read(DefaultDevice.LDN, ObjectType.DATA, 2);
            assertArrayEquals("SIM0000000000001".getBytes(), (byte[]) reply.getValue());
            client.release();
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void wrongPasswordIsRejectedWithAuthenticationFailure(boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = start(wrapper);
                TestClient client = TestClient.connect(meter, 17, Authentication.LOW, "wrong")) {
            GXDLMSException e = assertThrows(GXDLMSException.class, client::associate);
            assertEquals(SourceDiagnostic.AUTHENTICATION_FAILURE.getValue(), e.getDiagnostic());
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void unknownClientAddressGetsNoAnswer(boolean wrapper) throws Exception {
        try (MeterSimulator meter = start(wrapper);
                TestClient client = TestClient.connect(meter, 99, Authentication.NONE, null)) {
            byte[] request = wrapper ? client.dlms().aarqRequest()[0]
                    : client.dlms().snrmRequest();
            assertNull(client.sendExpectingSilence(request, 500));
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void unknownServerAddressGetsNoAnswer(boolean wrapper) throws Exception {
        try (MeterSimulator meter = start(wrapper);
                TestClient client = TestClient.publicClient(meter)) {
            client.dlms().setServerAddress(5);
            byte[] request = wrapper ? client.dlms().aarqRequest()[0]
                    : client.dlms().snrmRequest();
            assertNull(client.sendExpectingSilence(request, 500));
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void setByPublicClientIsDeniedWithReadWriteDenied(boolean wrapper) throws Exception {
        try (MeterSimulator meter = start(wrapper);
                TestClient client = TestClient.publicClient(meter).associate()) {
            GXReplyData reply = client.write(DefaultDevice.ACTIVE_ENERGY_IMPORT,
                    ObjectType.REGISTER, 2, 5L, DataType.UINT32);
            assertEquals(ErrorCode.READ_WRITE_DENIED.getValue(), reply.getError());
            // The association is still usable afterwards.
            assertEquals(0, client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getError());
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void methodByPublicClientIsDeniedWithReadWriteDenied(boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = start(wrapper);
                TestClient client = TestClient.publicClient(meter).associate()) {
            GXReplyData reply = client.method(DefaultDevice.DISCONNECT_CONTROL,
                    ObjectType.DISCONNECT_CONTROL, 1, 0, DataType.INT8);
            assertEquals(ErrorCode.READ_WRITE_DENIED.getValue(), reply.getError());
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void getOfMissingObjectReturnsObjectUndefined(boolean wrapper) throws Exception {
        try (MeterSimulator meter = start(wrapper);
                TestClient client = TestClient.publicClient(meter).associate()) {
            GXReplyData reply = client.read("1.2.3.4.5.255", ObjectType.DATA, 2);
            assertEquals(ErrorCode.UNDEFINED_OBJECT.getValue(), reply.getError());
        }
    }

    @ParameterizedTest(name = "client={0}")
    @ValueSource(ints = {16, 17})
    void currentAssociationIsTheAssociationInUse(int clientSap) throws Exception {
        try (MeterSimulator meter = start(false);
                TestClient client = (clientSap == 16 ? TestClient.publicClient(meter)
                        : TestClient.managementClient(meter)).associate()) {
            GXReplyData reply = client.read(Associations.CURRENT,
                    ObjectType.ASSOCIATION_LOGICAL_NAME, 3);
            List<?> partners = (List<?>) reply.getValue();
            assertEquals(clientSap, ((Number) partners.get(0)).intValue());
            reply = client.read(Associations.CURRENT, ObjectType.ASSOCIATION_LOGICAL_NAME, 2);
            assertEquals(0, reply.getError());
            List<?> objectList = (List<?>) reply.getValue();
            // The association's view, plus the association in use listed as 0.0.40.0.0.255.
            assertEquals(Associations.forClient(meter.device(), clientSap).getObjectList()
                    .size() + 1, objectList.size());
            assertArrayEquals(new byte[] {0, 0, 40, 0, 0, (byte) 255},
                    (byte[]) ((List<?>) objectList.get(0)).get(2));
            assertTrue(client.dataBlocks() > 0, "object list needs block transfer");
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void nextClientAssociatesAfterPreviousOneDisconnectedWithoutRelease(boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = start(wrapper)) {
            try (TestClient first = TestClient.managementClient(meter).associate()) {
                assertEquals(0, first.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getError());
            }
            try (TestClient second = TestClient.publicClient(meter).associate()) {
                assertEquals(0, second.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getError());
                second.release();
            }
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void secondConnectionGetsNoAnswerWhileFirstIsAssociated(boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = start(wrapper);
                TestClient first = TestClient.managementClient(meter).associate();
                TestClient second = TestClient.publicClient(meter)) {
            byte[] request = wrapper ? second.dlms().aarqRequest()[0]
                    : second.dlms().snrmRequest();
            assertNull(second.sendExpectingSilence(request, 500));
            assertEquals(0, first.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getError());
        }
    }

    /**
     * Over WRAPPER a refused AARQ leaves no association, so the port is free at once for another
     * connection, even while the refused one stays open (gurux.dlms keeps the refused client's
     * address until the meter resets it).
     */
    @Test
    void anotherConnectionAssociatesWhileARefusedOneIsStillOpenOverWrapper() throws Exception {
        try (MeterSimulator meter = start(true);
                TestClient refused = TestClient.connect(meter, 17, Authentication.LOW, "wrong")) {
            assertThrows(GXDLMSException.class, refused::associate);
            try (TestClient next = TestClient.publicClient(meter).associate()) {
                assertEquals(0, next.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getError());
                next.release();
            }
        }
    }
}
