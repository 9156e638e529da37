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

/** A meter's answer is judged, not trusted: forged answers that look plausible are named deviations. */
@Tag("integration")
class JudgedRepliesTest {

    @TempDir
    Path dir;

    @Test
    void anArrayAnnouncingMoreEntriesThanItCarriesFailsEvenAnAnyLengthTemplate() throws Exception {
        StringBuilder apdu = new StringBuilder("C4 01 C1 00 01 84 7F FF FF FF");
        apdu.append(" 11 00".repeat(10));
        Path script = Files.writeString(dir.resolve("serial.xml"), HostileRun.READ_SERIAL_NUMBER);
        Path expected = Files.createDirectories(dir.resolve("expected"));
        Files.writeString(expected.resolve("serial.xml"), """
                <Messages>
                  <GetResponse><GetResponseNormal><InvokeIdAndPriority Value="C1" /><Result><Data>
                    <Array Qty="*"><UInt8 Value="*" /></Array>
                  </Data></Result></GetResponseNormal></GetResponse>
                </Messages>
                """);
        HostileRun run = againstForgedGet(false, ForgedFrames.hex(apdu.toString()), "-x", script.toString(), "-e",
                expected.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("encoding finding"), run.out());
    }

    /** Runs the public client through a proxy that answers every GetRequest with {@code apdu}. */
    private HostileRun againstForgedGet(boolean wrapper, byte[] apdu, String... args) throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(wrapper));
             MeddlingProxy proxy = MeddlingProxy.start(meter.port(), wrapper, (n, request, reply, client) -> {
                 byte[] sent = ForgedFrames.apdu(request, wrapper);
                 boolean get = sent.length > 0 && (sent[0] & 0xFF) == 0xC0;
                 client.send(get ? ForgedFrames.withApdu(reply, wrapper, apdu) : reply);
             })) {
            return HostileRun.run(dir.resolve("out"), HostileRun.publicClient(proxy.port(), wrapper, args));
        }
    }
}
