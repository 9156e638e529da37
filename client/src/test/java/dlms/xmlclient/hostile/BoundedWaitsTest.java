package dlms.xmlclient.hostile;

import dlms.xmlclient.simulator.faults.MeterFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.hostile.MeddlingProxy.ClientSide;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every wait has a hard bound, whatever the meter sends: with {@code --wait-time 1000 --retries 1}
 * the GetRequest's frame exchange ends within max(--wait-time, --inactivity) × 2 = 2 s, as the
 * documentation states. Before, each of these attacks kept the client for as long as the meter
 * went on (a byte per second: until the meter hung up).
 */
@Tag("integration")
class BoundedWaitsTest {

    /** The documented bound for these options: one frame exchange, two tries of a second. */
    private static final long BOUND_MILLIS = 2000;
    /** Connecting, associating and releasing around it, on a loaded machine. */
    private static final long SLACK_MILLIS = 3000;
    private static final String[] LIMITS = {"--wait-time", "1000", "--retries", "1"};

    @TempDir
    Path dir;

    @Test
    void garbageTrickledForeverIsCutOffAtTheTryBound() throws Exception {
        HostileRun run = attack(GetAttacks.GARBAGE_TRICKLE);
        assertTrue(run.out().contains("no whole reply from the meter within 1000 ms after 2 tries: it kept sending bytes"
                + " that end no frame"), run.out());
    }

    @Test
    void theRightReplyTrickledTooSlowlyIsCutOffAtTheTryBound() throws Exception {
        HostileRun run = attack(GetAttacks.SLOW_REPLY);
        assertTrue(run.out().contains("it kept sending bytes that end no frame"), run.out());
    }

    @Test
    void aStaleReplyEveryFewHundredMillisecondsIsCutOffAtTheTryBound() throws Exception {
        HostileRun run = attack(GetAttacks.STALE_REPLIES);
        assertTrue(run.out().contains("the meter answered with invoke id 2 (C2), not the request's 1 (C1)"), run.out());
    }

    @Test
    void aFrameWithABadCheckSequenceEveryFewHundredMillisecondsIsCutOffAtTheTryBound() throws Exception {
        HostileRun run = attack(GetAttacks.BAD_FRAMES);
        assertTrue(run.out().contains("frames with a bad frame check sequence dropped"), run.out());
    }

    @Test
    void aNotificationEveryFewHundredMillisecondsIsCutOffAtTheTryBound() throws Exception {
        HostileRun run = attack(GetAttacks.NOTIFICATIONS);
        assertTrue(run.out().contains("unsolicited notifications ignored"), run.out());
    }

    @Test
    void aWrapperHeaderAnnouncingTheLongestApduThenTricklingIsCutOffAtTheTryBound() throws Exception {
        HostileRun run = attack(GetAttacks.WRAPPER_65535);
        assertTrue(run.out().contains("it kept sending bytes that end no frame"), run.out());
    }

    @Test
    void receiveNotReadyIsNamedAndTheRequestIsNotRecordedAsAReply() throws Exception {
        HostileRun run = attack(GetAttacks.RECEIVE_NOT_READY);
        assertTrue(run.out().contains("the meter answered receive-not-ready (HDLC RNR)"), run.out());
        assertTrue(!run.file("replies/serial.xml").contains("NextFrame"), run.file("replies/serial.xml"));
    }

    /**
     * A real meter on a slow line (every byte 20 ms apart: 50 bytes a second, as a 600-baud line
     * gives): a 60-byte AARE takes longer than the 1 s try, but it keeps coming steadily, so the
     * client waits on for it. The trickle attacks above stay below the steady rate.
     */
    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void aRealReplyOnASlowButSteadyLineIsWaitedForPastTheTry(boolean wrapper) throws Exception {
        Path script = Files.writeString(dir.resolve("serial.xml"), HostileRun.READ_SERIAL_NUMBER);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(wrapper));
             MeddlingProxy proxy = MeddlingProxy.start(meter.port(), wrapper, (n, request, reply, client) -> {
                 if (reply != null) {
                     client.trickle(reply, 20);
                 }
             })) {
            String[] args = HostileRun.publicClient(proxy.port(), wrapper, "-x", script.toString());
            String[] all = java.util.Arrays.copyOf(args, args.length + LIMITS.length);
            System.arraycopy(LIMITS, 0, all, args.length, LIMITS.length);
            HostileRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> HostileRun.run(dir.resolve("out"),
                    all));
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.file("trace.txt").contains("a frame is still coming steadily after 1000 ms"),
                    run.file("trace.txt"));
        }
    }

    @Test
    void anEndlessReplyAnsweredSlowlyIsCutOffAtTheMaxReplyTime() throws Exception {
        Path script = Files.writeString(dir.resolve("serial.xml"), HostileRun.READ_SERIAL_NUMBER);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true)
                .fault(MeterFault.ENDLESS_BLOCKS));
             MeddlingProxy proxy = MeddlingProxy.start(meter.port(), true, (n, request, reply, client) -> {
                 ClientSide.pause(n > 1 ? 300 : 0); // each block well within the try, but no end to them
                 client.send(reply);
             })) {
            HostileRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> HostileRun.run(dir.resolve("out"),
                    HostileRun.publicClient(proxy.port(), true, "-x", script.toString(), "--max-reply-time", "2")));
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.elapsedMillis() < 2000 + SLACK_MILLIS, run.toString());
            assertTrue(run.out().contains("the reply took longer than --max-reply-time 2 s ("), run.out());
        }
    }

    private static void assertBounded(HostileRun run) throws Exception {
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.elapsedMillis() < BOUND_MILLIS + SLACK_MILLIS, "took " + run.elapsedMillis() + " ms, bound "
                + BOUND_MILLIS + " ms: " + run);
        assertTrue(run.out().contains("broken off: request #1 (line 2): "), run.out());
        assertTrue(Files.exists(run.outDir().resolve("junit.xml")) && Files.exists(run.outDir().resolve("report.html")),
                "reports written");
    }

    /** Runs the attack within a minute (a hang fails, not blocks, the build) and checks the bound. */
    private HostileRun attack(GetAttacks.Named attack) throws Exception {
        HostileRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> GetAttacks.run(attack, dir, LIMITS));
        assertBounded(run);
        return run;
    }
}
