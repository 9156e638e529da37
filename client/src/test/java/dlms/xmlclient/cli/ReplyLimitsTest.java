package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reply larger than --max-reply-bytes is cut off: the script is an error, the run goes on. */
@Tag("integration")
class ReplyLimitsTest {

    @TempDir
    Path out;

    @Test
    void aReplyPastMaxReplyBytesIsCutOffAndTheNextScriptStillRuns() throws Exception {
        CliRun run = CliRun.run(out, "-x", "messages/load-profile", "-e", "expected/load-profile",
                "--max-reply-bytes", "2000");
        assertEquals(1, run.exitCode, run.toString());
        assertTrue(run.out.contains("ERROR        messages/load-profile/one-day-by-range.xml"), run.out);
        assertTrue(run.out.contains("the reply passed --max-reply-bytes 2000: the meter keeps sending (raise"
                + " --max-reply-bytes if the reply is real)"), run.out);
        assertTrue(run.out.contains("PASS         messages/load-profile/entries-3-to-12.xml"), run.out);
    }

    @Test
    void theCapHasAFloor() {
        CliRun run = CliRun.run(out, "-x", "messages", "--max-reply-bytes", "10");
        assertEquals(2, run.exitCode);
        assertEquals("xmlclient: --max-reply-bytes 10: must be between 1024 and 2147483647\n", run.err);
    }
}
