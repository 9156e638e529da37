package dlms.xmlclient.simulator.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device file that is not XML is refused in the simulator's words, and the parser prints nothing. */
class DeviceFileNotXmlQuietTest {

    @TempDir
    Path dir;

    @Test
    void aDeviceFileThatIsNotXmlIsRefusedWithoutTheParserPrintingToStderr() throws Exception {
        Path file = dir.resolve("not-a-device.xml");
        Files.writeString(file, "this is not xml");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        DeviceFileException e;
        try {
            e = assertThrows(DeviceFileException.class, () -> DeviceFile.load(file));
        } finally {
            System.setErr(before);
        }
        assertEquals("", stderr.toString(StandardCharsets.UTF_8)); // the parser's default printed [Fatal Error]
        assertTrue(e.getMessage().startsWith("not a device file: " + file), e.getMessage());
    }
}
