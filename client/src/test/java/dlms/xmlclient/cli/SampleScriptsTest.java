package dlms.xmlclient.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dlms.xmlclient.script.ScriptLoader;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's main job, {@code xmlclient -x messages -e expected}: every sample script against
 * the built-in simulator (started in-process by the command itself, since no -h is given), each
 * folder with the association its xmlclient.options names, every reply checked.
 */
@Tag("integration")
class SampleScriptsTest {

    @TempDir
    static Path out;
    static CliRun run;

    @BeforeAll
    static void runSamples() {
        run = CliRun.run(out, "-x", "messages", "-e", "expected");
    }

    @Test
    void everySamplePassesAgainstItsExpectedReplies() throws Exception {
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("built-in simulator"), run.out);
        assertTrue(run.out.matches("(?s).*\\d+ scripts: (\\d+) passed, 0 failed, 0 not checked, 0 errors.*"), run.out);
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(Path.of("messages"))) {
            scripts = files.filter(p -> p.toString().endsWith(".xml")).toList();
        }
        assertTrue(scripts.size() >= 15, "samples: " + scripts);
        for (Path script : scripts) {
            String relative = Path.of("messages").relativize(script).toString();
            long requests = CliRun.topElements(script).stream()
                    .filter(e -> !ScriptLoader.isReply(e.getTagName())).count();
            assertEquals(requests, run.replies(relative).size(), relative);
            assertTrue(run.out.matches("(?s).*\\] PASS +messages/" + relative + " .*"), run.out);
        }
    }

    @Test
    void wholeProfileReadJoinsItsBlocksIntoOneReply() throws Exception {
        Element buffer = run.replies("load-profile/whole.xml").get(2);
        assertEquals("672", CliRun.xpath(buffer, "GetResponseNormal/Result/Data/Array/@Qty"));
        assertEquals(672, CliRun.count(buffer, "GetResponseNormal/Result/Data/Array/Structure"));
        // The reply came in blocks: the trace shows GetRequest-next (C0 02) frames.
        assertTrue(run.trace().contains("C0 02 C1 00 00 00 01"), "no GetRequestNext in the trace");
    }

    @Test
    void profileByEntryReturnsTheInclusiveEntryRange() throws Exception {
        List<Element> replies = run.replies("load-profile/entries-3-to-12.xml");
        assertEquals(10, CliRun.count(replies.get(0), ".//Data/Array/Structure"));
        assertEquals(20, CliRun.count(replies.get(0), ".//Data/Array/Structure/*"));
        // Entries 1..2, column 2 only: two rows of one value.
        assertEquals(2, CliRun.count(replies.get(1), ".//Data/Array/Structure"));
        assertEquals(2, CliRun.count(replies.get(1), ".//Data/Array/Structure/*"));
        assertEquals(0, CliRun.count(replies.get(1), ".//Data/Array/Structure/OctetString"));
    }

    @Test
    void profileByRangeReturnsOneDayOfQuarterHours() throws Exception {
        Element reply = run.replies("load-profile/one-day-by-range.xml").get(0);
        assertEquals(96, CliRun.count(reply, ".//Data/Array/Structure"));
        assertEquals("07EA01020500000000000000",
                CliRun.xpath(reply, ".//Data/Array/Structure[1]/OctetString/@Value"));
    }

    @Test
    void getOfMissingObjectShowsItsDataAccessError() throws Exception {
        Element reply = run.replies("get-missing-object.xml").get(0);
        assertEquals("UndefinedObject",
                CliRun.xpath(reply, "GetResponseNormal/Result/DataAccessError/@Value"));
    }

    @Test
    void setThenGetReturnsTheNewValue() throws Exception {
        List<Element> replies = run.replies("set-data-value.xml");
        assertEquals("Success", CliRun.xpath(replies.get(1), "SetResponseNormal/Result/@Value"));
        assertEquals("5445535442454E434830303030303031",
                CliRun.xpath(replies.get(2), ".//Data/OctetString/@Value"));
        // Restored at the end, so the script can run again against the same meter.
        assertEquals(CliRun.xpath(replies.get(0), ".//Data/OctetString/@Value"),
                CliRun.xpath(replies.get(4), ".//Data/OctetString/@Value"));
    }

    @Test
    void clockReadAfterSetRunsOnFromTheSetTime() throws Exception {
        List<Element> replies = run.replies("clock/2-set-and-read.xml");
        assertEquals("Success", CliRun.xpath(replies.get(0), "SetResponseNormal/Result/@Value"));
        String time = CliRun.xpath(replies.get(1), ".//Data/OctetString/@Value");
        assertTrue(time.startsWith("07EA0301070C00"), "clock after set: " + time);
    }

    @Test
    void disconnectActionChangesOutputAndControlState() throws Exception {
        List<Element> replies = run.replies("disconnect-reconnect.xml");
        assertEquals("Success", CliRun.xpath(replies.get(0), ".//ActionResponseNormal/Result/@Value"));
        assertEquals("false", CliRun.xpath(replies.get(1), ".//Data/Boolean/@Value").toLowerCase());
        assertEquals("0", CliRun.xpath(replies.get(2), ".//Data/Enum/@Value"));
        assertEquals("Success", CliRun.xpath(replies.get(3), ".//ActionResponseNormal/Result/@Value"));
        assertEquals("true", CliRun.xpath(replies.get(4), ".//Data/Boolean/@Value").toLowerCase());
        assertEquals("1", CliRun.xpath(replies.get(5), ".//Data/Enum/@Value"));
    }
}
