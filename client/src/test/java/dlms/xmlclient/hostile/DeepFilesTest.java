package dlms.xmlclient.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Message and expected files nested past the documented depth are refused with file:line, at once; the run goes on. */
@Tag("integration")
class DeepFilesTest {

    @TempDir
    Path dir;

    @Test
    void aMessageFileNestedDeeperThanTheLimitIsBadInputWithItsLineAndTheOtherScriptsRun() throws Exception {
        Path messages = Files.createDirectories(dir.resolve("messages"));
        Files.writeString(messages.resolve("a-deep.xml"), DeepInputs.nestedMessageFile(200_000)); // 1.4 MB
        Files.writeString(messages.resolve("b-fine.xml"), DeepReplyTest.TWO_READS);
        HostileRun run = HostileRun.run(dir.resolve("out"), "-x", messages.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.out().contains("a-deep.xml:2: elements nested deeper than 300 levels"), run.toString());
        assertTrue(run.elapsedMillis() < 60_000, "it took minutes when the walk was quadratic: " + run);
        assertTrue(run.file("replies/b-fine.xml").contains("<String Value=\"12345678\" />"), run.toString());
        assertTrue(run.file("junit.xml").contains("elements nested deeper than 300 levels"));
    }

    @Test
    void anExpectedFileNestedDeeperThanTheLimitIsBadInputWithItsLineAndTheOtherScriptsRun() throws Exception {
        Path messages = Files.createDirectories(dir.resolve("messages"));
        Path expected = Files.createDirectories(dir.resolve("expected"));
        Files.writeString(messages.resolve("a-deep.xml"), DeepReplyTest.TWO_READS);
        Files.writeString(messages.resolve("b-fine.xml"), DeepReplyTest.TWO_READS);
        Files.writeString(expected.resolve("a-deep.xml"), DeepInputs.nestedExpectedFile(5_000));
        HostileRun run = HostileRun.run(dir.resolve("out"), "-x", messages.toString(), "-e", expected.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.out().contains("a-deep.xml:7: elements nested deeper than 300 levels"), run.toString());
        assertTrue(run.file("replies/b-fine.xml").contains("<String Value=\"12345678\" />"), run.toString());
    }

    @Test
    void filesNestedWithinTheLimitLoadAndCompare() throws Exception {
        Path messages = Files.createDirectories(dir.resolve("messages"));
        Path expected = Files.createDirectories(dir.resolve("expected"));
        Files.writeString(messages.resolve("a.xml"), DeepReplyTest.TWO_READS);
        Files.writeString(expected.resolve("a.xml"), DeepInputs.nestedExpectedFile(280).replace("</Messages>",
                DeepInputs.nestedExpectedFile(1).replace("<Messages>", "")));
        HostileRun run = HostileRun.run(dir.resolve("out"), "-x", messages.toString(), "-e", expected.toString());
        assertEquals(1, run.exitCode(), run.toString()); // loaded, compared, different
        assertTrue(run.file("junit.xml").contains("failure"), run.toString());
    }
}
