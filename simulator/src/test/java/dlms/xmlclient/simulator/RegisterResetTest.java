package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.GXUInt32;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSRegister;

/**
 * A Register's reset (method 1) sets its value to the default, zero of its type, and the value
 * reads as such afterwards.
 */
@Tag("integration")
class RegisterResetTest {

    @Test
    void guruxAloneLeavesAResetRegisterWithoutAValue() {
        GXDLMSRegister register = new GXDLMSRegister(DefaultDevice.ACTIVE_ENERGY_IMPORT);
        register.setValue(new GXUInt32(1234));
        register.invoke(null, new ValueEventArgs(register, 1, 0, null));
        assertNull(register.getValue(), "gurux.dlms 4.0.47 no longer sets null on reset: "
                + "RegisterReset may be removed");
    }

    @Test
    void aResetEnergyRegisterReadsZeroOfItsOwnType() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals(0, client.method(DefaultDevice.ACTIVE_ENERGY_IMPORT,
                    ObjectType.REGISTER, 1, 0, DataType.INT8).getError());
            var after = client.read(DefaultDevice.ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER, 2);
            assertEquals(0, after.getError());
            assertEquals(new GXUInt32(0), after.getValue());
            // The register keeps counting from zero: its value can be set again.
            assertEquals(0, client.write(DefaultDevice.ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER,
                    2, 7L, DataType.UINT32).getError());
        }
    }
}
