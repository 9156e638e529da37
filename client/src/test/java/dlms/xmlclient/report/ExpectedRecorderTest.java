package dlms.xmlclient.report;

import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.run.StepReply;
import dlms.xmlclient.verdict.Check;
import dlms.xmlclient.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recorder's modes on hand-built outcomes: which files it writes, leaves, updates, and what it says. */
class ExpectedRecorderTest {

    private static final String EXPECTED = String.join("\r\n", "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<Messages>", "  <!-- #1 line 1 -->", "  <!-- written on a Windows machine -->", "  <GetResponse>",
            "    <GetResponseNormal>", "      <InvokeIdAndPriority Value=\"193\" />", "      <Result>",
            "        <Data>", "          <UInt32 Value=\"7\" />", "        </Data>", "      </Result>",
            "    </GetResponseNormal>", "  </GetResponse>", "</Messages>", "");

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ExpectedRecorder recorder(RecordMode mode) {
        return new ExpectedRecorder(dir, mode, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new WriteFailures(System.err));
    }

    private static ScriptOutcome reading(String path, Status status, int value) {
        ScriptSource source = HtmlRunFixtures.source(path);
        RequestResult result = new RequestResult(HtmlRunFixtures.step(1, 1, HtmlRunFixtures.get(2)),
                new StepReply(HtmlRunFixtures.step(1, 1, HtmlRunFixtures.get(2)),
                        HtmlRunFixtures.response("<UInt32 Value=\"" + value + "\" />"), HtmlRunFixtures.SENT, 5),
                new Check(Verdict.NOT_CHECKED, null, List.of(), "no expected reply"));
        return HtmlRunFixtures.outcome(source, status, List.of(result), status == Status.COMPLETED ? null : "cut off",
                10, "");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainRecordWritesTheMissingFileLeavesTheOtherAndSkipsAScriptThatBrokeOff() throws Exception {
        Files.writeString(dir.resolve("old.xml"), EXPECTED);
        ExpectedRecorder recorder = recorder(RecordMode.MISSING);
        recorder.scriptFinished(reading("messages/old.xml", Status.COMPLETED, 8));
        recorder.scriptFinished(reading("messages/new.xml", Status.COMPLETED, 8));
        recorder.scriptFinished(reading("messages/cut.xml", Status.BROKEN, 8));
        recorder.runFinished(List.of(), 0);
        assertEquals(EXPECTED, Files.readString(dir.resolve("old.xml")));
        assertTrue(Files.readString(dir.resolve("new.xml")).contains("<UInt32 Value=\"8\" />"));
        assertTrue(Files.notExists(dir.resolve("cut.xml")));
        assertEquals(dir.resolve("new.xml") + ": written\nrecorded in " + dir + ": 1 expected file written, 1 existing"
                + " left as they are (--record=update updates them); 1 script did not complete and is not recorded\n",
                out().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void updateKeepsTheFilesWindowsLineEnds() throws Exception {
        Files.writeString(dir.resolve("old.xml"), EXPECTED);
        ExpectedRecorder recorder = recorder(RecordMode.UPDATE);
        recorder.scriptFinished(reading("messages/old.xml", Status.COMPLETED, 8));
        // The heading the tool writes is written anew (it now says what the request asks for).
        assertEquals(EXPECTED.replace("Value=\"7\"", "Value=\"8\"").replace("<!-- #1 line 1 -->",
                "<!-- #1 line 1: Get Clock 0.0.1.0.0.255 attribute 2 (time) - Clock object -->"),
                Files.readString(dir.resolve("old.xml")));
        assertEquals(dir.resolve("old.xml") + ":3: 1 generated comment (#N line L headers, = decoded values) regenerated\n"
                + dir.resolve("old.xml") + ":10: UInt32 Value 7 -> 8\n", out().replace(System.lineSeparator(), "\n"));
    }
}
