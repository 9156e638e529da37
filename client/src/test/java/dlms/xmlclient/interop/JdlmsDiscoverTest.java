package dlms.xmlclient.interop;

import dlms.xmlclient.cli.XmlClientCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmuc.jdlms.settings.client.ReferencingMethod;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code xmlclient discover} against OpenMUC jDLMS 1.7.1's server: an object list and access
 * rights written by another implementation give a suite that passes against it.
 */
@Tag("integration")
class JdlmsDiscoverTest {

    @TempDir
    Path dir;

    private static String[] run(int[] code, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        code[0] = new XmlClientCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aSuiteDiscoveredFromJdlmsPassesAgainstIt() throws Exception {
        try (JdlmsMeter meter = JdlmsMeter.start(JdlmsMeter.Framing.WRAPPER, ReferencingMethod.LOGICAL)) {
            String port = String.valueOf(meter.port());
            int[] code = new int[1];
            Path suite = dir.resolve("suite");
            String[] discover = run(code, "discover", "-h", "127.0.0.1", "-p", port, "-w", "-c", "16", "-a", "None",
                    "-o", suite.toString());
            assertEquals(0, code[0], discover[0] + discover[1]);
            String summary = Files.readString(suite.resolve("summary.txt"));
            assertTrue(summary.contains("Clock 0.0.1.0.0.255"), summary);
            String[] again = run(code, "-h", "127.0.0.1", "-p", port, "-w", "-x", suite.resolve("messages").toString(),
                    "-e", suite.resolve("expected").toString(), "-o", dir.resolve("out").toString());
            assertEquals(0, code[0], again[0] + again[1]);
            assertEquals(0, meter.crashes().size(), meter.crashes().toString());
        }
    }
}
