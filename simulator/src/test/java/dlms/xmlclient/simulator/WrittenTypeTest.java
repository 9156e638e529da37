package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.GXUInt32;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.secure.GXDLMSSecureClient;

/**
 * A Set (LN) or Write (SN) of a value that is not of the attribute's type is answered
 * type-unmatched and changes nothing; the next Get answers the old value (gurux.dlms alone would
 * store it and answer every later Get read-write-denied).
 */
@Tag("integration")
class WrittenTypeTest {

    private static final int ACTIVE_ENERGY_IMPORT_SN = SimulatorShortNameTest.ACTIVE_ENERGY_IMPORT;

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void aStringSetIntoTheEnergyRegisterIsTypeUnmatchedAndTheValueStays(boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .wrapper(wrapper));
                TestClient client = TestClient.managementClient(meter).associate()) {
            Object before = client.read(DefaultDevice.ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER, 2)
                    .getValue();
            assertEquals(ErrorCode.UNMATCHED_TYPE.getValue(), client.write(
                    DefaultDevice.ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER, 2, "1234",
                    DataType.STRING).getError());
            assertEquals(ErrorCode.UNMATCHED_TYPE.getValue(), client.write(
                    DefaultDevice.ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER, 2, null,
                    DataType.NONE).getError(), "null-data is not the register's type either");
            assertEquals(ErrorCode.UNMATCHED_TYPE.getValue(), client.write(
                    DefaultDevice.ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER, 2, 1234,
                    DataType.UINT16).getError(), "long-unsigned is not double-long-unsigned");
            var after = client.read(DefaultDevice.ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER, 2);
            assertEquals(0, after.getError());
            assertEquals(before, after.getValue());
        }
    }

    @Test
    void aValueOfTheAttributesOwnTypeIsStillWritten() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals(0, client.write(DefaultDevice.ACTIVE_ENERGY_IMPORT, ObjectType.REGISTER,
                    2, 4321L, DataType.UINT32).getError());
            assertEquals(new GXUInt32(4321), client.read(DefaultDevice.ACTIVE_ENERGY_IMPORT,
                    ObjectType.REGISTER, 2).getValue());
            // The clock's time_zone is long (int16): an unsigned is refused, a long taken.
            assertEquals(ErrorCode.UNMATCHED_TYPE.getValue(), client.write(DefaultDevice.CLOCK,
                    ObjectType.CLOCK, 3, 60, DataType.UINT8).getError());
            assertEquals(0, client.write(DefaultDevice.CLOCK, ObjectType.CLOCK, 3, 60,
                    DataType.INT16).getError());
            assertEquals((short) 60, client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 3)
                    .getValue());
        }
    }

    @Test
    void aStringWrittenByShortNameIsTypeUnmatchedAndTheValueStays() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.over(meter, new GXDLMSSecureClient(false,
                        Associations.MANAGEMENT_CLIENT, TestClient.SERVER_ADDRESS,
                        Authentication.LOW, Associations.LOW_SECRET, InterfaceType.HDLC))
                        .associate()) {
            Object before = client.read(ACTIVE_ENERGY_IMPORT_SN, ObjectType.REGISTER, 2)
                    .getValue();
            assertEquals(ErrorCode.UNMATCHED_TYPE.getValue(), client.write(
                    ACTIVE_ENERGY_IMPORT_SN, ObjectType.REGISTER, 2, "1234", DataType.STRING)
                    .getError());
            assertEquals(before, client.read(ACTIVE_ENERGY_IMPORT_SN, ObjectType.REGISTER, 2)
                    .getValue());
        }
    }
}
