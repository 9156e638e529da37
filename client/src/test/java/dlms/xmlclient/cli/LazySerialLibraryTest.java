package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gurux.serial is loaded only for a serial port: every GXSerial copies its native library to a
 * temporary file. A TCP run in a fresh JVM must not load a single gurux.serial class.
 */
@Tag("integration")
class LazySerialLibraryTest {

    @TempDir
    Path out;

    @Test
    void aTcpRunNeverLoadsGuruxSerial() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-verbose:class", "-cp",
                System.getProperty("java.class.path"), "dlms.xmlclient.cli.Main",
                "-x", "messages/clock/1-read.xml", "-e", "expected/clock", "-o", out.toString()))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output.lines().filter(l -> !l.startsWith("[")).toList().toString());
        assertTrue(output.contains("gurux.dlms.GXDLMSClient"), "the class list is there");
        assertFalse(output.contains("gurux.serial."), "gurux.serial was loaded for a TCP run");
    }
}
