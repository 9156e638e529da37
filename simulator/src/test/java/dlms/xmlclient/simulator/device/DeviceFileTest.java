package dlms.xmlclient.simulator.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gurux.dlms.enums.Conformance;
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
