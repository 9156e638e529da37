package dlms.xmlclient.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.faults.MeterFault;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No input, signal or failed write ends a run without its reports, or leaves an earlier run's looking current. */
@Tag("integration")
class RunSurvivesTest {

    /** What an earlier, passing run left in the folder. */
    private static final String EARLIER_JUNIT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="xmlclient" tests="69" failures="0" errors="0" time="1.000"></testsuites>
            """;

    @TempDir
    Path dir;

    private Path scripts(int count) throws Exception {
        Path messages = Files.createDirectories(dir.resolve("messages"));
        for (int i = 1; i <= count; i++) {
            Files.writeString(messages.resolve(String.format("s%02d.xml", i)), DeepReplyTest.TWO_READS);
        }
        return messages;
    }

    @Test
    void aKilledRunLeavesNoEarlierReportLookingCurrent() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("junit.xml"), EARLIER_JUNIT);
        Files.writeString(out.resolve("report.html"), "<html>PASSED: all 69 scripts passed</html>");
        try (SilentMeter meter = SilentMeter.start();
             ChildRun run = ChildRun.start(dir.resolve("logs"), List.of("-Xmx128m"), "-h", "127.0.0.1", "-p",
                     String.valueOf(meter.port()), "-x", scripts(3).toString(), "-o", out.toString())) {
            assertTrue(ChildRun.await(() -> read(out.resolve("junit.xml")).contains("RunInProgress")
                    && read(out.resolve("report.html")).contains("RUN IN PROGRESS"), 30), run.output());
            run.process().destroyForcibly(); // SIGKILL: nothing of ours runs after it
            assertTrue(run.waitFor(30) >= 0);
            String junit = read(out.resolve("junit.xml"));
            assertFalse(junit.contains("tests=\"69\""), junit);
            assertTrue(junit.contains("errors=\"1\"") && junit.contains("has not finished"), junit);
            assertTrue(read(out.resolve("report.html")).contains("RUN IN PROGRESS"));
            wellFormed(out.resolve("junit.xml"));
        }
    }

    @Test
    void sigtermStopsTheRunWritesEveryReportAndExits143() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("junit.xml"), EARLIER_JUNIT);
        try (SilentMeter meter = SilentMeter.start();
             ChildRun run = ChildRun.start(dir.resolve("logs"), List.of("-Xmx128m"), "-h", "127.0.0.1", "-p",
                     String.valueOf(meter.port()), "--wait-time", "1000", "--retries", "0", "-x",
                     scripts(3).toString(), "-o", out.toString())) {
            assertTrue(ChildRun.await(() -> read(out.resolve("junit.xml")).contains("RunInProgress"), 30),
                    run.output());
            run.process().destroy(); // SIGTERM
            assertEquals(143, run.waitFor(30), run.output());
            String junit = read(out.resolve("junit.xml"));
            assertFalse(junit.contains("RunInProgress"), junit);
            assertTrue(junit.contains("terminated (SIGTERM)"), junit);
            wellFormed(out.resolve("junit.xml"));
            assertTrue(read(out.resolve("report.html")).contains("terminated (SIGTERM)"));
            assertTrue(run.output().contains("run stopped"), run.output());
        }
    }

    @Test
    void manyScriptsWithLargeRepliesRunInASmallHeapAndEveryReportIsWritten() throws Exception {
        Path out = dir.resolve("out");
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .fault(MeterFault.ENDLESS_BLOCKS));
             ChildRun run = ChildRun.start(dir.resolve("logs"), List.of("-Xmx64m", "-XX:+UseSerialGC"), "-h",
                     "127.0.0.1", "-p", String.valueOf(meter.port()), "-c", "16", "--max-reply-bytes",
                     String.valueOf(1 << 20), "-x", scripts(6).toString(), "-o", out.toString())) {
            assertEquals(1, run.waitFor(300), run.output());
            assertFalse(run.output().contains("OutOfMemoryError"), run.output());
            wellFormed(out.resolve("junit.xml"));
            String junit = read(out.resolve("junit.xml"));
            // Each script errs at its first request; its second, never sent, is skipped.
            assertTrue(junit.contains("tests=\"12\"") && junit.contains("errors=\"6\""), run.output());
            assertEquals(6, junit.split("<skipped message=\"not sent: ", -1).length - 1, run.output());
            assertTrue(junit.contains("passed --max-reply-bytes 1048576"), run.output());
            assertTrue(junit.contains("trace.txt has the rest"), "the trace excerpt is cut");
            assertTrue(Files.size(out.resolve("junit.xml")) < 6 * 400_000, "junit.xml is small");
            assertTrue(read(out.resolve("report.html")).endsWith("</html>\n"));
            assertTrue(Files.size(out.resolve("report.html")) < 6 * 600_000, "report.html is small");
            try (Stream<Path> replies = Files.list(out.resolve("replies"))) {
                for (Path reply : replies.toList()) {
                    wellFormed(reply);
                }
            }
            assertTrue(Files.size(out.resolve("trace.txt")) > 6 * (1 << 20), "trace.txt has every frame");
        }
    }

    @Test
    void aReplyThatRunsTheHeapOutIsThatScriptsErrorAndTheRunGoesOn() throws Exception {
        Path out = dir.resolve("out");
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .fault(MeterFault.ENDLESS_BLOCKS));
             ChildRun run = ChildRun.start(dir.resolve("logs"), List.of("-Xmx40m", "-XX:+UseSerialGC"), "-h",
                     "127.0.0.1", "-p", String.valueOf(meter.port()), "-c", "16", "--max-reply-bytes",
                     String.valueOf(1 << 30), "-x", scripts(2).toString(), "-o", out.toString())) {
            assertEquals(1, run.waitFor(300), run.output());
            String console = run.output();
            assertTrue(console.contains("[1/2] ERROR") && console.contains("[2/2] ERROR"), console);
            assertTrue(console.contains("the reply does not fit in memory after"), console);
            wellFormed(out.resolve("junit.xml"));
            assertTrue(read(out.resolve("junit.xml")).contains("s02.xml"), "the second script is reported");
            assertTrue(read(out.resolve("report.html")).endsWith("</html>\n"));
        }
    }

    @Test
    void aReportThatCannotBeWrittenIsExit4NamingTheFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        // junit.xml cannot be replaced: a folder with something in it has its name.
        Files.writeString(Files.createDirectories(out.resolve("junit.xml")).resolve("keep"), "x");
        HostileRun run = HostileRun.run(out, "-x", scripts(1).toString());
        assertEquals(4, run.exitCode(), run.toString());
        assertTrue(run.err().contains("cannot write " + out.resolve("junit.xml") + ": it is a folder"), run.toString());
        assertTrue(read(out.resolve("report.html")).contains("PASSED") || read(out.resolve("report.html"))
                .contains("NOT CHECKED"), "the other report is written");
        assertTrue(Files.exists(out.resolve("replies/s01.xml")));
    }

    @Test
    void reachingMaxReplyBytesCostsLittleAndTheReportsStaySmall() throws Exception {
        Path out = dir.resolve("out");
        Path messages = Files.createDirectories(dir.resolve("messages"));
        Files.writeString(messages.resolve("endless.xml"), DeepReplyTest.TWO_READS);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .fault(MeterFault.ENDLESS_BLOCKS))) {
            long start = System.nanoTime();
            HostileRun run = HostileRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(meter.port()), "-c", "16",
                    "--max-reply-bytes", String.valueOf(4 << 20), "-x", messages.toString());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.out().contains("the reply passed --max-reply-bytes 4194304"), run.toString());
            assertTrue(seconds < 20, "4 MiB took " + seconds + " s (it took minutes when the cost grew faster)");
            assertTrue(Files.size(out.resolve("junit.xml")) < 1_000_000, "junit.xml is small");
            assertTrue(Files.size(out.resolve("report.html")) < 1_000_000, "report.html is small");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "";
        }
    }

    private static void wellFormed(Path file) throws Exception {
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(file)));
    }
}
