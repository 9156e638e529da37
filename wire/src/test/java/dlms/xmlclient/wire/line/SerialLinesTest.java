package dlms.xmlclient.wire.line;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The serial seam over a socat pseudo-terminal pair, as a user's virtual serial port. */
@Tag("integration")
class SerialLinesTest {

    private PtyPair pty;
    private final RecordingTrace trace = new RecordingTrace();
    private final List<String> notes = trace.notes;

    @BeforeEach
    void startPty() throws Exception {
        pty = PtyPair.startOrSkip();
    }

    @AfterEach
    void stopPty() {
        if (pty != null) {
            pty.close();
        }
    }

    @Test
    void aPseudoTerminalFallsBackFromGxSerialAndSaysSo() throws Exception {
        try (SerialLine a = SerialLines.open(SerialSettings.parse(pty.a() + ":9600:8None1"), trace);
                SerialLine b = SerialLines.open(SerialSettings.parse(pty.b() + ":9600:8None1"), trace)) {
            assertTrue(notes.stream().anyMatch(n -> n.contains("no modem-control lines")), notes.toString());
            assertTrue(a.describe().contains("9600 8N1"), a.describe());
            a.write(new byte[] {0x7E, 1, 2, 0x7E});
            assertArrayEquals(new byte[] {0x7E, 1, 2, 0x7E}, PtyPair.readAll(b, 4));
            assertNull(b.read(150), "nothing more arrives");
        }
    }

    @Test
    void switchingToSevenEvenOneIsNotedOnAPseudoTerminalAndBytesStillPass() throws Exception {
        try (SerialLine a = SerialLines.open(SerialSettings.parse(pty.a() + ":300:7Even1"), trace);
                SerialLine b = SerialLines.open(SerialSettings.parse(pty.b() + ":9600:8None1"), trace)) {
            assertTrue(notes.stream().anyMatch(n -> n.contains("keeps 8 data bits")), notes.toString());
            a.write("/?!\r\n".getBytes());
            assertEquals("/?!\r\n", new String(PtyPair.readAll(b, 5)));
            a.configure(SerialSettings.parse(pty.a() + ":19200:8None1"));
            assertTrue(a.describe().contains("19200 8N1"), a.describe());
        }
    }

    @Test
    void theNativeLibraryCopyIsNotLeftInTheTemporaryFolder() throws Exception {
        int before = nativeCopies();
        try (SerialLine a = SerialLines.open(SerialSettings.parse(pty.a().toString()), trace)) {
            assertEquals(before, nativeCopies());
        }
    }

    @Test
    void aMissingPortIsNamed() {
        IOException e = assertThrows(IOException.class,
                () -> SerialLines.open(SerialSettings.parse("/dev/no-such-port:9600:8None1"), trace));
        assertEquals("serial port /dev/no-such-port: no such device", e.getMessage());
    }

    @Test
    void closingTheOtherEndIsALinkClosedException() throws Exception {
        try (SerialLine a = SerialLines.open(SerialSettings.parse(pty.a().toString()), trace)) {
            pty.close();
            assertThrows(LinkClosedException.class, () -> {
                for (int i = 0; i < 20; i++) {
                    a.read(100);
                }
            });
        }
    }

    private static int nativeCopies() {
        File[] copies = new File(System.getProperty("java.io.tmpdir"))
                .listFiles((d, n) -> n.startsWith("gurux.serial.java"));
        return copies == null ? 0 : copies.length;
    }
}
