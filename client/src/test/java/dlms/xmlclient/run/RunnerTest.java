package dlms.xmlclient.run;

import dlms.xmlclient.media.Link;
import dlms.xmlclient.media.Medium;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.FindingPolicy;
import dlms.xmlclient.session.HdlcParameters;
import dlms.xmlclient.session.ReplyLimits;
import dlms.xmlclient.session.SecuritySettings;
import dlms.xmlclient.session.Trace;
import dlms.xmlclient.verdict.Verdict;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recorded-replay tier: the {@link Runner} against a meter played back from a recorded trace —
 * verdicts, a meter that falls silent, --fail-fast and the listener's events, without sockets.
 */
class RunnerTest {

    private static final Path RECORDING = Path.of("client/src/test/resources/recorded/get-serial-number.trace");
    private static final Path SCRIPT = Path.of("messages/get-serial-number.xml");
    /** Short waits: a silent recorded meter answers nothing at once, so only these are waited. */
    private static final ConnectionSettings MANAGEMENT_CLIENT = new ConnectionSettings(Medium.tcp("recorded", 1),
            InterfaceType.HDLC, true, 17, 1, Authentication.LOW, "00000000", SecuritySettings.NONE,
            HdlcParameters.DEFAULT, new ReplyLimits(200, 200, 0, 1 << 20), FindingPolicy.FAIL);

    @TempDir
    Path dir;

    private final Deque<RecordedMeter> meters = new ArrayDeque<>();
    private final List<String> events = new ArrayList<>();

    @Test
    void aRecordedScriptPassesAgainstItsExpectedReply() throws IOException {
        RecordedMeter meter = meter();
        List<ScriptOutcome> outcomes = run(plan(expected(null), false, script("a.xml")));

        assertEquals(Verdict.PASS, outcomes.get(0).verdict(), outcomes.toString());
        assertEquals(List.of(), meter.mismatches(), "the client sent what it sent when the trace was recorded");
    }

    @Test
    void aChangedValueFailsNamingWhatWasExpectedAndWhatArrived() throws IOException {
        meter();
        Path expected = expected("87654321");
        List<ScriptOutcome> outcomes = run(plan(expected, false, script("a.xml")));

        ScriptOutcome outcome = outcomes.get(0);
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertEquals("/GetResponse/GetResponseNormal/Result/Data/String/@Value expected 87654321 got 12345678",
                outcome.requests().get(0).check().differences().get(0).toString());
    }

    @Test
    void aMeterThatFallsSilentBreaksOffItsScriptAndTheNextScriptStillRuns() throws IOException {
        meter().silentFrom(2); // answers SNRM and AARQ, then nothing
        meter();
        List<ScriptOutcome> outcomes = run(plan(expected(null), false, script("a.xml"), script("b.xml")));

        assertEquals(Status.BROKEN, outcomes.get(0).status(), outcomes.get(0).error());
        assertTrue(outcomes.get(0).error().contains("no reply"), outcomes.get(0).error());
        assertEquals(Verdict.PASS, outcomes.get(1).verdict(), outcomes.get(1).toString());
    }

    @Test
    void failFastLeavesTheScriptsAfterAFailureNotRun() throws IOException {
        meter();
        meter();
        Path expected = expected("87654321");
        List<ScriptOutcome> outcomes = run(plan(expected, true, script("a.xml"), script("b.xml")));

        assertEquals(Verdict.FAIL, outcomes.get(0).verdict());
        assertEquals(Status.NOT_RUN, outcomes.get(1).status());
        assertEquals("not run: --fail-fast: " + SCRIPT + " fail", outcomes.get(1).error());
    }

    @Test
    void listenersHearEachScriptAndRequestInOrder() throws IOException {
        meter();
        meter();
        run(plan(expected(null), false, script("a.xml"), script("b.xml")));

        assertEquals(List.of("run 2", "start a.xml", "request a.xml", "finish a.xml PASS", "start b.xml",
                "request b.xml", "finish b.xml PASS", "end 2"), events);
    }

    private RecordedMeter meter() throws IOException {
        RecordedMeter meter = RecordedMeter.of(RECORDING);
        meters.add(meter);
        return meter;
    }

    private static ScriptSource script(String relativePath) {
        // Several scripts of one file: the relative path tells them apart in the outcomes.
        return new ScriptSource(SCRIPT, relativePath, MANAGEMENT_CLIENT);
    }

    private RunPlan plan(Path expectedDir, boolean failFast, ScriptSource... scripts) {
        return new RunPlan(List.of(scripts), dir, expectedDir, false, failFast);
    }

    /**
     * An expected folder with the sample's expected reply as a.xml and b.xml: as it is (eight
     * digits) when {@code serialNumber} is null, else wanting that serial number exactly.
     */
    private Path expected(String serialNumber) throws IOException {
        Path expected = Files.createDirectories(dir.resolve("expected"));
        String text = Files.readString(Path.of("expected/get-serial-number.xml"));
        if (serialNumber != null) {
            String eightDigits = "${xmlunit.matchesRegex(^[0-9]{8}$)}";
            assertTrue(text.contains(eightDigits), "the sample's expected reply changed");
            text = text.replace(eightDigits, serialNumber);
        }
        for (String name : List.of("a.xml", "b.xml")) {
            Files.writeString(expected.resolve(name), text);
        }
        return expected;
    }

    private List<ScriptOutcome> run(RunPlan plan) {
        Trace trace = new Trace(null, null);
        RunListener listener = new RunListener() {
            @Override
            public void runStarted(RunPlan started) {
                events.add("run " + started.scripts().size());
            }

            @Override
            public void scriptStarted(ScriptSource source) {
                events.add("start " + source.relativePath());
            }

            @Override
            public void requestFinished(ScriptSource source, StepReply reply) {
                events.add("request " + source.relativePath());
            }

            @Override
            public void scriptFinished(ScriptOutcome outcome) {
                events.add("finish " + outcome.source().relativePath() + " " + outcome.verdict());
            }

            @Override
            public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
                events.add("end " + outcomes.size());
            }
        };
        return new Runner(plan, settings -> nextMeter(), trace, listener).run();
    }

    private Link nextMeter() {
        return meters.remove();
    }
}
