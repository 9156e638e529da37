package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.hostile.MeddlingProxy;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import dlms.xmlclient.simulator.faults.MeterFault;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * General block transfer (-W) against the built-in simulator over real loopback sockets: the
 * long replies of the samples come in blocks, acknowledged per window, and are checked against
 * the same expected replies as ordinary block transfer gives.
 */
@Tag("integration")
class GeneralBlockTransferTest {

    @TempDir
    Path out;

    private CliRun run(MeterSimulator meter, String... more) {
        List<String> args = new ArrayList<>(List.of("-h", "127.0.0.1", "-p", String.valueOf(meter.port())));
        args.addAll(List.of(more));
        return CliRun.run(out, args.toArray(String[]::new));
    }

    private static MeterSimulator wrapperMeter(MeterFault fault) throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true).fault(fault));
    }

    private static MeterSimulator wrapperMeter() throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true));
    }

    @Test
    void windowOfFourFromTheOptionsFileStreamsTheLoadProfileAndAcknowledgesPerWindow() throws Exception {
        try (MeterSimulator meter = wrapperMeter()) {
            CliRun run = run(meter, "-w", "-x", "messages/gbt", "-e", "expected/gbt");
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.out.contains("2 scripts: 2 passed"), run.out);
            String trace = run.trace();
            assertTrue(trace.contains("general block transfer granted by the meter (our window 4)"), trace);
            assertTrue(trace.contains("received GBT block 1 ack 0 window 8, 1015 bytes"), trace);
            assertTrue(trace.contains("acknowledging: GBT block 1 ack 1 window 4 last, 0 bytes"), trace);
            assertTrue(trace.contains("received GBT block 4 ack 1 window 8 streaming, 1015 bytes"), trace);
            assertTrue(trace.contains("acknowledging: GBT block 2 ack 5 window 4 last, 0 bytes"), trace);
            assertTrue(trace.contains("general block transfer: 14 blocks joined into one APDU of 14120 bytes"), trace);
            assertTrue(trace.contains("general block transfer: 2 blocks joined"), trace);
        }
    }

    @Test
    void windowOfOneAcknowledgesEveryBlock() throws Exception {
        try (MeterSimulator meter = wrapperMeter()) {
            CliRun run = run(meter, "-w", "-W", "1", "-x", "messages/gbt/load-profile-buffer.xml", "-e",
                    "expected/gbt");
            assertEquals(0, run.exitCode, run.toString());
            String trace = run.trace();
            for (int block = 1; block <= 13; block++) {
                assertTrue(trace.contains("acknowledging: GBT block " + block + " ack " + block + " window 1 last"),
                        "block " + block + ":\n" + trace);
            }
            assertFalse(trace.contains(" streaming, "), "window 1: no block may stream on\n" + trace);
        }
    }

    @Test
    void cipheredAssociationSendsTheCipheredReplyInBlocks() throws Exception {
        try (MeterSimulator meter = wrapperMeter()) {
            CliRun run = run(meter, "-w", "-W", "2", "-x", "messages/secure", "-e", "expected/secure");
            assertEquals(0, run.exitCode, run.toString());
            String trace = run.trace();
            assertTrue(trace.contains("general block transfer: 3 blocks joined into one APDU of 2052 bytes"), trace);
            // Block 1 carries the start of the general-glo-ciphering APDU (DB, system title length 8).
            assertTrue(trace.matches("(?s).*RX 00 01 00 01 00 01 04 00 E0 08 00 01 00 00 82 03 F7 DB 08 .*"), trace);
        }
    }

    @Test
    void overUdpBlocksAreJoinedAndVerboseShowsEachOnTheConsole() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).udp(true))) {
            CliRun run = run(meter, "-U", "-x", "messages/gbt", "-e", "expected/gbt", "-t", "Verbose");
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.out.contains("-- received GBT block 5 ack 1 window 8, 1015 bytes"), "the console too\n" + run.out);
            assertTrue(run.trace().contains("14 blocks joined into one APDU of 14120 bytes"), run.trace());
        }
    }

    @Test
    void lostBlockIsAskedForAgainAndTheReplyPasses() throws Exception {
        try (MeterSimulator meter = wrapperMeter(MeterFault.GBT_LOST_BLOCK)) {
            CliRun run = run(meter, "-w", "-x", "messages/gbt/load-profile-buffer.xml", "-e", "expected/gbt");
            assertEquals(0, run.exitCode, run.toString());
            String trace = run.trace();
            assertTrue(trace.contains("received GBT block 2 ack 1 window 8 streaming"), trace);
            assertFalse(trace.contains("received GBT block 3 ack 1 "), "block 3 of the first window is lost\n" + trace);
            assertTrue(trace.contains("general block transfer: block 3 missing (received up to 5): asking again from it"),
                    trace);
            assertTrue(trace.contains("acknowledging: GBT block 2 ack 2 window 4 last, 0 bytes"), trace);
            assertTrue(trace.contains("received GBT block 3 ack 2 window 8 streaming"), trace);
            assertTrue(trace.contains("14 blocks joined into one APDU of 14120 bytes"), trace);
        }
    }

    @Test
    void overHdlcTheBlocksComeInSegmentedIFramesPolledWithRrAndAcknowledgedInIFrames() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = run(meter, "-x", "messages/gbt", "-e", "expected/gbt");
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.out.contains("2 scripts: 2 passed"), run.out);
            String trace = run.trace();
            assertTrue(trace.contains("general block transfer granted by the meter (our window 4)"), trace);
            // Block 1 starts after the LLC bytes of a reply, in an I-frame with the segmentation bit
            // (A8) numbered N(R)=2 N(S)=1 (52) after the Get in N(S)=1 N(R)=1 (32).
            assertTrue(trace.contains("TX 7E A0 19 03 23 32 "), trace);
            assertTrue(trace.contains("RX 7E A8 89 23 03 52 3E 1C E6 E7 00 E0 08 00 01 00 00 82 03 F7 C4 01 C1 00"),
                    trace);
            // The next segment is asked for with RR N(R)=2 (51), poll bit set.
            assertTrue(trace.contains("TX 7E A0 07 03 23 51 A1 D7 7E"), trace);
            // The acknowledgement of block 1 goes in the next I-frame, N(S)=2 N(R)=2 (54), after E6 E6 00.
            assertTrue(trace.contains("TX 7E A0 13 03 23 54 41 31 E6 E6 00 E0 84 00 01 00 01 00 53 94 7E"), trace);
            assertTrue(trace.contains("received GBT block 4 ack 1 window 8 streaming, 1015 bytes"), trace);
            assertTrue(trace.contains("acknowledging: GBT block 2 ack 5 window 4 last, 0 bytes"), trace);
            assertTrue(trace.contains("general block transfer: 14 blocks joined into one APDU of 14120 bytes"), trace);
            assertFalse(trace.contains("out of sequence"), trace);
            assertFalse(trace.contains("resending"), trace);
        }
    }

    @Test
    void overHdlcTheLibraryNumbersTheNextRequestOnFromTheBlocksFrames(@TempDir Path scripts) throws Exception {
        // Two long replies in one association: the second Get, framed by gurux.dlms after the
        // frames of the first reply it never saw, must carry the numbers the meter expects.
        String get = java.nio.file.Files.readString(Path.of("messages/gbt/object-list.xml"));
        String body = get.substring(get.indexOf("<GetRequest>"), get.indexOf("</Messages>"));
        java.nio.file.Files.writeString(scripts.resolve("twice.xml"), "<Messages>\n" + body + body + body
                + "</Messages>\n");
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = run(meter, "-W", "1", "-x", scripts.resolve("twice.xml").toString());
            assertEquals(0, run.exitCode, run.toString());
            String trace = run.trace();
            assertEquals(3, trace.split("2 blocks joined into one APDU of", -1).length - 1, trace);
            // Each reply is a stream of its own: block 1 acknowledges none of ours.
            assertEquals(3, trace.split("received GBT block 1 ack 0 ", -1).length - 1, trace);
            assertFalse(trace.contains("out of sequence"), trace);
            assertFalse(trace.contains("resending"), trace);
            assertFalse(trace.contains("release not answered"), trace);
        }
    }

    @Test
    void overHdlcWindowOfOneAcknowledgesEveryBlock() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = run(meter, "-W", "1", "-x", "messages/gbt/load-profile-buffer.xml", "-e", "expected/gbt");
            assertEquals(0, run.exitCode, run.toString());
            String trace = run.trace();
            for (int block = 1; block <= 13; block++) {
                assertTrue(trace.contains("acknowledging: GBT block " + block + " ack " + block + " window 1 last"),
                        "block " + block + ":\n" + trace);
            }
            assertFalse(trace.contains(" streaming, "), "window 1: no block may stream on\n" + trace);
        }
    }

    @Test
    void overHdlcACipheredAssociationSendsTheCipheredReplyInBlocks() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = run(meter, "-W", "2", "-x", "messages/secure", "-e", "expected/secure");
            assertEquals(0, run.exitCode, run.toString());
            String trace = run.trace();
            assertTrue(trace.contains("general block transfer: 3 blocks joined into one APDU of 2052 bytes"), trace);
            // Block 1 carries the start of the general-glo-ciphering APDU (DB, system title length 8).
            assertTrue(trace.matches("(?s).*RX 7E A8 89 03 03 .. .. .. E6 E7 00 E0 08 00 01 00 00 82 03 F7 DB 08 .*"),
                    trace);
            assertFalse(trace.contains("out of sequence"), trace);
        }
    }

    @Test
    void overHdlcALostBlockIsAskedForAgainAndTheReplyPasses() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .fault(MeterFault.GBT_LOST_BLOCK))) {
            CliRun run = run(meter, "-x", "messages/gbt/load-profile-buffer.xml", "-e", "expected/gbt");
            assertEquals(0, run.exitCode, run.toString());
            String trace = run.trace();
            assertTrue(trace.contains("received GBT block 2 ack 1 window 8 streaming"), trace);
            assertFalse(trace.contains("received GBT block 3 ack 1 "), "block 3 of the first window is lost\n" + trace);
            assertTrue(trace.contains("general block transfer: block 3 missing (received up to 5): asking again from it"),
                    trace);
            assertTrue(trace.contains("acknowledging: GBT block 2 ack 2 window 4 last, 0 bytes"), trace);
            assertTrue(trace.contains("received GBT block 3 ack 2 window 8 streaming"), trace);
            assertTrue(trace.contains("14 blocks joined into one APDU of 14120 bytes"), trace);
            assertFalse(trace.contains("out of sequence"), trace);
        }
    }

    @Test
    void clientThatDoesNotProposeItGetsOrdinaryBlockTransferOverHdlc() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = run(meter, "-x", "messages/association-view.xml", "-e", "expected");
            assertEquals(0, run.exitCode, run.toString());
            String trace = run.trace();
            assertFalse(trace.contains("general block transfer"), trace);
            assertTrue(trace.contains("C4 02 C1"), "GetResponse-with-datablock\n" + trace);
        }
    }

    @Test
    void clientThatDoesNotProposeItGetsOrdinaryBlockTransferOverWrapper() throws Exception {
        try (MeterSimulator meter = wrapperMeter()) {
            CliRun run = run(meter, "-w", "-x", "messages/association-view.xml", "-e", "expected");
            assertEquals(0, run.exitCode, run.toString());
            String trace = run.trace();
            assertFalse(trace.contains("general block transfer"), trace);
            // The AARQ proposes 00 42 1E 5D (no bit 2) and the AARE grants no more.
            assertTrue(trace.contains("5F 1F 04 00 42 1E 5D 04 00 00 07"), trace);
            assertTrue(trace.contains("C4 02 C1"), trace);
        }
    }

    @Test
    void meterSendingBeyondTheWindowIsNamedWithExpectedAndArrived() throws Exception {
        try (MeterSimulator meter = wrapperMeter();
                MeddlingProxy proxy = MeddlingProxy.start(meter.port(), true, (exchange, request, reply, client) -> {
                    if (reply != null && reply.length > 12 && (reply[8] & 0xFF) == 0xE0 && reply[11] == 1) {
                        reply[11] = 2; // block 1 numbered 2: beyond a window of 1 before any acknowledgement
                    }
                    if (reply != null) {
                        client.send(reply);
                    }
                })) {
            CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(proxy.port()), "-w", "-W", "1",
                    "-x", "messages/gbt/object-list.xml", "-e", "expected/gbt");
            assertEquals(1, run.exitCode, run.toString());
            assertTrue(run.out.contains("broken off: request #1 (line 6): the meter breaks general block transfer:"
                    + " window exceeded: our window 1 after block-number-ack 0 allows blocks 1..1, arrived block 2"),
                    run.out);
        }
    }

    @Test
    void overHdlcAMeterSendingBeyondTheWindowIsNamedWithExpectedAndArrived() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                MeddlingProxy proxy = MeddlingProxy.start(meter.port(), false, (exchange, request, reply, client) -> {
                    HdlcFrame frame = reply == null ? null : HdlcDecoder.whole(reply);
                    int info = frame == null || !frame.hasInformation() ? -1 : frame.informationFrom();
                    // E6 E7 00, then E0, block-control, block-number 00 01: numbered 2 instead,
                    // beyond a window of 1 before any acknowledgement (check sequences made again).
                    if (info > 0 && info + 6 < frame.informationTo() && (reply[info + 3] & 0xFF) == 0xE0
                            && reply[info + 5] == 0 && reply[info + 6] == 1) {
                        reply[info + 6] = 2;
                        HdlcEncoder.seal(frame);
                    }
                    if (reply != null) {
                        client.send(reply);
                    }
                })) {
            CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(proxy.port()), "-W", "1",
                    "-x", "messages/gbt/object-list.xml", "-e", "expected/gbt");
            assertEquals(1, run.exitCode, run.toString());
            assertTrue(run.out.contains("broken off: request #1 (line 6): the meter breaks general block transfer:"
                    + " window exceeded: our window 1 after block-number-ack 0 allows blocks 1..1, arrived block 2"),
                    run.out);
        }
    }
}
