package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dlms.xmlclient.simulator.device.DefaultDevice;
import dlms.xmlclient.simulator.device.DeviceFile;
import gurux.common.GXCommon;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSIECLocalPortSetup;
import gurux.dlms.objects.GXDLMSNtpSetup;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSPppSetup;

/**
 * No service reads a secret (an association's LLS password or HLS secret, a device file's
 * port passwords and keys): each is answered read-write-denied on its own, the other items of
 * a list as usual. Raw APDUs over WRAPPER, as an attacker sends them.
 */
@Tag("integration")
class SecretsUnreadableTest {

    private static final String IEC_PORT = "0.0.20.0.0.255";
    private static final String PPP = "0.0.25.3.0.255";
    private static final String NTP = "0.0.25.10.0.255";
    private static final String PORT_PASSWORD = "P0rtPass";
    private static final String PPP_PASSWORD = "PppPass9";
    private static final byte[] NTP_KEY = "NtpKey0123456789".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private static byte[] hex(String text) {
        return GXCommon.hexToBytes(text);
    }

    /** The attack as measured: the public client read every secret with one request. */
    @Test
    void getWithListOfAssociationSecretsIsDeniedPerItem() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).wrapper(true))) {
            try (TestClient client = TestClient.publicClient(meter).associate()) {
                byte[] reply = client.apduExchange(hex("C0 03 C1 02 000F 0000280002FF 07 00"
                        + " 000F 0000280003FF 07 00"));
                assertArrayEquals(hex("C4 03 C1 02 01 03 01 03"), reply,
                        GXCommon.bytesToHex(reply));
            }
            assertRealClientWorks(meter);
        }
    }

    @Test
    void otherItemsOfTheListAreAnsweredAsUsual() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).wrapper(true))) {
            try (TestClient client = TestClient.managementClient(meter).associate()) {
                // Serial number; the current association's secret with selective access; an
                // object the meter lacks; the clock's time zone.
                byte[] reply = client.apduExchange(hex("C0 03 C1 04 0001 0000600100FF 02 00"
                        + " 000F 0000280000FF 07 01 01 00 0001 0102030405FF 02 00"
                        + " 0008 0000010000FF 03 00"));
                String text = GXCommon.bytesToHex(reply);
                assertEquals("C4 03 C1 04 00 0A 08 31 32 33 34 35 36 37 38 01 03 01 04 00 10 00 00",
                        text);
            }
            assertRealClientWorks(meter);
        }
    }

    @Test
    void getNormalOfASecretIsDeniedWithOrWithoutSelectiveAccess() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).wrapper(true));
                TestClient client = TestClient.managementClient(meter).associate()) {
            for (String ln : new String[] {"0000280000FF", "0000280002FF", "0000280003FF"}) {
                assertArrayEquals(hex("C4 01 C1 01 03"), client.apduExchange(
                        hex("C0 01 C1 000F " + ln + " 07 00")));
                assertArrayEquals(hex("C4 01 C1 01 03"), client.apduExchange(
                        hex("C0 01 C1 000F " + ln + " 07 01 02 02 02 11 00 11 00")));
            }
        }
    }

    /** gurux.dlms serves the Access service though the meter does not offer it. */
    @Test
    void accessServiceGetOfASecretIsDenied() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).wrapper(true))) {
            try (TestClient client = TestClient.publicClient(meter).associate()) {
                byte[] reply = client.apduExchange(hex("D9 00000001 00 02"
                        + " 01 000F 0000280002FF 07 01 000F 0000280003FF 07 02 00 00"));
                String text = GXCommon.bytesToHex(reply);
                assertTrue(text.endsWith("02 01 03 01 03"), text);
                assertNoSecretIn(reply);
            }
            assertRealClientWorks(meter);
        }
    }

    /** A device file's port passwords, PPP password and NTP keys, by Get with list. */
    @Test
    void deviceFileSecretsAreDeniedByLogicalName() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .wrapper(true).deviceFile(deviceWithSecrets()))) {
            try (TestClient client = TestClient.managementClient(meter).associate()) {
                byte[] reply = client.apduExchange(hex("C0 03 C1 06"
                        + " 0013 0000140000FF 07 00 0013 0000140000FF 08 00"
                        + " 0013 0000140000FF 09 00 002C 0000190300FF 05 00"
                        + " 0064 0000190A00FF 06 00 0013 0000140000FF 06 00"));
                String text = GXCommon.bytesToHex(reply);
                assertEquals("C4 03 C1 06 01 03 01 03 01 03 01 03 01 03 00",
                        text.substring(0, 44), text);
                assertNoSecretIn(reply);
            }
            assertRealClientWorks(meter);
        }
    }

    /** Short names: Read by variable name and with parameterized access, Write-free. */
    @Test
    void deviceFileSecretsAreDeniedByShortName() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .wrapper(true).shortNames(true).deviceFile(deviceWithSecrets()))) {
            GXDLMSObject port = meter.device().findByLN(ObjectType.IEC_LOCAL_PORT_SETUP,
                    IEC_PORT);
            int base = port.getShortName();
            try (TestClient client = TestClient.managementClient(meter).associate()) {
                for (int attribute = 7; attribute <= 9; ++attribute) {
                    int sn = base + (attribute - 1) * 8;
                    String name = String.format("%04X", sn);
                    assertArrayEquals(hex("0C 01 01 03"),
                            client.apduExchange(hex("05 01 02 " + name)));
                    assertArrayEquals(hex("0C 01 01 03"),
                            client.apduExchange(hex("05 01 04 " + name + " 01 00")));
                }
                byte[] list = client.apduExchange(hex(String.format("05 02 02 %04X 02 %04X",
                        base + 6 * 8, base + 5 * 8)));
                assertEquals("0C 02 01 03 00", GXCommon.bytesToHex(list).substring(0, 14));
                assertNoSecretIn(list);
            }
            try (TestClient client = TestClient.managementClient(meter).associate()) {
                assertEquals(0, client.read(port.getShortName() + 8, ObjectType.NONE, 2)
                        .getError());
                client.release();
            }
        }
    }

    private Path deviceWithSecrets() throws Exception {
        GXDLMSObjectCollection objects = DefaultDevice.create();
        GXDLMSIECLocalPortSetup port = new GXDLMSIECLocalPortSetup(IEC_PORT);
        port.setPassword1(PORT_PASSWORD);
        port.setPassword2(PORT_PASSWORD);
        port.setPassword5(PORT_PASSWORD);
        port.setDeviceAddress("12345678");
        objects.add(port);
        GXDLMSPppSetup ppp = new GXDLMSPppSetup(PPP);
        ppp.setUserName("user".getBytes(StandardCharsets.US_ASCII));
        ppp.setPassword(PPP_PASSWORD.getBytes(StandardCharsets.US_ASCII));
        objects.add(ppp);
        GXDLMSNtpSetup ntp = new GXDLMSNtpSetup(NTP);
        ntp.setKeys(new java.util.HashMap<>(Map.of(1L, NTP_KEY)));
        objects.add(ntp);
        Path file = dir.resolve("secrets.xml");
        DeviceFile.save(objects, file);
        return file;
    }

    private static void assertNoSecretIn(byte[] reply) {
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        for (String secret : new String[] {PORT_PASSWORD, PPP_PASSWORD, "NtpKey", "Gurux",
            "00000000"}) {
            assertFalse(text.contains(secret), secret + " in " + GXCommon.bytesToHex(reply));
        }
    }

    /** After an attack the meter still serves a real client's association. */
    static void assertRealClientWorks(MeterSimulator meter) throws Exception {
        try (TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals(0, client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2).getError());
            client.release();
        }
    }
}
