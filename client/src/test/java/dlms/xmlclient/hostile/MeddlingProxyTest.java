package dlms.xmlclient.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The man in the middle itself: what passes through is the meter's, what it forges reaches the client. */
@Tag("integration")
class MeddlingProxyTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void aForgedReplyReachesTheClientAndTheRestPassesUnchanged(boolean wrapper) throws Exception {
        Path script = Files.writeString(dir.resolve("serial.xml"), HostileRun.READ_SERIAL_NUMBER);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(wrapper));
             MeddlingProxy proxy = MeddlingProxy.start(meter.port(), wrapper, (n, request, reply, client) -> {
                 boolean get = ForgedFrames.apdu(request, wrapper).length > 0
                         && (ForgedFrames.apdu(request, wrapper)[0] & 0xFF) == 0xC0;
                 client.send(get ? ForgedFrames.withApdu(reply, wrapper,
                         ForgedFrames.hex("C4 01 C1 00 09 04 41 42 43 44")) : reply);
             })) {
            HostileRun run = HostileRun.run(dir.resolve("out"), HostileRun.publicClient(proxy.port(), wrapper,
                    "-x", script.toString()));
            assertEquals(0, run.exitCode(), run.toString());
            String replies = run.file("replies/serial.xml");
            assertTrue(replies.contains("<OctetString Value=\"41424344\" />"), replies);
        }
    }
}
