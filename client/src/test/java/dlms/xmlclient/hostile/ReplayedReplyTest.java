package dlms.xmlclient.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A man in the middle replays an earlier ciphered reply (it authenticates: the meter really sent
 * it): the meter's invocation counter does not rise, and the client says so. Before, the
 * replayed reply passed, exit 0, with nothing in the trace.
 */
@Tag("integration")
class ReplayedReplyTest {

    private static final String[] CIPHERED_CLIENT = {"-c", "1", "-a", "HighGMAC", "-C", "AuthenticationEncryption",
        "-T", "4142434445464748", "-A", "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF", "-B", "000102030405060708090A0B0C0D0E0F"};

    @TempDir
    Path dir;

    @Test
    void aCipheredReplyReplayedInTheSameAssociationFailsItsRequestAsASecurityFinding() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("twice.xml"), "<Messages>\n" + HostileRun.GET_SERIAL_NUMBER + HostileRun.GET_SERIAL_NUMBER
                + "</Messages>\n");
        HostileRun run = replaying(scripts);
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("#2 security finding: the meter's invocation counter"), run.out());
        assertTrue(run.out().contains("does not rise above"), run.out());
        assertTrue(run.file("trace.txt").contains("finding: security: the meter's invocation counter"));
    }

    @Test
    void aCipheredReplyReplayedIntoTheNextScriptsAssociationIsCaughtOverTheRun() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("a.xml"), "<Messages>\n" + HostileRun.GET_SERIAL_NUMBER + "</Messages>\n");
        Files.writeString(scripts.resolve("b.xml"), "<Messages>\n" + HostileRun.GET_SERIAL_NUMBER + "</Messages>\n");
        HostileRun run = replaying(scripts);
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s).*NOT CHECKED +\\S*a\\.xml.*"), run.out());
        assertTrue(run.out().matches("(?s).*FAIL +\\S*b\\.xml.*security finding: the meter's invocation counter.*"),
                run.out());
    }

    @Test
    void anHonestRunOfSeveralCipheredAssociationsHasRisingCountersAndNoFinding() throws Exception {
        // The simulator used the RLRE's counter again in the next AARE (gurux.dlms does not count
        // it); this run of three associations shows the simulator's guard.
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        for (String name : new String[] {"a.xml", "b.xml", "c.xml"}) {
            Files.writeString(scripts.resolve(name), "<Messages>\n" + HostileRun.GET_SERIAL_NUMBER + "</Messages>\n");
        }
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true))) {
            String[] target = {"-h", "127.0.0.1", "-p", Integer.toString(meter.port()), "-w", "-x", scripts.toString()};
            String[] all = java.util.Arrays.copyOf(target, target.length + CIPHERED_CLIENT.length);
            System.arraycopy(CIPHERED_CLIENT, 0, all, target.length, CIPHERED_CLIENT.length);
            HostileRun run = HostileRun.run(dir.resolve("out"), all);
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(!run.file("trace.txt").contains("finding"), run.file("trace.txt"));
        }
    }

    /** Every GetRequest after the first gets the first one's ciphered reply again. */
    private HostileRun replaying(Path scripts) throws Exception {
        AtomicReference<byte[]> first = new AtomicReference<>();
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true));
             MeddlingProxy proxy = MeddlingProxy.start(meter.port(), true, (n, request, reply, client) -> {
                 byte[] sent = ForgedFrames.apdu(request, true);
                 if (sent.length > 0 && ((sent[0] & 0xFF) == 0xC8 || (sent[0] & 0xFF) == 0xDB)) { // the GetRequest, ciphered
                     if (!first.compareAndSet(null, reply)) {
                         client.send(first.get());
                         return;
                     }
                 }
                 client.send(reply);
             })) {
            String[] target = {"-h", "127.0.0.1", "-p", Integer.toString(proxy.port()), "-w", "-x", scripts.toString()};
            String[] all = java.util.Arrays.copyOf(target, target.length + CIPHERED_CLIENT.length);
            System.arraycopy(CIPHERED_CLIENT, 0, all, target.length, CIPHERED_CLIENT.length);
            return HostileRun.run(dir.resolve("out"), all);
        }
    }
}
