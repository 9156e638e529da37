package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dlms.xmlclient.simulator.device.DefaultDevice;
import dlms.xmlclient.simulator.device.DeviceFile;
import gurux.dlms.GXDLMSExceptionResponse;
import gurux.dlms.GXReplyData;
import gurux.dlms.GXUInt32;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSData;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;

/** Device files served: what a client reads and writes of a meter started with one. */
@Tag("integration")
class DeviceFileServingTest {

    @TempDir
    Path dir;

    @Test
    void invocationCounterOfADeviceFileIsTheLastAcceptedOne() throws Exception {
        GXDLMSObjectCollection device = DefaultDevice.create();
        ((GXDLMSData) device.findByLN(ObjectType.DATA, "0.0.43.1.1.255"))
                .setValue(new GXUInt32(41));
        Path file = dir.resolve("counter.xml");
        DeviceFile.save(device, file);
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).deviceFile(file))) {
            assertEquals(41, FrameCounterTest.lastAccepted(meter, 1));
            assertThrows(GXDLMSExceptionResponse.class,
                    () -> FrameCounterTest.session(meter, 1, 41));
            FrameCounterTest.session(meter, 1, 42);
        }
    }

    @Test
    void cipheredAssociationOfAFileWithoutInvocationCounterGetsOne() throws Exception {
        GXDLMSObjectCollection device = DefaultDevice.create();
        device.remove(device.findByLN(ObjectType.DATA, "0.0.43.1.2.255"));
        Path file = dir.resolve("no-counter.xml");
        DeviceFile.save(device, file);
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).deviceFile(file))) {
            long next = FrameCounterTest.session(meter, 2, 1);
            assertEquals(next - 1, FrameCounterTest.lastAccepted(meter, 2));
            assertThrows(GXDLMSExceptionResponse.class,
                    () -> FrameCounterTest.session(meter, 2, next - 1));
        }
    }

    @Test
    void savedDeviceServesTheSameObjects() throws Exception {
        Path file = dir.resolve("meter.xml");
        DeviceFile.save(DefaultDevice.create(), file);
        byte[] before = Files.readAllBytes(file);
        List<?> builtInScaler;
        List<?> builtInRows;
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.managementClient(meter).associate()) {
            builtInScaler = (List<?>) client.read(DefaultDevice.VOLTAGE_L1, ObjectType.REGISTER, 3)
                    .getValue();
            builtInRows = (List<?>) client.read(DefaultDevice.LOAD_PROFILE,
                    ObjectType.PROFILE_GENERIC, 2).getValue();
        }
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).deviceFile(file));
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals(ints(builtInScaler), ints((List<?>) client.read(
                    DefaultDevice.VOLTAGE_L1, ObjectType.REGISTER, 3).getValue()));
            List<?> rows = (List<?>) client.read(DefaultDevice.LOAD_PROFILE,
                    ObjectType.PROFILE_GENERIC, 2).getValue();
            assertEquals(builtInRows.size(), rows.size());
            for (int i = 0; i != rows.size(); ++i) {
                List<?> a = (List<?>) builtInRows.get(i);
                List<?> b = (List<?>) rows.get(i);
                assertArrayEquals((byte[]) a.get(0), (byte[]) b.get(0));
                assertEquals(a.get(1), b.get(1));
            }
            GXReplyData write = client.write(DefaultDevice.ACTIVE_ENERGY_IMPORT,
                    ObjectType.REGISTER, 2, 1L, DataType.UINT32);
            assertEquals(0, write.getError());
            assertEquals(1L, ((Number) client.read(DefaultDevice.ACTIVE_ENERGY_IMPORT,
                    ObjectType.REGISTER, 2).getValue()).longValue());
        }
        assertArrayEquals(before, Files.readAllBytes(file), "the device file is never written");
    }

    /** GXStructure and GXEnum do not compare by content; compare the numbers. */
    private static List<Integer> ints(List<?> values) {
        return values.stream().map(v -> ((Number) v).intValue()).collect(Collectors.toList());
    }

    @Test
    void deviceFileWithoutAssociationsGetsTheDefaultOnes() throws Exception {
        GXDLMSObjectCollection device = DefaultDevice.create();
        for (GXDLMSObject it : device.getObjects(ObjectType.ASSOCIATION_LOGICAL_NAME)) {
            device.remove(it);
        }
        Path file = dir.resolve("no-associations.xml");
        DeviceFile.save(device, file);
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).deviceFile(file));
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals("12345678", client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                    .getValue());
        }
    }
}
