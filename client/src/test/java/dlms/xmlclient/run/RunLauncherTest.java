package dlms.xmlclient.run;

import dlms.xmlclient.media.Medium;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.FindingPolicy;
import dlms.xmlclient.session.HdlcParameters;
import dlms.xmlclient.session.ReplyLimits;
import dlms.xmlclient.session.SecuritySettings;
import dlms.xmlclient.verdict.Verdict;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recorded-replay tier: what the launcher assembles around a {@link Runner}, with the link hook. */
class RunLauncherTest {

    private static final Path RECORDING = Path.of("client/src/test/resources/recorded/get-serial-number.trace");
    private static final ConnectionSettings MANAGEMENT_CLIENT = new ConnectionSettings(Medium.tcp("127.0.0.1", 9),
            InterfaceType.HDLC, true, 17, 1, Authentication.LOW, "00000000", SecuritySettings.NONE,
            HdlcParameters.DEFAULT, new ReplyLimits(200, 200, 0, 1 << 20), FindingPolicy.FAIL);

    @TempDir
    Path dir;

    @Test
    void eachScriptsLinkGoesThroughTheHookAndEveryFrameIntoTheTraceFile() throws IOException {
        List<String> wrapped = new ArrayList<>();
        RunPlan plan = new RunPlan(List.of(new ScriptSource(Path.of("messages/get-serial-number.xml"),
                "get-serial-number.xml", MANAGEMENT_CLIENT)), dir.resolve("out"), Path.of("expected"), false);
        // The hook may replace the link: here the TCP link (never opened) by a recorded meter.
        RunRequest request = RunRequest.of(plan, List.of()).wrappingLinks(link -> {
            wrapped.add(link.describe());
            try {
                return RecordedMeter.of(RECORDING);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });

        RunResult result = RunLauncher.launch(request);

        assertEquals(Verdict.PASS, result.outcomes().get(0).verdict(), result.outcomes().toString());
        assertEquals(1, wrapped.size(), wrapped.toString());
        assertNull(result.traceFailure());
        String trace = Files.readString(dir.resolve("out").resolve(RunLauncher.TRACE_FILE));
        assertEquals(5, trace.lines().filter(l -> l.matches("[0-9:.]+ TX .*")).count(), trace); // SNRM, AARQ, Get, RLRQ, DISC
        assertTrue(trace.contains("** ** ** ** ** ** ** **"), "the password is masked in the trace file");
    }

    @Test
    void anOutFolderThatCannotBeMadeStopsTheRunBeforeItStarts() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        RunPlan plan = new RunPlan(List.of(new ScriptSource(Path.of("messages/get-serial-number.xml"),
                "get-serial-number.xml", MANAGEMENT_CLIENT)), file.resolve("out"), null, false);

        assertThrows(IOException.class, () -> RunLauncher.launch(RunRequest.of(plan, List.of())));
    }
}
