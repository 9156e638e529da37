package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DefaultDevice;
import dlms.xmlclient.simulator.device.DeviceKeys;
import gurux.dlms.GXArray;
import gurux.dlms.GXDLMSException;
import gurux.dlms.GXStructure;
import gurux.dlms.GXUInt16;
import gurux.dlms.GXUInt8;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.ObjectType;

/**
 * An association's and a security setup's methods act only on the association in use and the
 * security setup it refers to; anything else is read-write-denied and changes nothing.
 */
@Tag("integration")
class MethodRightsTest {

    private static final int DENIED = ErrorCode.READ_WRITE_DENIED.getValue();
    private static final byte[] NEW_SECRET = "Hijacked".getBytes(StandardCharsets.US_ASCII);
    private static final String SETUP_OF_CLIENT_1 = "0.0.43.0.1.255";
    /** Authenticated and encrypted requests and responses. */
    private static final int POLICY_OF_CLIENT_1 = 108;

    /** The attack as measured: client 17 gave clients 18 and 2 a secret of its own. */
    @Test
    void changeHlsSecretOfAnotherAssociationIsDeniedAndTheSecretStays() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            try (TestClient low = TestClient.managementClient(meter).associate()) {
                for (String other : new String[] {"0.0.40.0.3.255", "0.0.40.0.5.255"}) {
                    assertEquals(DENIED, low.method(other, ObjectType.ASSOCIATION_LOGICAL_NAME,
                            2, NEW_SECRET, DataType.OCTET_STRING).getError(), other);
                }
                for (int method = 3; method <= 6; ++method) {
                    assertEquals(DENIED, low.method("0.0.40.0.1.255",
                            ObjectType.ASSOCIATION_LOGICAL_NAME, method, 0, DataType.UINT8)
                            .getError(), "method " + method);
                }
                low.release();
            }
            try (TestClient high = TestClient.connect(meter, 18, Authentication.HIGH,
                    "Hijacked")) {
                assertThrows(GXDLMSException.class, high::associate);
            }
            try (TestClient high = TestClient.connect(meter, 18, Authentication.HIGH,
                    DeviceKeys.HLS_SECRET).associate()) {
                assertEquals(0, high.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2).getError());
                high.release();
            }
            try (TestClient md5 = CipheringTest.ciphered(meter, 2).associate()) {
                assertEquals(0, md5.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2).getError());
                md5.release();
            }
        }
    }

    @Test
    void changeHlsSecretOfTheCurrentAssociationWorks() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            try (TestClient high = TestClient.connect(meter, 18, Authentication.HIGH,
                    DeviceKeys.HLS_SECRET).associate()) {
                assertEquals(0, high.method(Associations.CURRENT,
                        ObjectType.ASSOCIATION_LOGICAL_NAME, 2, NEW_SECRET,
                        DataType.OCTET_STRING).getError());
                high.release();
            }
            try (TestClient high = TestClient.connect(meter, 18, Authentication.HIGH,
                    "Hijacked").associate()) {
                assertEquals(0, high.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2).getError());
                high.release();
            }
        }
    }

    @Test
    void securitySetupOfAnotherAssociationIsNeitherInvokedNorWritten() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            try (TestClient low = TestClient.managementClient(meter).associate()) {
                for (int method = 1; method <= 8; ++method) {
                    assertEquals(DENIED, low.method(SETUP_OF_CLIENT_1, ObjectType.SECURITY_SETUP,
                            method, 0, DataType.ENUM).getError(), "method " + method);
                }
                assertEquals(DENIED, low.write(SETUP_OF_CLIENT_1, ObjectType.SECURITY_SETUP, 2,
                        0, DataType.ENUM).getError());
                assertEquals(DENIED, low.write("0.0.40.0.3.255",
                        ObjectType.ASSOCIATION_LOGICAL_NAME, 7, NEW_SECRET,
                        DataType.OCTET_STRING).getError());
                assertEquals(POLICY_OF_CLIENT_1, ((Number) low.read(SETUP_OF_CLIENT_1,
                        ObjectType.SECURITY_SETUP, 2).getValue()).intValue());
                low.release();
            }
            try (TestClient gmac = CipheringTest.ciphered(meter, 1).associate()) {
                assertEquals(POLICY_OF_CLIENT_1, ((Number) gmac.read(SETUP_OF_CLIENT_1,
                        ObjectType.SECURITY_SETUP, 2).getValue()).intValue());
                gmac.release();
            }
        }
    }

    /**
     * gurux.dlms's add_object adds the object (to the meter too), then refuses 0.0.40.0.0.255
     * with undefined-object: the object list stays as it was, and 0.0.40.0.0.255 is still the
     * association in use (not an empty association the method left behind).
     */
    @Test
    void refusedAddObjectLeavesTheObjectListAsItWas() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient low = TestClient.managementClient(meter).associate()) {
            int before = ((List<?>) low.read(Associations.CURRENT,
                    ObjectType.ASSOCIATION_LOGICAL_NAME, 2).getValue()).size();
            GXStructure element = new GXStructure();
            element.add(new GXUInt16(ObjectType.ASSOCIATION_LOGICAL_NAME.getValue()));
            element.add(new GXUInt8((short) 0));
            element.add(new byte[] {0, 0, 40, 0, 0, (byte) 255});
            GXStructure rights = new GXStructure();
            rights.add(new GXArray());
            rights.add(new GXArray());
            element.add(rights);
            assertEquals(ErrorCode.UNDEFINED_OBJECT.getValue(), low.method(Associations.CURRENT,
                    ObjectType.ASSOCIATION_LOGICAL_NAME, 3, element, DataType.STRUCTURE)
                    .getError());
            assertEquals(before, ((List<?>) low.read(Associations.CURRENT,
                    ObjectType.ASSOCIATION_LOGICAL_NAME, 2).getValue()).size());
            low.release();
        }
    }

    /** The measured attack's second half: the refusal changed security_policy to 0. */
    @Test
    void refusedSecurityActivateLeavesThePolicyAsItWas() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            try (TestClient gmac = CipheringTest.ciphered(meter, 1).associate()) {
                int result = gmac.method(SETUP_OF_CLIENT_1, ObjectType.SECURITY_SETUP, 1, 0,
                        DataType.ENUM).getError();
                assertEquals(ErrorCode.OTHER_REASON.getValue(), result);
                assertEquals(POLICY_OF_CLIENT_1, ((Number) gmac.read(SETUP_OF_CLIENT_1,
                        ObjectType.SECURITY_SETUP, 2).getValue()).intValue());
                assertEquals(0, gmac.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2).getError());
                gmac.release();
            }
            SecretsUnreadableTest.assertRealClientWorks(meter);
        }
    }
}
