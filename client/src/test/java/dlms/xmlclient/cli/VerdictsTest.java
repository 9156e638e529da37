package dlms.xmlclient.cli;

import dlms.xmlclient.report.JUnitXml;
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

/** Replies checked against expected files through the whole command, against the built-in simulator. */
@Tag("integration")
class VerdictsTest {

    @TempDir
    Path dir;

    /** Copies sample scripts (with messages/xmlclient.options) and their expected files into dir. */
    private void samples(String... relativePaths) throws IOException {
        copy(Path.of("messages/xmlclient.options"), dir.resolve("messages/xmlclient.options"));
        for (String relative : relativePaths) {
            copy(Path.of("messages", relative), dir.resolve("messages").resolve(relative));
            Path expected = Path.of("expected", relative);
            if (Files.exists(expected)) {
                copy(expected, dir.resolve("expected").resolve(relative));
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " has no " + from);
        Files.writeString(path, text.replace(from, to));
    }

    private CliRun run(String... extra) {
        String[] args = Stream.concat(Stream.of("-x", dir.resolve("messages").toString()), Stream.of(extra))
                .toArray(String[]::new);
        return CliRun.run(dir.resolve("out"), args);
    }

    private String expectedDir() {
        return dir.resolve("expected").toString();
    }

    @Test
    void aChangedExpectedValueFailsWithExitCode1AndTheXPath() throws Exception {
        samples("energy/a-plus.xml", "get-serial-number.xml");
        edit("expected/energy/a-plus.xml", "<UInt32 Value=\"1094547\" />", "<UInt32 Value=\"1094548\" />");
        CliRun run = run("-e", expectedDir());
        assertEquals(1, run.exitCode, run.toString());
        assertTrue(run.out.contains("messages/energy/a-plus.xml #1 /GetResponse/GetResponseNormal/Result/Data/UInt32/@Value"
                + " expected 1094548 got 1094547"), run.out);
        assertTrue(run.out.matches("(?s).*\\] FAIL +\\S*energy/a-plus.xml.*"), run.out);
        assertTrue(run.out.matches("(?s).*\\] PASS +\\S*get-serial-number.xml.*"), run.out);
        assertTrue(run.out.contains("2 scripts: 1 passed, 1 failed, 0 not checked, 0 errors"), run.out);
    }

    @Test
    void aVoltageOutsideItsToleranceFails() throws Exception {
        samples("instantaneous.xml");
        CliRun pass = run("-e", expectedDir());
        assertEquals(0, pass.exitCode, pass.toString());
        edit("expected/instantaneous.xml", "${xmlunit.within(2300,10%)}", "${xmlunit.within(2100,5%)}");
        CliRun fail = run("-e", expectedDir());
        assertEquals(1, fail.exitCode, fail.toString());
        assertTrue(fail.out.contains("#1 /GetResponse/GetResponseNormal/Result/Data/UInt16/@Value expected"
                + " ${xmlunit.within(2100,5%)} got 2319"), fail.out);
    }

    @Test
    void recordedRepliesPassOnTheNextRunAndTheClockBecomesAPlaceholder() throws Exception {
        samples("clock/1-read.xml", "energy/a-plus.xml", "load-profile/entries-3-to-12.xml");
        Path recorded = dir.resolve("recorded");
        CliRun record = run("-e", recorded.toString(), "--record");
        assertEquals(0, record.exitCode, record.toString());
        assertTrue(record.out.contains(": 3 expected files written, 0 existing left as they are"), record.out);
        String clock = Files.readString(recorded.resolve("clock/1-read.xml"));
        assertTrue(clock.contains("<OctetString Value=\"${xmlunit.clock(30s)}\" />"), clock);
        String profile = Files.readString(recorded.resolve("load-profile/entries-3-to-12.xml"));
        assertTrue(profile.contains("<OctetString Value=\"07EA0101"), "profile times stay literal: " + profile);
        CliRun rerun = run("-e", recorded.toString());
        assertEquals(0, rerun.exitCode, rerun.toString());
        assertTrue(rerun.out.contains("3 scripts: 3 passed, 0 failed"), rerun.out);
    }

    @Test
    void recordingEverySampleThenRunningAgainPasses() throws Exception {
        Path recorded = dir.resolve("recorded");
        CliRun record = CliRun.run(dir.resolve("out"), "-x", "messages", "-e", recorded.toString(), "--record");
        assertEquals(0, record.exitCode, record.toString());
        String set = Files.readString(recorded.resolve("clock/2-set-and-read.xml"));
        assertTrue(set.contains("${xmlunit.clock(5s,2026-03-01T12:00:00Z)}"), set);
        CliRun rerun = CliRun.run(dir.resolve("out"), "-x", "messages", "-e", recorded.toString());
        assertEquals(0, rerun.exitCode, rerun.toString());
        assertTrue(rerun.out.contains("0 failed, 0 not checked, 0 errors"), rerun.out);
    }

    @Test
    void aMissingExpectedFileFailsNamingThePathUnlessTheFolderIsSaidToMixThem() throws Exception {
        samples("get-serial-number.xml", "energy/a-plus.xml");
        Files.delete(dir.resolve("expected/energy/a-plus.xml"));
        CliRun run = run("-e", expectedDir());
        assertEquals(1, run.exitCode, run.toString());
        assertTrue(run.out.contains("energy/a-plus.xml #1 no expected file " + Path.of(expectedDir(), "energy", "a-plus.xml")),
                run.out);
        assertTrue(run.out.contains("1 passed, 1 failed"), run.out);
        CliRun mixed = run("-e", expectedDir(), "--missing-expected", "not-checked");
        assertEquals(0, mixed.exitCode, mixed.toString());
        assertTrue(mixed.out.matches("(?s).*\\] NOT CHECKED +\\S*energy/a-plus.xml.*"), mixed.out);
        assertTrue(mixed.out.contains("1 passed, 0 failed, 1 not checked"), mixed.out);
        CliRun strict = run("-e", expectedDir(), "--missing-expected", "not-checked", "--strict");
        assertEquals(1, strict.exitCode, strict.toString());
        assertTrue(strict.out.contains("energy/a-plus.xml #1 no expected reply (--strict)"), strict.out);
        CliRun typo = run("-e", expectedDir(), "--missing-expected", "skip");
        assertEquals(2, typo.exitCode, typo.toString());
        assertTrue(typo.err.contains("--missing-expected skip: expected fail or not-checked"), typo.err);
    }

    @Test
    void replyFilesSayWhatEachValueMeansInCommentsThatNoComparisonReads() throws Exception {
        samples("energy/a-plus.xml", "clock/1-read.xml");
        CliRun run = run("-e", expectedDir());
        assertEquals(0, run.exitCode, run.toString());
        String reply = Files.readString(run.outDir.resolve("replies/energy/a-plus.xml"));
        assertTrue(reply.contains("<!-- #1 line 5: Get Register 1.0.1.8.0.255 attribute 2 (value) - Sum Li Active power+"), reply);
        assertTrue(reply.contains("<UInt32 Value=\"1094547\" /> <!-- = 1094547 Wh = 1094.547 kWh -->"), reply);
        assertTrue(reply.contains("<Structure Qty=\"2\" > <!-- = scaler 0, unit Wh -->"), reply);
        String clock = Files.readString(run.outDir.resolve("replies/clock/1-read.xml"));
        assertTrue(clock.matches("(?s).*<OctetString Value=\"[0-9A-F]{24}\" /> <!-- = 20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*"), clock);
        String html = Files.readString(run.outDir.resolve("report.html"));
        assertTrue(html.contains("<span class=\"what\">Get Clock 0.0.1.0.0.255 attribute 2 (time)</span>"), html);
        // An expected file made from the reply file, comments and all, still passes: comments are not compared.
        Files.copy(run.outDir.resolve("replies/energy/a-plus.xml"), dir.resolve("expected/energy/a-plus.xml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun again = run("-e", expectedDir());
        assertEquals(0, again.exitCode, again.toString());
    }

    @Test
    void junitXmlValidatesAndTheHtmlReportShowsEveryScript() throws Exception {
        samples("energy/a-plus.xml", "get-serial-number.xml", "get-missing-object.xml");
        edit("expected/get-serial-number.xml", "^[0-9]{8}$", "^[0-9]{9}$");
        CliRun run = run("-e", expectedDir());
        assertEquals(1, run.exitCode, run.toString());
        JUnitXml.validate(run.outDir.resolve("junit.xml"));
        String junit = Files.readString(run.outDir.resolve("junit.xml"));
        assertTrue(junit.contains("<failure type=\"ReplyDifference\" message=\"/GetResponse/GetResponseNormal/Result/Data/String/@Value"),
                junit);
        String html = Files.readString(run.outDir.resolve("report.html"));
        for (String script : new String[] {"energy/a-plus.xml", "get-serial-number.xml", "get-missing-object.xml"}) {
            assertTrue(html.contains(script), script);
        }
        assertTrue(html.contains("<mark"), "the differing reply line is highlighted");
        assertFalse(html.contains("<script"), "self-contained, no scripts");
    }

    @Test
    void inlineExpectationsAreCheckedAndMayNotMeetAnExpectedFile() throws Exception {
        samples("inline/register-template.xml");
        CliRun pass = run();
        assertEquals(0, pass.exitCode, pass.toString());
        assertTrue(pass.out.matches("(?s).*\\] PASS +\\S*inline/register-template.xml.*"), pass.out);
        edit("messages/inline/register-template.xml", "<Enum Value=\"30\" />", "<Enum Value=\"31\" />");
        CliRun fail = run();
        assertEquals(1, fail.exitCode, fail.toString());
        assertTrue(fail.out.contains("#2 /GetResponse/GetResponseNormal/Result/Data/Structure/Enum/@Value expected 31 got 30"),
                fail.out);
        copy(Path.of("messages/inline/register-template.xml"), dir.resolve("expected/inline/register-template.xml"));
        CliRun both = run("-e", expectedDir());
        assertEquals(2, both.exitCode, both.toString());
        assertTrue(both.out.contains("inline/register-template.xml: has replies inline and an expected file"), both.out);
    }

    @Test
    void aDirectorTemplateWithAByteOrderMarkAndStarInvokeIdsRunsAsItIs() throws Exception {
        samples("inline/register-template.xml");
        Path file = dir.resolve("messages/inline/register-template.xml");
        byte[] body = Files.readAllBytes(file);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(file, withBom);
        CliRun run = run();
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.trace().contains("C0 01 C1 00 03 01 00 01 08 00 FF 02 00"), "a * invoke id is sent as 193 (C1)");
    }

    @Test
    void expectedFileWithTheWrongNumberOfRepliesIsBadInput() throws Exception {
        samples("energy/a-plus.xml");
        Path expected = dir.resolve("expected/energy/a-plus.xml");
        Files.writeString(expected, Files.readString(expected).replaceFirst("(?s)<!-- #2.*</GetResponse>", ""));
        CliRun run = run("-e", expectedDir());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.contains("a-plus.xml: holds 1 expected reply for 2 requests"), run.out);
    }

    @Test
    void anUnknownPlaceholderNamesTheExpectedFileAndLine() throws Exception {
        samples("energy/a-plus.xml");
        edit("expected/energy/a-plus.xml", "<UInt32 Value=\"1094547\" />", "<UInt32 Value=\"${xmlunit.withn(1,2)}\" />");
        CliRun run = run("-e", expectedDir());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.contains("energy/a-plus.xml:4: ${xmlunit.withn(1,2)}: unknown placeholder (known: clock,"),
                run.out);
        // Arguments the library would only reject mid-comparison are input errors too.
        edit("expected/energy/a-plus.xml", "${xmlunit.withn(1,2)}", "${xmlunit.matchesRegex(^[0-9]{1,8}$)}");
        CliRun regex = run("-e", expectedDir());
        assertEquals(2, regex.exitCode, regex.toString());
        assertTrue(regex.out.contains("energy/a-plus.xml:4: ${xmlunit.matchesRegex(^[0-9]{1,8}$)}: one regular expression"),
                regex.out);
    }

    @Test
    void folderOptionsPickTheAssociationAndTheCommandLineOverridesThem() throws Exception {
        samples("public/set-clock-denied.xml");
        copy(Path.of("messages/public/xmlclient.options"), dir.resolve("messages/public/xmlclient.options"));
        CliRun denied = run("-e", expectedDir());
        assertEquals(0, denied.exitCode, denied.toString());
        // As the management client the Set is allowed, so the expected denial no longer matches.
        CliRun management = run("-e", expectedDir(), "-c", "17", "-a", "Low", "-P", "00000000");
        assertEquals(1, management.exitCode, management.toString());
        assertTrue(management.out.contains("#2 /SetResponse/SetResponseNormal/Result/@Value expected ReadWriteDenied got Success"),
                management.out);
    }

    @Test
    void aBadOptionsLineIsExitCode2NamingTheFileAndLine() throws Exception {
        samples("get-serial-number.xml");
        Files.writeString(dir.resolve("messages/xmlclient.options"), "# management client\n-c 17 -a Low\n-P 0 -h meter\n");
        CliRun run = run();
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("messages/xmlclient.options:3: -h is not allowed in an options file"), run.err);
        Files.writeString(dir.resolve("messages/xmlclient.options"), "-c 1000\n");
        CliRun range = run();
        assertEquals(2, range.exitCode, range.toString());
        assertTrue(range.err.contains("messages/xmlclient.options:1: -c 1000: must be between 0 and 127"), range.err);
    }
}
