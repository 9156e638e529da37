package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.faults.MeterFault;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's fault matrix, row by row: each misbehaving meter (the simulator's --fault) gives a
 * one-line verdict and an exit code, within --wait-time × (--retries + 1) per frame, and the run
 * goes on. Waits are short here (300 ms, one retry).
 */
@Tag("integration")
class MeterFaultsTest {

    private static final int WAIT = 300;
    /** Generous room for JVM and thread start-up around the protocol's own bound. */
    private static final long SLACK_MILLIS = 5000;

    @TempDir
    Path out;

    private static CliRun run(Path out, MeterSimulator meter, String... more) {
        List<String> args = new ArrayList<>(List.of("-h", "127.0.0.1", "-p", String.valueOf(meter.port()),
                "--wait-time", String.valueOf(WAIT), "--retries", "1"));
        args.addAll(List.of(more));
        return CliRun.run(out, args.toArray(String[]::new));
    }

    private static MeterSimulator meter(MeterFault fault) throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).fault(fault));
    }

    private static void bounded(CliRun run, int frames) {
        long bound = (long) frames * WAIT * 2 + SLACK_MILLIS;
        assertTrue(run.elapsedMillis < bound, "took " + run.elapsedMillis + " ms, bound " + bound);
    }

    @Test
    void aMeterThatNeverAnswersNamesTheAddressesThatGotNoAnswer() throws Exception {
        try (MeterSimulator meter = meter(MeterFault.SILENT)) {
            CliRun run = run(out, meter, "-x", "messages/energy");
            assertEquals(3, run.exitCode, run.toString());
            assertTrue(run.out.contains("no connection: SNRM failed: no reply from the meter within 300 ms after 2 tries;"
                    + " the meter may not know client 17 or server address 1 (check -c in messages/xmlclient.options:4 and"
                    + " -s, -l or -n)"), run.out);
            assertTrue(run.out.contains("4 scripts: 0 passed, 0 failed, 0 not checked, 4 errors"), run.out);
            bounded(run, 4);
        }
    }

    @Test
    void anUnknownClientAddressIsIgnoredByTheMeterAndNamedByTheClient() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = run(out, meter, "-x", "messages/get-serial-number.xml", "-c", "99", "-a", "None");
            assertEquals(3, run.exitCode, run.toString());
            assertTrue(run.out.contains("the meter may not know client 99 or server address 1"), run.out);
            bounded(run, 2);
        }
    }

    @Test
    void aMeterAnsweringOnlySnrmFailsTheAssociation() throws Exception {
        try (MeterSimulator meter = meter(MeterFault.SNRM_ONLY)) {
            CliRun run = run(out, meter, "-x", "messages/get-serial-number.xml");
            assertEquals(3, run.exitCode, run.toString());
            assertTrue(run.out.contains("no connection: AARQ failed: no reply from the meter within 300 ms after 2 tries"),
                    run.out);
            bounded(run, 2);
        }
    }

    @Test
    void aRejectedAssociationIsNeverRetriedInALoop() throws Exception {
        try (MeterSimulator meter = meter(MeterFault.REJECT_ASSOCIATION)) {
            CliRun run = run(out, meter, "-x", "messages/energy");
            assertEquals(3, run.exitCode, run.toString());
            assertTrue(run.out.contains("no connection: association rejected by the meter: no-reason-given (1)"), run.out);
            assertEquals(4, meter.associationRequests(), "one AARQ per script");
        }
    }

    @Test
    void aDroppedConnectionBreaksTheScriptAndTheNextScriptReconnects() throws Exception {
        try (MeterSimulator meter = meter(MeterFault.DROP_CONNECTION)) {
            CliRun run = run(out, meter, "-x", "messages/energy");
            assertEquals(1, run.exitCode, run.toString());
            assertTrue(run.out.contains("broken off: request #2 (line 17): the meter at 127.0.0.1:" + meter.port()
                    + " closed the connection"), run.out);
            assertTrue(run.out.contains("4 scripts: 0 passed, 0 failed, 0 not checked, 4 errors; 4 replies"), run.out);
            assertEquals(1, run.replies("a-plus.xml").size(), "the reply before the drop is kept");
        }
    }

    @Test
    void aBrokenFrameCheckSequenceIsAnErrorNotACrash() throws Exception {
        try (MeterSimulator meter = meter(MeterFault.BAD_CRC)) {
            CliRun run = run(out, meter, "-x", "messages/get-serial-number.xml");
            assertEquals(1, run.exitCode, run.toString());
            assertTrue(run.out.matches("(?s).*broken off: request #1 \\(line 5\\): no whole reply from the meter within"
                    + " 300 ms after 2 tries; [12] frames? with a bad frame check sequence dropped\n.*"), run.out);
            bounded(run, 4);
        }
    }

    @Test
    void aReplyFromAnotherAddressIsNamed() throws Exception {
        try (MeterSimulator meter = meter(MeterFault.WRONG_ADDRESS)) {
            CliRun run = run(out, meter, "-x", "messages/get-serial-number.xml");
            assertEquals(1, run.exitCode, run.toString());
            assertTrue(run.out.contains("broken off: request #1 (line 5): the meter answered from server address 5,"
                    + " expected 1 (its replies are dropped): check -s, -l or -n"), run.out);
        }
    }

    @Test
    void aReplyWithAnotherInvokeIdIsDroppedAndCounted() throws Exception {
        try (MeterSimulator meter = meter(MeterFault.WRONG_INVOKE_ID)) {
            CliRun run = run(out, meter, "-x", "messages/get-serial-number.xml");
            assertEquals(1, run.exitCode, run.toString());
            assertTrue(run.out.contains("broken off: request #1 (line 5): the meter answered with invoke id 2 (C2), not"
                    + " the request's 1 (C1) (1 reply), and no reply with the request's invoke id came within 300 ms"
                    + " after 2 tries"), run.out);
            bounded(run, 4);
        }
    }

    @Test
    void aTruncatedReplyEndsInATimeoutThatSaysSo() throws Exception {
        try (MeterSimulator meter = meter(MeterFault.TRUNCATED)) {
            CliRun run = run(out, meter, "-x", "messages/get-serial-number.xml");
            assertEquals(1, run.exitCode, run.toString());
            assertTrue(run.out.matches("(?s).*broken off: request #1 \\(line 5\\): (the reply stopped after \\d+ bytes:"
                    + " nothing more within 300 ms|no whole reply from the meter within 300 ms) after 2 tries.*"), run.out);
            bounded(run, 4);
        }
    }

    @Test
    void anEndlessBlockTransferIsCutOffAtMaxReplyBytes() throws Exception {
        try (MeterSimulator meter = meter(MeterFault.ENDLESS_BLOCKS)) {
            CliRun run = run(out, meter, "-x", "messages/get-serial-number.xml", "--max-reply-bytes", "20000");
            assertEquals(1, run.exitCode, run.toString());
            assertTrue(run.out.contains("the reply passed --max-reply-bytes 20000: the meter keeps sending"), run.out);
        }
    }

    @Test
    void anExceptionResponseIsRecordedAsTheReply() throws Exception {
        try (MeterSimulator meter = meter(MeterFault.EXCEPTION_RESPONSE)) {
            CliRun run = run(out, meter, "-x", "messages/get-serial-number.xml");
            assertEquals(0, run.exitCode, run.toString());
            assertEquals("ExceptionResponse", run.replies("get-serial-number.xml").get(0).getTagName());
        }
    }

    @Test
    void aConfirmedServiceErrorIsRecordedAsTheReplyAndFailsItsCheck() throws Exception {
        try (MeterSimulator meter = meter(MeterFault.SERVICE_ERROR)) {
            CliRun run = run(out, meter, "-x", "messages/get-serial-number.xml", "-e", "expected");
            assertEquals(1, run.exitCode, run.toString());
            assertEquals("ConfirmedServiceError", run.replies("get-serial-number.xml").get(0).getTagName());
            assertTrue(run.out.contains("FAIL         messages/get-serial-number.xml"), run.out);
        }
    }
}
