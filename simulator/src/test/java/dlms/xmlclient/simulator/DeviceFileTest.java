package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gurux.dlms.GXDLMSExceptionResponse;
import gurux.dlms.GXReplyData;
import gurux.dlms.GXUInt32;
import gurux.dlms.enums.Conformance;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSData;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSProfileGeneric;
import gurux.dlms.objects.GXDLMSRegister;
import gurux.dlms.objects.GXDLMSSecuritySetup;

class DeviceFileTest {

    @TempDir
    Path dir;

    @Test
    void savedDefaultDeviceLoadsBackWithTheSameObjects() throws Exception {
        GXDLMSObjectCollection original = DefaultDevice.create();
        Path file = dir.resolve("meter.xml");
        DeviceFile.save(original, file);
        GXDLMSObjectCollection loaded = DeviceFile.load(file);

        assertEquals(original.size(), loaded.size());
        for (int i = 0; i != original.size(); ++i) {
            GXDLMSObject a = original.get(i);
            GXDLMSObject b = loaded.get(i);
            assertEquals(a.getObjectType(), b.getObjectType());
            assertEquals(a.getLogicalName(), b.getLogicalName());
            if (a instanceof GXDLMSRegister) {
                GXDLMSRegister ra = (GXDLMSRegister) a;
                GXDLMSRegister rb = (GXDLMSRegister) b;
                assertEquals(ra.getScaler(), rb.getScaler(), 1e-12, a.getLogicalName());
                assertEquals(ra.getUnit(), rb.getUnit(), a.getLogicalName());
                assertEquals(ra.getDataType(2), rb.getDataType(2), a.getLogicalName());
                assertEquals(((Number) ra.getValue()).longValue(),
                        ((Number) rb.getValue()).longValue(), a.getLogicalName());
            }
        }
        GXDLMSProfileGeneric pa = (GXDLMSProfileGeneric) original.findByLN(
                ObjectType.PROFILE_GENERIC, DefaultDevice.LOAD_PROFILE);
        GXDLMSProfileGeneric pb = (GXDLMSProfileGeneric) loaded.findByLN(
                ObjectType.PROFILE_GENERIC, DefaultDevice.LOAD_PROFILE);
        assertEquals(900, pb.getCapturePeriod());
        assertEquals(672, pb.getEntriesInUse());
        assertArrayEquals(
                ProfileBuffer.encode(pa, ProfileSelection.of(pa, 0, null), null),
                ProfileBuffer.encode(pb, ProfileSelection.of(pb, 0, null), null));

        for (int sap : new int[] {16, 17, 18, 1, 2, 3, 4}) {
            GXDLMSAssociationLogicalName a = Associations.forClient(original, sap);
            GXDLMSAssociationLogicalName b = Associations.forClient(loaded, sap);
            assertEquals(a.getLogicalName(), b.getLogicalName());
            assertEquals(a.getAuthenticationMechanismName().getMechanismId(),
                    b.getAuthenticationMechanismName().getMechanismId());
            assertArrayEquals(a.getSecret(), b.getSecret());
            assertEquals(Conformance.toInteger(a.getXDLMSContextInfo().getConformance()),
                    Conformance.toInteger(b.getXDLMSContextInfo().getConformance()));
            assertEquals(a.getApplicationContextName().getContextId(),
                    b.getApplicationContextName().getContextId());
            assertEquals(a.getSecuritySetupReference(), b.getSecuritySetupReference());
        }
        for (int e = 1; e <= 4; ++e) {
            String ln = "0.0.43.0." + e + ".255";
            GXDLMSSecuritySetup a = (GXDLMSSecuritySetup) original.findByLN(
                    ObjectType.SECURITY_SETUP, ln);
            GXDLMSSecuritySetup b = (GXDLMSSecuritySetup) loaded.findByLN(
                    ObjectType.SECURITY_SETUP, ln);
            assertEquals(a.getSecurityPolicy(), b.getSecurityPolicy(), ln);
            assertEquals(a.getSecuritySuite(), b.getSecuritySuite(), ln);
            assertArrayEquals(a.getServerSystemTitle(), b.getServerSystemTitle(), ln);
            assertArrayEquals(a.getClientSystemTitle(), b.getClientSystemTitle(), ln);
            assertArrayEquals(a.getGuek(), b.getGuek(), ln);
            assertArrayEquals(a.getGak(), b.getGak(), ln);
            assertEquals(0L, ((Number) ((GXDLMSData) loaded.findByLN(ObjectType.DATA,
                    "0.0.43.1." + e + ".255")).getValue()).longValue());
        }
    }

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

    @Test
    void unreadableDeviceFileIsReportedWithItsName() {
        Path missing = dir.resolve("missing.xml");
        DeviceFileException e = assertThrows(DeviceFileException.class,
                () -> DeviceFile.load(missing));
        assertEquals(true, e.getMessage().contains(missing.toString()));
    }

    @Test
    void fileThatIsNotADeviceIsRefused() throws Exception {
        Path file = dir.resolve("not-a-device.xml");
        Files.writeString(file, "this is not xml");
        assertThrows(DeviceFileException.class, () -> DeviceFile.load(file));
    }
}
