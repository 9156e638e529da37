package dlms.xmlclient.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A reply nested thousands of levels deep is that request's finding; the script and the run go on. */
@Tag("integration")
class DeepReplyTest {

    static final String TWO_READS = "<Messages>\n" + HostileRun.GET_SERIAL_NUMBER + HostileRun.GET_SERIAL_NUMBER
            + "</Messages>\n";


    @TempDir
    Path dir;

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {257, 2_000, 30_000})
    void aReplyNestedDeeperThanTheLimitIsThatRequestsFindingAndTheScriptGoesOn(int depth) throws Exception {
        Path messages = Files.createDirectories(dir.resolve("messages"));
        Files.writeString(messages.resolve("a-deep.xml"), TWO_READS);
        Files.writeString(messages.resolve("b-after.xml"), TWO_READS);
        AtomicInteger gets = new AtomicInteger();
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true));
             MeddlingProxy proxy = MeddlingProxy.start(meter.port(), true, (n, request, reply, client) -> {
                 byte[] apdu = ForgedFrames.apdu(request, true);
                 boolean get = apdu.length > 0 && (apdu[0] & 0xFF) == 0xC0;
                 client.send(get && gets.incrementAndGet() == 1
                         ? ForgedFrames.withApdu(reply, true, DeepInputs.nestedGetResponse(depth)) : reply);
             })) {
            HostileRun run = HostileRun.run(dir.resolve("out"), HostileRun.publicClient(proxy.port(), true,
                    "-x", messages.toString()));
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.out().contains("reply nested deeper than 256 levels"), run.toString());
            String replies = run.file("replies/a-deep.xml");
            assertTrue(replies.contains("<UntranslatedReply"), "the frame is kept");
            assertTrue(replies.contains("<!-- the reply could not be translated to XML: reply nested deeper than 256"
                    + " levels -->"), "the reason is in a comment");
            assertTrue(replies.contains("<String Value=\"12345678\" />"), "the second request was answered");
            assertTrue(run.file("replies/b-after.xml").contains("<String Value=\"12345678\" />"), run.toString());
            String junit = run.file("junit.xml");
            assertTrue(junit.contains("a-deep.xml\"") && junit.contains("b-after.xml\""), "both suites");
            assertTrue(junit.contains("reply nested deeper than 256 levels"), "the finding fails request #1");
            assertTrue(Files.exists(run.outDir().resolve("report.html")));
        }
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {2_000, 30_000})
    void inAFleetTheMeterWithADeepReplyStaysInJunitAndTheTotals(int depth) throws Exception {
        Path messages = Files.createDirectories(dir.resolve("messages"));
        Files.writeString(messages.resolve("a-deep.xml"), TWO_READS);
        Files.writeString(messages.resolve("b-after.xml"), TWO_READS);
        AtomicInteger gets = new AtomicInteger();
        try (MeterSimulator honest = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true));
             MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true));
             MeddlingProxy proxy = MeddlingProxy.start(meter.port(), true, (n, request, reply, client) -> {
                 byte[] apdu = ForgedFrames.apdu(request, true);
                 boolean get = apdu.length > 0 && (apdu[0] & 0xFF) == 0xC0;
                 client.send(get && gets.incrementAndGet() == 1
                         ? ForgedFrames.withApdu(reply, true, DeepInputs.nestedGetResponse(depth)) : reply);
             })) {
            Path targets = Files.writeString(dir.resolve("targets.csv"), "honest,127.0.0.1," + honest.port()
                    + ",\nhostile,127.0.0.1," + proxy.port() + ",\n");
            HostileRun run = HostileRun.run(dir.resolve("out"), "--targets", targets.toString(), "-w", "-c", "16",
                    "-a", "None", "-x", messages.toString(), "--parallel", "2");
            assertEquals(1, run.exitCode(), run.toString());
            String junit = run.file("junit.xml");
            assertTrue(junit.contains("tests=\"8\""), "both meters' requests are counted: " + run);
            assertTrue(junit.contains("hostile/a-deep.xml") && junit.contains("hostile/b-after.xml"), run.toString());
            assertTrue(junit.contains("honest/a-deep.xml"), run.toString());
            assertTrue(run.out().contains("2 meters: 1 passed") || run.out().contains("2 meters: 0 passed"),
                    run.toString());
        }
    }
}
