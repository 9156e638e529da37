package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.GXDLMSExceptionResponse;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ExceptionServiceError;
import gurux.dlms.enums.ExceptionStateError;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.Security;

/** Ciphered associations (clients 1 to 4): what works ciphered and what is refused. */
@Tag("integration")
class CipheringTest {

    static Authentication mechanism(int sap) {
        return Associations.forClient(DefaultDevice.create(), sap)
                .getAuthenticationMechanismName().getMechanismId();
    }

    static TestClient ciphered(MeterSimulator meter, int sap) throws Exception {
        return TestClient.ciphered(meter, sap, mechanism(sap), "Gurux", 1);
    }

    @ParameterizedTest(name = "client {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void cipheredGetSetAndActionWork(int sap) throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = ciphered(meter, sap).associate()) {
            assertEquals(0, client.write(DefaultDevice.ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER,
                    2, 4321L, DataType.UINT32).getError());
            assertEquals(4321L, ((Number) client.read(DefaultDevice.ACTIVE_ENERGY_IMPORT,
                    ObjectType.REGISTER, 2).getValue()).longValue());
            assertEquals(0, client.method(DefaultDevice.DISCONNECT_CONTROL,
                    ObjectType.DISCONNECT_CONTROL, 1, 0, DataType.INT8).getError());
            assertEquals(Boolean.FALSE, client.read(DefaultDevice.DISCONNECT_CONTROL,
                    ObjectType.DISCONNECT_CONTROL, 2).getValue());
            client.release();
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void loadProfileIsReadCipheredWithBlockTransfer(boolean wrapper) throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).wrapper(wrapper));
                TestClient client = ciphered(meter, 1).associate()) {
            GXReplyData rows = client.read(DefaultDevice.LOAD_PROFILE,
                    ObjectType.PROFILE_GENERIC, 2);
            assertEquals(672, ((List<?>) rows.getValue()).size());
            assertTrue(client.dataBlocks() > 0, "block transfer");
        }
    }

    @Test
    void dedicatedKeyProposedInTheAarqIsUsed() throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .trace(new PrintStream(trace, true, StandardCharsets.UTF_8)));
                TestClient client = ciphered(meter, 2)) {
            client.ciphering().setDedicatedKey(gurux.common.GXCommon.hexToBytes(
                    "00112233445566778899AABBCCDDEEFF"));
            client.associate();
            assertEquals(672, ((List<?>) client.read(DefaultDevice.LOAD_PROFILE,
                    ObjectType.PROFILE_GENERIC, 2).getValue()).size());
        }
        String text = trace.toString(StandardCharsets.UTF_8);
        // general-ded-ciphering (DC) after the association, both ways.
        assertTrue(text.contains(" RX ") && text.matches("(?s).* RX .*E6 E6 00 DC .*"), text);
        assertTrue(text.matches("(?s).* TX .*E6 E7 00 DC .*"), text);
    }

    @Test
    void clientSystemTitleIsTakenFromTheAarq() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = ciphered(meter, 4)) {
            client.ciphering().setSystemTitle("ZYXWVUTS".getBytes(StandardCharsets.US_ASCII));
            client.associate();
            assertEquals(0, client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2).getError());
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void plainGetInACipheredAssociationGetsDecipheringErrorAndNoData(boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).wrapper(wrapper));
                TestClient client = ciphered(meter, 3).associate()) {
            client.ciphering().setSecurity(Security.NONE);
            GXDLMSExceptionResponse e = assertThrows(GXDLMSExceptionResponse.class,
                    () -> client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2));
            assertEquals(ExceptionStateError.SERVICE_NOT_ALLOWED, e.getStateError());
            assertEquals(ExceptionServiceError.DECIPHERING_ERROR, e.getExceptionServiceError());
            // The association goes on, ciphered.
            client.ciphering().setSecurity(Security.AUTHENTICATION_ENCRYPTION);
            assertEquals("12345678", client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                    .getValue());
        }
    }

    @Test
    void plainSetAndActionInACipheredAssociationChangeNothing() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = ciphered(meter, 4).associate()) {
            Object before = client.read(DefaultDevice.ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER,
                    2).getValue();
            client.ciphering().setSecurity(Security.NONE);
            assertThrows(GXDLMSExceptionResponse.class, () -> client.write(
                    DefaultDevice.ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER, 2, 1L,
                    DataType.UINT32));
            assertThrows(GXDLMSExceptionResponse.class, () -> client.method(
                    DefaultDevice.DISCONNECT_CONTROL, ObjectType.DISCONNECT_CONTROL, 1, 0,
                    DataType.INT8));
            client.ciphering().setSecurity(Security.AUTHENTICATION_ENCRYPTION);
            assertEquals(before, client.read(DefaultDevice.ACTIVE_ENERGY_IMPORT,
                    ObjectType.REGISTER, 2).getValue());
            assertEquals(Boolean.TRUE, client.read(DefaultDevice.DISCONNECT_CONTROL,
                    ObjectType.DISCONNECT_CONTROL, 2).getValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"block cipher key", "authentication key"})
    void wrongKeyInTheAarqGetsDecipheringErrorAndTheNextClientIsServed(String key)
            throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            try (TestClient client = ciphered(meter, 1)) {
                setWrongKey(client, key);
                GXDLMSExceptionResponse e = assertThrows(GXDLMSExceptionResponse.class,
                        client::associate);
                assertEquals(ExceptionStateError.SERVICE_NOT_ALLOWED, e.getStateError());
                assertEquals(ExceptionServiceError.DECIPHERING_ERROR,
                        e.getExceptionServiceError());
            }
            try (TestClient next = TestClient.ciphered(meter, 1, Authentication.HIGH_GMAC, null,
                    1).associate()) {
                assertEquals(0, next.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2).getError());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"block cipher key", "authentication key"})
    void wrongKeyAfterTheAssociationGetsDecipheringError(String key) throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = ciphered(meter, 2).associate()) {
            setWrongKey(client, key);
            GXDLMSExceptionResponse e = assertThrows(GXDLMSExceptionResponse.class,
                    () -> client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2));
            assertEquals(ExceptionServiceError.DECIPHERING_ERROR, e.getExceptionServiceError());
            assertNull(e.getValue());
        }
    }

    private static void setWrongKey(TestClient client, String key) {
        byte[] wrong = new byte[16];
        if (key.startsWith("block")) {
            client.ciphering().setBlockCipherKey(wrong);
        } else {
            client.ciphering().setAuthenticationKey(wrong);
        }
    }
}
