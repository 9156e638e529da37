package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.GXDLMSException;
import gurux.dlms.GXUInt32;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.secure.GXDLMSSecureClient;

/**
 * One port, both referencings: each association is served by the application context its AARQ
 * names, one after the other on a connection or on new ones, as a meter that supports both.
 */
@Tag("integration")
class ReferencingTest {

    private static TestClient client(MeterSimulator meter, boolean logicalNames)
            throws Exception {
        return TestClient.over(meter, new GXDLMSSecureClient(logicalNames,
                Associations.MANAGEMENT_CLIENT, TestClient.SERVER_ADDRESS, Authentication.LOW,
                Associations.LOW_SECRET, TestClient.interfaceType(meter.isWrapper())));
    }

    private static Object energyByLogicalName(TestClient client) throws Exception {
        return client.read(DefaultDevice.ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER, 2)
                .getValue();
    }

    private static Object energyByShortName(TestClient client) throws Exception {
        return client.read(SimulatorShortNameTest.ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER, 2)
                .getValue();
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void lnAndSnAssociationsTakeTurnsOnOnePort(boolean wrapper) throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .wrapper(wrapper))) {
            assertEquals(Referencing.BOTH, meter.referencing());
            Object energy;
            try (TestClient ln = client(meter, true).associate()) {
                energy = energyByLogicalName(ln);
                ln.release();
            }
            for (int round = 0; round != 2; ++round) {
                try (TestClient sn = client(meter, false).associate()) {
                    assertEquals(energy, energyByShortName(sn));
                    sn.release();
                }
                try (TestClient ln = client(meter, true).associate()) {
                    assertEquals(energy, energyByLogicalName(ln));
                    ln.release();
                }
            }
            // A ciphered LN association is still served after SN ones: the counters are shared.
            try (TestClient ciphered = CipheringTest.ciphered(meter, 1).associate()) {
                assertEquals(energy, energyByLogicalName(ciphered));
            }
        }
    }

    @Test
    void aWriteByShortNameIsReadByLogicalName() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            try (TestClient sn = client(meter, false).associate()) {
                assertEquals(0, sn.write(SimulatorShortNameTest.ACTIVE_ENERGY_IMPORT,
                        ObjectType.REGISTER, 2, 777L, gurux.dlms.enums.DataType.UINT32)
                        .getError());
                sn.release();
            }
            try (TestClient ln = client(meter, true).associate()) {
                assertEquals(new GXUInt32(777), energyByLogicalName(ln));
            }
        }
    }

    @Test
    void oneReferencingOnlyRefusesTheOthersAarq() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .referencing(Referencing.LOGICAL_NAMES));
                TestClient sn = client(meter, false)) {
            assertThrows(GXDLMSException.class, sn::associate, "application-context-name-not-supported");
        }
    }
}
