package dlms.xmlclient.report;

import dlms.xmlclient.run.RunPlan;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.verdict.Difference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dlms.xmlclient.report.HtmlRunFixtures.CLOCK;
import static dlms.xmlclient.report.HtmlRunFixtures.DATA;
import static dlms.xmlclient.report.HtmlRunFixtures.INJECTED;
import static dlms.xmlclient.report.HtmlRunFixtures.TARGET;
import static dlms.xmlclient.report.HtmlRunFixtures.badInput;
import static dlms.xmlclient.report.HtmlRunFixtures.failed;
import static dlms.xmlclient.report.HtmlRunFixtures.longReply;
import static dlms.xmlclient.report.HtmlRunFixtures.noConnection;
import static dlms.xmlclient.report.HtmlRunFixtures.notChecked;
import static dlms.xmlclient.report.HtmlRunFixtures.passed;
import static dlms.xmlclient.report.HtmlRunFixtures.sampleRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {

    @TempDir
    Path out;

    private String write(List<ScriptOutcome> outcomes) throws IOException {
        HtmlReport report = new HtmlReport(out, TARGET, CLOCK, new PrintStream(new ByteArrayOutputStream()));
        report.runFinished(outcomes, 1234);
        return Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    }

    private static String section(String page, String id) {
        int start = page.indexOf("<section id=\"" + id + "\"");
        assertTrue(start >= 0, "no section " + id);
        return page.substring(start, page.indexOf("</section>", start) + "</section>".length());
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    // ---- the page ----

    @Test
    void writesReportHtmlInTheOutputFolderWhenTheRunFinishes() throws IOException {
        HtmlReport report = new HtmlReport(out, TARGET, CLOCK, System.err);
        report.scriptFinished(passed());
        assertFalse(Files.exists(out.resolve("report.html")));
        report.runFinished(List.of(passed()), 40);
        assertEquals(out.resolve("report.html"), report.file());
        assertTrue(Files.readString(report.file()).startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
    }

    @Test
    void headerStatesTheResultInWordsTheTargetTheTimeAndTheDuration() throws IOException {
        String page = write(sampleRun());
        String header = page.substring(page.indexOf("<header>"), page.indexOf("</header>"));
        assertTrue(header.contains("<h1>xmlclient report</h1>"));
        assertTrue(header.contains(">FAILED: 1 of 5 scripts failed, 2 did not complete</p>"), header);
        assertTrue(header.contains(Html.escape(TARGET)));
        assertTrue(header.contains("2025-03-04T05:06:07"), header);
        assertTrue(header.contains("1234 ms"), header);
        assertTrue(page.contains("<title>xmlclient report</title>"));
    }

    @Test
    void headerCountsScriptsAndRequestsByVerdict() throws IOException {
        String page = write(sampleRun());
        String header = page.substring(page.indexOf("<header>"), page.indexOf("</header>"));
        assertTrue(header.contains("<b>Scripts</b> <span class=\"badge pass\">1 passed</span> "
                + "<span class=\"badge fail\">1 failed</span> <span class=\"badge nc\">1 not checked</span> "
                + "<span class=\"badge error\">2 errors</span>"), header);
        assertTrue(header.contains("<b>Requests</b> <span class=\"badge pass\">3 passed</span> "
                + "<span class=\"badge fail\">1 failed</span> <span class=\"badge nc\">3 not checked</span> "
                + "<span class=\"badge error\">2 errors</span>"), header);
    }

    @Test
    void resultInWordsCoversEveryKindOfRun() {
        assertEquals("PASSED: all 2 scripts passed", HtmlPage.result(List.of(passed(), passed())));
        assertEquals("PASSED: 1 of 2 scripts passed, 1 not checked", HtmlPage.result(List.of(passed(), notChecked())));
        assertEquals("NOT CHECKED: the script had no expected reply", HtmlPage.result(List.of(notChecked())));
        assertEquals("NOT CHECKED: none of the 2 scripts had an expected reply",
                HtmlPage.result(List.of(notChecked(), notChecked())));
        assertEquals("FAILED: 2 of 3 scripts did not complete",
                HtmlPage.result(List.of(passed(), badInput(), noConnection())));
        assertEquals("FAILED: 1 of 17 scripts failed", HtmlPage.result(seventeenWithOneFailure()));
        assertEquals("NOTHING RUN: no scripts", HtmlPage.result(List.of()));
    }

    private static List<ScriptOutcome> seventeenWithOneFailure() {
        List<ScriptOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            outcomes.add(passed());
        }
        outcomes.add(failed());
        return outcomes;
    }

    @Test
    void summaryTableHasOneRowPerScriptInRunOrderLinkingToItsSection() throws IOException {
        String page = write(sampleRun());
        String table = page.substring(page.indexOf("<table class=\"summary\">"), page.indexOf("</table>"));
        List<String> paths = List.of("messages/get-clock.xml", "messages/energy/a-plus.xml",
                "messages/get-serial-number.xml", "messages/set-clock.xml", "messages/broken.xml");
        int previous = -1;
        for (int i = 0; i < paths.size(); i++) {
            int at = table.indexOf("<a href=\"#s" + (i + 1) + "\">" + paths.get(i) + "</a>");
            assertTrue(at > previous, paths.get(i) + " out of place in\n" + table);
            previous = at;
            assertTrue(page.contains("<section id=\"s" + (i + 1) + "\""));
        }
        assertEquals(5, occurrences(table, "<tr class="));
        assertTrue(table.contains("<tr class=\"fail\"><td class=\"n\">2</td><td><span class=\"badge fail\">FAIL"
                + "</span></td><td><a href=\"#s2\">messages/energy/a-plus.xml</a></td><td class=\"n\">2</td>"
                + "<td class=\"n\">2</td><td class=\"n\">44</td><td class=\"first\" title=\"#2: " + DATA
                + "/Structure/UInt8[2]/@Value expected 5 got 7 (+1 more)\">#2: " + DATA
                + "/Structure/UInt8[2]/@Value expected 5 got 7 (+1 more)</td></tr>"), table);
        assertTrue(table.contains("\">bad input: line 3: &lt;Foo A=&#39;1&#39; B=&quot;2&quot;&gt; "
                + "is not a request\uFFFD</td>"), table);
    }

    @Test
    void sectionsThatDidNotPassComeFirstAndTheRestFollowUnderTheirOwnHeading() throws IOException {
        String page = write(sampleRun());
        int problems = page.indexOf("<h2 class=\"group\">Did not pass</h2>");
        int rest = page.indexOf("<h2 class=\"group rest\">Passed or not checked</h2>");
        assertTrue(problems > 0 && rest > problems, page);
        for (String failed : List.of("s2", "s5")) {
            int at = page.indexOf("<section id=\"" + failed + "\"");
            assertTrue(at > problems && at < rest, failed + " is not among the problems");
        }
        for (String passed : List.of("s1", "s3")) {
            assertTrue(page.indexOf("<section id=\"" + passed + "\"") > rest, passed + " is not after the problems");
        }
    }

    @Test
    void offersAFilterForWhatDidNotPassAndExpandOrCollapseAll() throws IOException {
        String page = write(sampleRun());
        assertTrue(page.contains("<input type=\"checkbox\" id=\"only-problems\"> show only what did not pass"), page);
        assertTrue(page.contains("body:has(#only-problems:checked) :is(section.script.pass,section.script.nc,"), page);
        assertTrue(page.contains(">expand all</button>") && page.contains(">collapse all</button>"), page);
        assertFalse(page.contains("<script"), "no script element: the handlers are inline, the filter is CSS");
        assertFalse(page.contains("src=") || page.contains("href=\"http"), "nothing fetched");
    }

    @Test
    void listsFailuresAboveTheTableWithLinks() throws IOException {
        String page = write(sampleRun());
        int nav = page.indexOf("<nav class=\"failures\">");
        assertTrue(nav >= 0 && nav < page.indexOf("<table"));
        String failures = page.substring(nav, page.indexOf("</nav>"));
        assertTrue(failures.contains("<a href=\"#s2\">messages/energy/a-plus.xml</a>"));
        assertTrue(failures.contains("<a href=\"#s4\">messages/set-clock.xml</a>"));
        assertTrue(failures.contains("<a href=\"#s5\">messages/broken.xml</a>"));
        assertFalse(failures.contains("#s1\""));
        assertFalse(failures.contains("#s3\""));
        assertFalse(write(List.of(passed(), notChecked())).contains("<nav class=\"failures\">"));
    }

    @Test
    void opensFailedAndErrorScriptsAndFoldsPassedAndNotCheckedOnes() throws IOException {
        String page = write(sampleRun());
        assertTrue(section(page, "s1").startsWith("<section id=\"s1\" class=\"script pass\">\n<details>\n"));
        assertTrue(section(page, "s2").startsWith("<section id=\"s2\" class=\"script fail\">\n<details open>\n"));
        assertTrue(section(page, "s3").startsWith("<section id=\"s3\" class=\"script nc\">\n<details>\n"));
        assertTrue(section(page, "s4").startsWith("<section id=\"s4\" class=\"script error\">\n<details open>\n"));
        assertTrue(section(page, "s5").startsWith("<section id=\"s5\" class=\"script error\">\n<details open>\n"));
    }

    @Test
    void scriptHeadingShowsVerdictPathAssociationAndDurationButNoPassword() throws IOException {
        String page = write(sampleRun());
        String s1 = section(page, "s1");
        assertTrue(s1.contains("<h2><span class=\"badge pass\">PASS</span> <span class=\"path\">messages/get-clock.xml"
                + "</span></h2> <span class=\"meta\">2 requests · 31 ms</span>"), s1);
        assertTrue(s1.contains("Association: tcp 127.0.0.1:40129 (HDLC, client 17, server 1, Low)"), s1);
        assertFalse(page.contains("Secret-Pw-123"));
        String s4 = section(page, "s4");
        assertTrue(s4.contains("<span class=\"stop\">no connection</span>"), s4);
        assertTrue(s4.contains("<p class=\"error-line\">cannot connect to 127.0.0.1:1: connection refused "
                + Html.escape(INJECTED) + "</p>"), s4);
    }

    @Test
    void eachRequestShowsNumberLineVerdictAndElapsedBesideItsReply() throws IOException {
        String s1 = section(write(sampleRun()), "s1");
        assertTrue(s1.contains("<p class=\"rh\"><b>#2</b> <span class=\"badge pass\">PASS</span> "
                + "<span class=\"what\">Get Clock 0.0.1.0.0.255 attribute 3 (time_zone)</span> "
                + "<span class=\"desc\">Clock object</span> <span class=\"val\">= local time is UTC-01:00</span> "
                + "<span class=\"meta\">line 17</span> <span class=\"meta\">· 7 ms</span></p>"), s1);
        assertTrue(s1.contains("<div class=\"cols\">\n<div class=\"col\"><div class=\"ch\">Request</div>"
                + "<pre class=\"xml\">&lt;GetRequest&gt;"), s1);
        assertTrue(s1.contains("&lt;AttributeId Value=&quot;3&quot; /&gt;"), s1);
        assertTrue(s1.contains("<div class=\"col\"><div class=\"ch\">Reply</div><pre class=\"xml\">&lt;GetResponse&gt;"
                + "\n  &lt;GetResponseNormal&gt;"), s1);
        assertFalse(s1.contains("Expected</div>"), "the expected reply shows only where it differs");
    }

    @Test
    void failedRequestShowsExpectedReplyAndListsBothDifferences() throws IOException {
        String s2 = section(write(sampleRun()), "s2");
        assertEquals(1, occurrences(s2, "<div class=\"ch\">Expected</div>"), s2);
        assertEquals(1, occurrences(s2, "<div class=\"cols c3\">"));
        assertTrue(s2.contains("<div class=\"ch\">Expected</div><pre class=\"xml\">&lt;GetResponse&gt;"), s2);
        assertTrue(s2.contains("&lt;UInt16 Value=&quot;9&quot; /&gt;"), s2);
        assertTrue(s2.contains("<ul class=\"diffs\">\n"
                + "<li>" + DATA + "/Structure/UInt8[2]/@Value expected 5 got 7</li>\n"
                + "<li>" + DATA + "/Structure/UInt16 expected &lt;UInt16&gt; got nothing</li>\n</ul>"), s2);
    }

    @Test
    void marksTheDifferingNodeInTheReplyAndNothingForTheMissingElement() throws IOException {
        String s2 = section(write(sampleRun()), "s2");
        assertEquals(1, occurrences(s2, "<mark>"), s2);
        assertTrue(s2.contains("          <mark>&lt;UInt8 Value=&quot;7&quot; /&gt;</mark>\n"), s2);
        assertTrue(s2.contains("          &lt;UInt8 Value=&quot;5&quot; /&gt;\n          <mark>"), s2);
    }

    @Test
    void showsWhyARequestHasNoReply() throws IOException {
        String page = write(sampleRun());
        String s3 = section(page, "s3");
        assertTrue(s3.contains("<div class=\"ch\">Reply</div><p class=\"none\">no reply on this interface</p>"), s3);
        assertTrue(s3.contains("<b>#1</b> <span class=\"badge nc\">NOT CHECKED</span> <span class=\"what\">Get Clock"
                + " 0.0.1.0.0.255 attribute 2 (time)</span> <span class=\"desc\">Clock object</span> <span class=\"val\">="
                + " &quot;12345&quot;</span> <span class=\"meta\">line 4</span> <span class=\"meta\">· 6 ms"
                + "</span> · <span class=\"note\">no expected reply</span>"), s3);
        String s4 = section(page, "s4");
        assertEquals(2, occurrences(s4, "<div class=\"ch\">Reply</div><p class=\"none\">no reply</p>"), s4);
        assertTrue(s4.contains("<b>#2</b> <span class=\"badge error\">ERROR</span> <span class=\"what\">Set</span>"
                + " <span class=\"meta\">line 14</span> · "
                + "<span class=\"note\">not sent: the script stopped at request #1</span></p>"), s4);
    }

    @Test
    void foldsTheFrameTraceUnderItsScriptAndOmitsAnEmptyOne() throws IOException {
        String page = write(sampleRun());
        String s1 = section(page, "s1");
        assertTrue(s1.contains("<details class=\"trace\"><summary>Frame trace (3 lines)</summary>"
                + "<pre>15:37:40.057 TX 7E A0 07 03 23 93 BF 32 7E\n15:37:40.061 RX"), s1);
        assertTrue(s1.indexOf("class=\"trace\"") < s1.lastIndexOf("</details>\n</section>"));
        assertTrue(section(page, "s2").contains("Frame trace (2 lines)"));
        assertFalse(section(page, "s5").contains("Frame trace"));
        assertEquals(4, occurrences(page, "<details class=\"trace\">"));
    }

    @Test
    void escapesMarkupFromTheMeterAndTheFiles() throws IOException {
        String page = write(sampleRun());
        assertFalse(page.contains(INJECTED));
        assertFalse(page.contains("<Foo"));
        assertFalse(page.contains("\u0007"), "a control character the page cannot hold");
        assertTrue(section(page, "s5").contains("<p class=\"error-line\">"
                + "line 3: &lt;Foo A=&#39;1&#39; B=&quot;2&quot;&gt; "
                + "is not a request\uFFFD</p>"));
        assertTrue(page.contains("connection refused &lt;script&gt;alert(1)&lt;/script&gt;"));
        // a value inside a reply shows as the XML the meter sent: escaped for XML, then for HTML
        assertTrue(page.contains("Value=&quot;&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;&quot;"));
        // a reply that cannot be parsed shows as it is
        assertTrue(section(page, "s3").contains("<pre class=\"xml raw\">&lt;GetResponse&gt;&lt;script&gt;"));
    }

    @Test
    void isSelfContainedWithNoScriptAndNothingFetched() throws IOException {
        String page = write(sampleRun()).toLowerCase();
        assertFalse(page.contains("<script"));
        assertFalse(page.contains("http://"));
        assertFalse(page.contains("https://"));
        assertFalse(page.contains("<link"));
        assertFalse(page.contains("url("));
        assertFalse(page.contains("@import"));
        assertFalse(page.contains("src="));
        assertEquals(1, occurrences(page, "<style>"));
    }

    @Test
    void everyElementIsClosedAndProperlyNested() throws IOException {
        String page = write(sampleRun());
        assertTrue(page.startsWith("<!DOCTYPE html>\n"));
        assertBalanced(page);
        assertEquals(5, occurrences(page, "<section "));
        assertEquals(5, occurrences(page, "</section>"));
    }

    /** A tag-nesting check: every non-void element is closed, in order; no stray closing tag. */
    static void assertBalanced(String page) {
        Set<String> voids = Set.of("meta", "br", "hr", "img", "input", "link", "wbr");
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>").matcher(page);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase();
            if (voids.contains(name)) {
                continue;
            }
            if (tag.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertEquals(open.isEmpty() ? "(nothing open)" : open.peek(), name,
                        "closing </" + name + "> at " + tag.start());
                open.pop();
            }
        }
        assertTrue(open.isEmpty(), "left open: " + open);
        assertFalse(page.replaceAll("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>", "").replace("<!DOCTYPE html>", "")
                .contains("<"), "a stray '<' outside a tag");
    }

    // ---- long replies ----

    @Test
    void foldsALongReplyShowingItsFirstFortyLines() throws IOException {
        String s1 = section(write(List.of(longReply(List.of()))), "s1");
        int reply = s1.indexOf("<div class=\"ch\">Reply</div>");
        String preview = s1.substring(s1.indexOf("<pre", reply), s1.indexOf("</pre>", reply));
        assertEquals(HtmlSection.PREVIEW, preview.lines().count(), preview);
        int lines = 6 + 672 * 5 + 5;
        assertTrue(s1.contains("</pre><details class=\"more\"><summary>… " + (lines - HtmlSection.PREVIEW)
                + " more lines</summary><pre class=\"xml\">"), s1.substring(reply, reply + 4000));
        assertTrue(s1.contains("&lt;UInt32 Value=&quot;1671&quot; /&gt;"), "the whole reply is on the page");
    }

    @Test
    void unfoldsALongReplyWhenADifferenceIsBeyondThePreview() throws IOException {
        String late = DATA + "/Array/Structure[600]/UInt32/@Value";
        String s1 = section(write(List.of(longReply(List.of(new Difference(late, "1", "1599"))))), "s1");
        assertTrue(s1.contains("<details class=\"more\" open><summary>"), s1.substring(0, 3000));
        assertTrue(s1.contains("<mark>&lt;UInt32 Value=&quot;1599&quot; /&gt;</mark>"));
        String early = DATA + "/Array/Structure[2]/UInt32/@Value";
        String s2 = section(write(List.of(longReply(List.of(new Difference(early, "1", "1001"))))), "s1");
        int reply = s2.indexOf("<div class=\"ch\">Reply</div>");
        assertTrue(s2.indexOf("<details class=\"more\"><summary>", reply) > 0, "a difference in view keeps it folded");
        assertTrue(s2.contains("<mark>&lt;UInt32 Value=&quot;1001&quot; /&gt;</mark>"));
    }

    @Test
    void aRunOfSeventeenScriptsWithAWholeLoadProfileStaysSmall() throws IOException {
        List<ScriptOutcome> outcomes = new ArrayList<>(seventeenWithOneFailure().subList(0, 16));
        outcomes.add(longReply(List.of()));
        String page = write(outcomes);
        assertTrue(page.length() < 350_000, page.length() + " characters");
        assertEquals(1, occurrences(page, "&lt;UInt32 Value=&quot;1671&quot; /&gt;"), "the reply is on the page once");
    }

    // ---- around the page ----

    @Test
    void showsTheExpectedFolderAndStrictModeOfThePlan() throws IOException {
        HtmlReport report = new HtmlReport(out, TARGET, CLOCK, System.err);
        report.runStarted(new RunPlan(List.of(), out, Path.of("expected"), true));
        report.runFinished(List.of(passed()), 40);
        String page = Files.readString(report.file());
        assertTrue(page.contains("Expected replies from expected; strict: a reply with no expectation fails"), page);
    }

    @Test
    void tellsAWriteErrorInOneLineAndGoesOn() throws IOException {
        Path notAFolder = Files.createFile(out.resolve("taken"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        HtmlReport report = new HtmlReport(notAFolder, TARGET, CLOCK, errStream);
        report.runFinished(sampleRun(), 10);
        String told = err.toString(StandardCharsets.UTF_8);
        assertTrue(told.startsWith("cannot write " + notAFolder.resolve("report.html")), told);
        assertEquals(1, told.lines().count(), told);
    }
}
