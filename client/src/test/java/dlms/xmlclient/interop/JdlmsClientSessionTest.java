package dlms.xmlclient.interop;

import org.junit.jupiter.api.Tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.GetResult;
import org.openmuc.jdlms.MethodParameter;
import org.openmuc.jdlms.MethodResultCode;
import org.openmuc.jdlms.SetParameter;
import org.openmuc.jdlms.datatypes.DataObject;

import dlms.xmlclient.simulator.MeterSimulator;

/**
 * What a session with jDLMS's client goes through besides reading: release, refusals and
 * errors, after which the association goes on.
 */
@Tag("integration")
class JdlmsClientSessionTest {

    private static final int DATA = 1;
    private static final int DISCONNECT_CONTROL = 70;
    private static final String LOGICAL_DEVICE_NAME = "0.0.42.0.0.255";
    private static final String SUPPLY_SWITCH = "0.0.96.3.10.255";
    /** An object the meter does not have (the one get-missing-object.xml reads). */
    private static final String MISSING = "0.0.99.99.0.255";

    static Stream<Arguments> linksAndClients() {
        return JdlmsClientReadsSimulatorTest.linksAndClients();
    }

    /**
     * jDLMS's disconnect() sends an RLRQ and fails unless an RLRE it decodes comes back; the
     * meter is then free for the next association.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("linksAndClients")
    void releaseIsAnsweredWithAReleaseResponseJdlmsDecodes(JdlmsLink link,
            final JdlmsClient client) throws Exception {
        try (MeterSimulator meter = link.startMeter()) {
            for (int session = 0; session != 2; ++session) {
                try (JdlmsAssociation association = client.associate(meter, link)) {
                    assertTrue(association.connection().get(ldn()).requestSuccessful());
                    association.release();
                }
            }
        }
    }

    /** Get, Set and Action on a missing object: object-undefined, and the association goes on. */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("linksAndClients")
    void missingObjectIsUndefinedAndTheAssociationGoesOn(JdlmsLink link,
            final JdlmsClient client) throws Exception {
        try (MeterSimulator meter = link.startMeter();
                JdlmsAssociation association = client.associate(meter, link)) {
            DlmsConnection connection = association.connection();
            assertEquals(AccessResultCode.OBJECT_UNDEFINED,
                    connection.get(new AttributeAddress(DATA, MISSING, 2)).getResultCode());
            assertEquals(AccessResultCode.OBJECT_UNDEFINED, connection.set(new SetParameter(
                    new AttributeAddress(DATA, MISSING, 2), DataObject.newUInteger32Data(1))));
            assertEquals(MethodResultCode.OBJECT_UNDEFINED, connection.action(
                    new MethodParameter(DISCONNECT_CONTROL, MISSING, 1,
                            DataObject.newInteger8Data((byte) 0))).getResultCode());
            assertTrue(connection.get(ldn()).requestSuccessful());
            association.release();
        }
    }

    /** The public client reads the supply switch but may not open it: read-write-denied. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(JdlmsLink.class)
    void publicClientMayNotDisconnectTheSupply(JdlmsLink link) throws Exception {
        try (MeterSimulator meter = link.startMeter();
                JdlmsAssociation association = JdlmsClient.PUBLIC.associate(meter, link)) {
            DlmsConnection connection = association.connection();
            AttributeAddress outputState = new AttributeAddress(DISCONNECT_CONTROL,
                    SUPPLY_SWITCH, 2);
            GetResult before = connection.get(outputState);
            assertTrue(before.requestSuccessful(), before.getResultCode().toString());
            assertEquals(MethodResultCode.READ_WRITE_DENIED, connection.action(
                    new MethodParameter(DISCONNECT_CONTROL, SUPPLY_SWITCH, 1,
                            DataObject.newInteger8Data((byte) 0))).getResultCode());
            assertEquals(before.getResultData().<Boolean>getValue(),
                    connection.get(outputState).getResultData().<Boolean>getValue(),
                    "output_state unchanged");
            association.release();
        }
    }

    private static AttributeAddress ldn() {
        return new AttributeAddress(DATA, LOGICAL_DEVICE_NAME, 2);
    }
}
