package dlms.xmlclient.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.hostile.MeddlingProxy.ClientSide;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every wait has a hard bound, whatever the meter sends: with {@code --wait-time 1000 --retries 1}
 * the GetRequest's frame exchange ends within max(--wait-time, --inactivity) × 2 = 2 s, as the
 * documentation states. Before, each of these attacks kept the client for as long as the meter
 * went on (a byte per second: until the meter hung up).
 */
class BoundedWaitsTest {

    /** The documented bound for these options: one frame exchange, two tries of a second. */
    private static final long BOUND_MILLIS = 2000;
    /** Connecting, associating and releasing around it, on a loaded machine. */
    private static final long SLACK_MILLIS = 3000;
    private static final String[] LIMITS = {"--wait-time", "1000", "--retries", "1"};

    private static final String READ_SERIAL_NUMBER = """
            <Messages>
              <GetRequest><GetRequestNormal><InvokeIdAndPriority Value="193" /><AttributeDescriptor>
                <ClassId Value="1" /><InstanceId Value="0000600100FF" /><AttributeId Value="2" />
              </AttributeDescriptor></GetRequestNormal></GetRequest>
            </Messages>
            """;

    @TempDir
    Path dir;

    /** What a hostile meter does instead of answering the GetRequest. */
    @FunctionalInterface
    interface Attack {
        void on(byte[] reply, ClientSide client) throws IOException;
    }

    @Test
    void garbageTrickledForeverIsCutOffAtTheTryBound() throws Exception {
        HostileRun run = attackGet(false, (reply, client) -> endlessly(client, 100, () -> new byte[] {0x55}));
        assertBounded(run);
        assertTrue(run.out().contains("no whole reply from the meter within 1000 ms after 2 tries: it kept sending bytes"
                + " that end no frame"), run.out());
    }

    @Test
    void theRightReplyTrickledTooSlowlyIsCutOffAtTheTryBound() throws Exception {
        HostileRun run = attackGet(false, (reply, client) -> {
            while (true) {
                client.trickle(reply, 150);
            }
        });
        assertBounded(run);
        assertTrue(run.out().contains("it kept sending bytes that end no frame"), run.out());
    }

    @Test
    void aStaleReplyEveryFewHundredMillisecondsIsCutOffAtTheTryBound() throws Exception {
        HostileRun run = attackGet(true, (reply, client) -> {
            byte[] stale = ForgedFrames.apdu(reply, true);
            stale[2] = (byte) 0xC2; // another invoke id: an answer to an earlier request
            byte[] frame = ForgedFrames.withApdu(reply, true, stale);
            endlessly(client, 300, () -> frame);
        });
        assertBounded(run);
        assertTrue(run.out().contains("the meter answered with invoke id 2 (C2), not the request's 1 (C1)"), run.out());
    }

    @Test
    void aFrameWithABadCheckSequenceEveryFewHundredMillisecondsIsCutOffAtTheTryBound() throws Exception {
        HostileRun run = attackGet(false, (reply, client) -> {
            byte[] bad = Arrays.copyOf(reply, reply.length);
            bad[bad.length - 2] ^= 0x01; // the FCS
            endlessly(client, 300, () -> bad);
        });
        assertBounded(run);
        assertTrue(run.out().contains("frames with a bad frame check sequence dropped"), run.out());
    }

    @Test
    void aNotificationEveryFewHundredMillisecondsIsCutOffAtTheTryBound() throws Exception {
        HostileRun run = attackGet(true, (reply, client) -> {
            byte[] notification = ForgedFrames.withApdu(reply, true, ForgedFrames.hex("C2 00 0003 0100010800FF 02 06 00000001"));
            endlessly(client, 300, () -> notification);
        });
        assertBounded(run);
        assertTrue(run.out().contains("unsolicited notifications ignored"), run.out());
    }

    @Test
    void aWrapperHeaderAnnouncingTheLongestApduThenTricklingIsCutOffAtTheTryBound() throws Exception {
        HostileRun run = attackGet(true, (reply, client) -> {
            client.send(new byte[] {0, 1, 0, 1, 0, 0x10, (byte) 0xFF, (byte) 0xFF});
            endlessly(client, 100, () -> new byte[] {0x11});
        });
        assertBounded(run);
        assertTrue(run.out().contains("it kept sending bytes that end no frame"), run.out());
    }

    @Test
    void receiveNotReadyIsNamedAndTheRequestIsNotRecordedAsAReply() throws Exception {
        HostileRun run = attackGet(false, (reply, client) -> {
            // RNR with N(R)=1, final bit set: the meter's addresses from its own reply, control 0x35.
            byte[] header = ForgedFrames.hdlcAddressesAndControl(reply);
            header[header.length - 1] = 0x35;
            client.send(ForgedFrames.hdlc(header, new byte[0], 0));
        });
        assertBounded(run);
        assertTrue(run.out().contains("the meter answered receive-not-ready (HDLC RNR)"), run.out());
        assertTrue(!run.file("replies/serial.xml").contains("NextFrame"), run.file("replies/serial.xml"));
    }

    @Test
    void anEndlessReplyAnsweredSlowlyIsCutOffAtTheMaxReplyTime() throws Exception {
        Path script = Files.writeString(dir.resolve("serial.xml"), READ_SERIAL_NUMBER);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true)
                .fault(dlms.xmlclient.simulator.MeterFault.ENDLESS_BLOCKS));
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

    /** Sends {@code frame} every {@code gapMillis} until the client hangs up (or a minute passed). */
    private static void endlessly(ClientSide client, long gapMillis, java.util.function.Supplier<byte[]> frame)
            throws IOException {
        for (long end = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < end; ) {
            client.send(frame.get());
            ClientSide.pause(gapMillis);
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

    /** Runs the public client through a proxy whose GetRequest gets {@code attack} instead of its reply. */
    private HostileRun attackGet(boolean wrapper, Attack attack) throws Exception {
        Path script = Files.writeString(dir.resolve("serial.xml"), READ_SERIAL_NUMBER);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(wrapper));
             MeddlingProxy proxy = MeddlingProxy.start(meter.port(), wrapper, (n, request, reply, client) -> {
                 byte[] sent = ForgedFrames.apdu(request, wrapper);
                 if (sent.length > 0 && (sent[0] & 0xFF) == 0xC0 && reply != null) {
                     attack.on(reply, client);
                 } else if (reply != null) {
                     client.send(reply);
                 }
             })) {
            String[] args = HostileRun.publicClient(proxy.port(), wrapper, "-x", script.toString());
            String[] all = Arrays.copyOf(args, args.length + LIMITS.length);
            System.arraycopy(LIMITS, 0, all, args.length, LIMITS.length);
            return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> HostileRun.run(dir.resolve("out"), all));
        }
    }
}
