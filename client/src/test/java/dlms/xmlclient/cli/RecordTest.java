package dlms.xmlclient.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --record} and {@code --record=update} through the whole command, against the built-in
 * simulator, on a hand-edited expected file: A+ of energy/a-plus.xml changed to a value the
 * meter does not send, its scaler made a placeholder, a person's comment added.
 */
@Tag("integration")
class RecordTest {

    private static final String HAND_EDITED_VALUE = "<UInt32 Value=\"1094548\" />";

    @TempDir
    Path dir;
    private Path aPlus;
    private String handEdited;

    @BeforeEach
    void samples() throws IOException {
        for (String relative : new String[] {"energy/a-plus.xml", "get-serial-number.xml", "xmlclient.options"}) {
            Path to = dir.resolve("messages").resolve(relative);
            Files.createDirectories(to.getParent());
            Files.copy(Path.of("messages", relative), to);
        }
        aPlus = dir.resolve("expected/energy/a-plus.xml");
        Files.createDirectories(aPlus.getParent());
        String recorded = Files.readString(Path.of("expected/energy/a-plus.xml"));
        handEdited = recorded.replace("<Messages>\n", "<Messages>\n  <!-- A+ of the simulator, checked by hand -->\n")
                .replace("<UInt32 Value=\"1094547\" />", HAND_EDITED_VALUE)
                .replace("<Int8 Value=\"0\" />", "<Int8 Value=\"${xmlunit.within(0,1)}\" /> <!-- scaler 10^0 -->");
        assertFalse(handEdited.equals(recorded.replace("1094547", "1094548")), "the sample changed: " + recorded);
        Files.writeString(aPlus, handEdited);
    }

    private CliRun run(String... extra) {
        String[] args = Stream.concat(Stream.of("-x", dir.resolve("messages").toString()), Stream.of(extra))
                .toArray(String[]::new);
        return CliRun.run(dir.resolve("out"), args);
    }

    private String expected() {
        return dir.resolve("expected").toString();
    }

    @Test
    void recordWritesOnlyTheMissingFileAndLeavesAHandEditedOneByteForByte() throws Exception {
        CliRun record = run("-e", expected(), "--record");
        assertEquals(0, record.exitCode, record.toString());
        Path serial = dir.resolve("expected/get-serial-number.xml");
        assertTrue(record.out.contains(serial + ": written"), record.out);
        assertTrue(record.out.contains("recorded in " + expected() + ": 1 expected file written, 1 existing left as"
                + " they are (--record=update updates them)"), record.out);
        assertFalse(record.out.contains("a-plus.xml:"), record.out);
        assertEquals(handEdited, Files.readString(aPlus));
        assertTrue(Files.readString(serial).contains("<String Value=\""), Files.readString(serial));

        CliRun check = run("-e", expected());
        assertFalse(check.out.contains("no expected file"), "after --record nothing is missing: " + check.out);
        assertTrue(check.out.contains("#1 /GetResponse/GetResponseNormal/Result/Data/UInt32/@Value expected 1094548"
                + " got 1094547"), check.out);
        assertTrue(check.out.contains("2 scripts: 1 passed, 1 failed"), check.out);
    }

    @Test
    void updateRewritesTheValueThatChangedAndKeepsThePlaceholderAndTheComments() throws Exception {
        CliRun update = run("-e", expected(), "--record=update");
        assertEquals(0, update.exitCode, update.toString());
        assertTrue(update.out.contains(aPlus + ":10: UInt32 Value 1094548 -> 1094547\n"), update.out);
        assertEquals(1, update.out.lines().filter(l -> l.startsWith(aPlus.toString())).count(), update.out);
        assertTrue(update.out.contains("get-serial-number.xml: written"), update.out);
        assertTrue(update.out.contains(": 1 expected file written, 1 updated, 0 unchanged"), update.out);
        assertEquals(handEdited.replace(HAND_EDITED_VALUE, "<UInt32 Value=\"1094547\" />"), Files.readString(aPlus));

        CliRun check = run("-e", expected());
        assertEquals(0, check.exitCode, check.toString());
        assertTrue(check.out.contains("2 scripts: 2 passed, 0 failed"), check.out);

        CliRun again = run("--record", "update", "-e", expected());
        assertEquals(0, again.exitCode, again.toString());
        assertTrue(again.out.contains(aPlus + ": unchanged"), again.out);
        assertTrue(again.out.contains(": 0 expected files written, 0 updated, 2 unchanged"), again.out);
    }

    @Test
    void aMissingExpectedFilePointsToRecord() throws Exception {
        CliRun run = run("-e", expected());
        assertEquals(1, run.exitCode, run.toString());
        assertTrue(run.out.contains("no expected file " + dir.resolve("expected/get-serial-number.xml")
                + " (--record writes the missing expected files and leaves existing ones as they are;"), run.out);
    }

    @Test
    void aMistypedModeIsAUsageErrorThatSuggestsTheRightOne() {
        CliRun typo = run("-e", expected(), "--record=updte");
        assertEquals(2, typo.exitCode, typo.toString());
        assertEquals("xmlclient: --record updte: did you mean --record=update? (--record writes the missing expected"
                + " files, --record=update also updates existing ones)\n", typo.err);
        CliRun stray = run("--record", "hunter2", "-e", expected());
        assertEquals(2, stray.exitCode, stray.toString());
        assertTrue(stray.err.startsWith("xmlclient: --record takes no value but update or missing"), stray.err);
        assertFalse(stray.err.contains("hunter2"), stray.err);
    }

    @Test
    void anExpectedFileWithABadPlaceholderIsLeftAsItIsAndNamedWithItsLine() throws Exception {
        String bad = handEdited.replace("${xmlunit.within(0,1)}", "${xmlunit.within(0,)}");
        Files.writeString(aPlus, bad);
        CliRun update = run("-e", expected(), "--record=update");
        assertEquals(2, update.exitCode, update.toString());
        assertTrue(update.err.contains("--record=update: " + aPlus + ":16: ${xmlunit.within(0,)}: an empty argument"),
                update.err);
        assertTrue(update.err.contains("; the file is left as it is"), update.err);
        assertEquals(bad, Files.readString(aPlus));
    }
}
