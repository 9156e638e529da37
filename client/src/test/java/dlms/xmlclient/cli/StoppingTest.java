package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ending a run early: --fail-fast after the first failing script, Ctrl-C after the exchange in progress. */
@Tag("integration")
class StoppingTest {

    private static final String GET_SERIAL_NUMBER = """
              <GetRequest><GetRequestNormal><InvokeIdAndPriority Value="193" /><AttributeDescriptor>
                <ClassId Value="1" /><InstanceId Value="0000600100FF" /><AttributeId Value="2" />
              </AttributeDescriptor></GetRequestNormal></GetRequest>
            """;

    @TempDir
    Path dir;

    @Test
    void failFastStopsAfterTheFirstFailingScriptAndReportsTheRestAsNotRun() throws Exception {
        Path expected = expectedWithOneWrongValue();
        CliRun run = CliRun.run(dir.resolve("out"), "-x", "messages", "-e", expected.toString(), "--fail-fast");
        assertEquals(1, run.exitCode, run.toString());
        int samples = sampleCount();
        assertTrue(run.out.contains("[ 7/" + samples + "] FAIL         messages/energy/a-plus.xml"), run.out);
        assertTrue(!run.out.contains("[ 8/" + samples + "]"), run.out);
        assertTrue(run.out.contains("run stopped, " + (samples - 7)
                + " scripts not run: --fail-fast: messages/energy/a-plus.xml fail"), run.out);
        assertTrue(run.out.contains(samples + " scripts: 6 passed, 1 failed, 0 not checked, 0 errors, "
                + (samples - 7) + " not run;"), run.out);
        String junit = Files.readString(dir.resolve("out/junit.xml"));
        assertTrue(junit.contains("<skipped message=\"not run: --fail-fast: messages/energy/a-plus.xml fail\""), junit);
        dlms.xmlclient.report.JUnitXml.validate(dir.resolve("out/junit.xml"));
    }

    @Test
    void withoutFailFastEveryScriptRuns() throws Exception {
        Path expected = expectedWithOneWrongValue();
        CliRun run = CliRun.run(dir.resolve("out"), "-x", "messages", "-e", expected.toString());
        assertEquals(1, run.exitCode);
        int samples = sampleCount();
        assertTrue(run.out.contains(samples + " scripts: " + (samples - 1)
                + " passed, 1 failed, 0 not checked, 0 errors;"), run.out);
    }

    /** @return the number of sample scripts under messages/ (two-digit, as the console pads) */
    private static int sampleCount() throws java.io.IOException {
        try (var files = Files.walk(Path.of("messages"))) {
            return (int) files.filter(f -> f.toString().endsWith(".xml")).count();
        }
    }

    @Test
    void ctrlCEndsTheExchangePolitelyWritesTheReportsAndExits130() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("a.xml"), "<Messages>\n" + GET_SERIAL_NUMBER + "</Messages>\n");
        Files.writeString(scripts.resolve("b.xml"), "<Messages>\n" + GET_SERIAL_NUMBER
                + "  <Sleep Value=\"60000\" />\n" + GET_SERIAL_NUMBER + "</Messages>\n");
        Files.writeString(scripts.resolve("c.xml"), "<Messages>\n" + GET_SERIAL_NUMBER + "</Messages>\n");
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dlms.xmlclient.cli.Main", "-x", scripts.toString(),
                "-o", out.toString(), "-t", "Verbose")).redirectErrorStream(true).start();
        StringBuilder console = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            boolean inB = false;
            boolean sent = false;
            String line;
            while ((line = lines.readLine()) != null) {
                console.append(line).append('\n');
                inB |= line.contains("script b.xml");
                if (inB && !sent && line.contains(" RX ") && line.contains("C4 01 C1")) {
                    // b.xml has its first reply and sleeps before its second request (-t Verbose shows each frame)
                    new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
                    sent = true;
                }
            }
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), console.toString());
        assertEquals(130, p.exitValue(), console.toString());
        assertTrue(console.toString().matches("(?s).*\\[2/3\\] ERROR +\\S*b\\.xml +2 requests.*"), console.toString());
        assertTrue(console.toString().contains("stopped: interrupted (Ctrl-C)"), console.toString());
        assertTrue(console.toString().contains("run stopped, 1 script not run: interrupted (Ctrl-C)"), console.toString());
        assertTrue(Files.readString(out.resolve("replies/b.xml")).contains("<GetResponse>"), "the reply before Ctrl-C is kept");
        String junit = Files.readString(out.resolve("junit.xml"));
        assertTrue(junit.contains("not run: interrupted (Ctrl-C)"), junit);
        assertTrue(Files.exists(out.resolve("report.html")));
        String trace = Files.readString(out.resolve("trace.txt"));
        assertTrue(trace.substring(trace.indexOf("script b.xml")).contains("TX 7E A0 07 03 21 53"),
                "the association was released and the link disconnected (DISC): " + trace);
    }

    /** expected/ with one value of energy/a-plus.xml changed: that script fails, the others pass. */
    private Path expectedWithOneWrongValue() throws Exception {
        Path expected = dir.resolve("expected");
        copy(Path.of("expected"), expected);
        Path aPlus = expected.resolve("energy/a-plus.xml");
        Files.writeString(aPlus, Files.readString(aPlus).replace("1094547", "1094548"));
        return expected;
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
