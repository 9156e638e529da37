package dlms.xmlclient.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meter's UA and AARE are judged: impossible link parameters and a garbled AARE are named. */
@Tag("integration")
class JudgedLinkTest {

    @TempDir
    Path dir;

    @Test
    void aUaProposingWindowZeroIsADeviationThatEndsTheAssociation() throws Exception {
        HostileRun run = withForgedUa("81 80 12 05 01 80 06 01 80 07 04 00 00 00 00 08 04 00 00 00 01");
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.out().contains("no connection: the meter's UA deviates from the standard: UA: window size"
                + " transmit is 0; IEC 62056-46 allows 1 to 7; --findings warn accepts it"), run.out());
    }

    @Test
    void aUaWithoutParametersKeepsTheDefaultsAndPasses() throws Exception {
        // Found by the reply fuzz: the library's buffer holds no array for an empty field.
        HostileRun run = withForgedUa("");
        assertEquals(0, run.exitCode(), run.toString());
    }

    @Test
    void aUaWithAnInformationFieldOf65535BytesIsADeviationThatFindingsWarnAccepts() throws Exception {
        HostileRun run = withForgedUa("81 80 13 05 01 80 06 02 FF FF 07 04 00 00 00 01 08 04 00 00 00 01",
                "--findings", "warn");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("UA: maximum information field length receive is 65535 bytes"), run.out());
    }

    @Test
    void anAareWhoseResultIsGarbledIsNamedAsSuchNotCalledARejection() throws Exception {
        Path script = Files.writeString(dir.resolve("serial.xml"), HostileRun.READ_SERIAL_NUMBER);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true));
             MeddlingProxy proxy = MeddlingProxy.start(meter.port(), true, (n, request, reply, client) -> {
                 byte[] apdu = ForgedFrames.apdu(reply, true);
                 if ((apdu[0] & 0xFF) == 0x61) {
                     apdu[16] = 5; // the result's INTEGER says 5 bytes inside its 3-byte [2] tag
                 }
                 client.send(ForgedFrames.withApdu(reply, true, apdu));
             })) {
            HostileRun run = HostileRun.run(dir.resolve("out"), HostileRun.publicClient(proxy.port(), true, "-x",
                    script.toString()));
            assertEquals(3, run.exitCode(), run.toString());
            assertTrue(!run.out().contains("rejected by the meter"), run.out());
            assertTrue(run.out().contains("no connection: the meter's AARE deviates from the standard: AARE: result (A2)"
                    + " at byte 13 says 3 bytes, its content (02 of 5 bytes) takes 7"), run.out());
        }
    }

    private HostileRun withForgedUa(String info, String... more) throws Exception {
        Path script = Files.writeString(dir.resolve("serial.xml"), HostileRun.READ_SERIAL_NUMBER);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
             MeddlingProxy proxy = MeddlingProxy.start(meter.port(), false, (n, request, reply, client) -> {
                 boolean ua = reply != null && reply.length > 5 && (reply[5] & 0xEF) == 0x63;
                 client.send(ua ? ForgedFrames.hdlc(ForgedFrames.hdlcAddressesAndControl(reply),
                         ForgedFrames.hex(info), 0) : reply);
             })) {
            String[] args = HostileRun.publicClient(proxy.port(), false, "-x", script.toString());
            String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
            System.arraycopy(more, 0, all, args.length, more.length);
            return HostileRun.run(dir.resolve("out"), all);
        }
    }
}
