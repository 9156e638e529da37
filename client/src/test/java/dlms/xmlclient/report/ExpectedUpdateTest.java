package dlms.xmlclient.report;

import dlms.xmlclient.verdict.ReplyComparator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --record=update of one expected file, on texts in the layout the tool writes. */
class ExpectedUpdateTest {

    private static final Instant SENT = Instant.parse("2026-03-01T12:00:10Z");
    /** 2026-03-01 12:00:00, deviation 0 (UTC): ten seconds before {@link #SENT}. */
    private static final String NOW_HEX = "07EA0301FF0C000000000000";

    /** A GetResponse whose data is {@code data} (lines without indent). */
    private static String get(String data) {
        return "<GetResponse>\n  <GetResponseNormal>\n    <InvokeIdAndPriority Value=\"193\" />\n    <Result>\n"
                + "      <Data>\n" + data.replaceAll("(?m)^", "        ") + "\n      </Data>\n    </Result>\n"
                + "  </GetResponseNormal>\n</GetResponse>";
    }

    /** A file as ReplyFiles writes it: a header before each reply, two spaces of indent. */
    private static String file(String... replies) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Messages>\n");
        for (int i = 0; i < replies.length; i++) {
            xml.append("  <!-- #").append(i + 1).append(" line ").append(5 + 12 * i).append(" -->\n")
                    .append(replies[i].replaceAll("(?m)^", "  ")).append('\n');
        }
        return xml.append("</Messages>\n").toString();
    }

    private static TextEdits.Result update(String old, String fresh, String actual) throws Exception {
        int replies = XmlSpans.parse(fresh).root().elements().size();
        return new ExpectedUpdate(new ReplyComparator(), old, fresh, actual, Collections.nCopies(replies, SENT))
                .result();
    }

    private static TextEdits.Result update(String old, String fresh) throws Exception {
        return update(old, fresh, fresh);
    }

    private static List<String> notes(TextEdits.Result result) {
        return result.notes().stream().map(n -> n.line() + ": " + n.note()).toList();
    }

    @Test
    void aChangedValueIsRewrittenInPlaceAndEverythingElseStaysAsWritten() throws Exception {
        String scaler = "<Structure Qty=\"2\" >\n  <Int8 Value=\"0\" />\n  <Enum Value=\"30\" />\n</Structure>";
        String old = file(get("<UInt32 Value=\"1094547\" />"), get(scaler))
                .replace("<Messages>\n", "<Messages>\n  <!-- A+ of meter 17, read at noon -->\n")
                .replace("<Int8 Value=\"0\" />", "<Int8 Value='${xmlunit.within(0,1)}'/>  <!-- the scaler may vary -->");
        TextEdits.Result result = update(old, file(get("<UInt32 Value=\"1094612\" />"), get(scaler)));
        assertEquals(old.replace("1094547", "1094612"), result.text());
        assertEquals(List.of("10: UInt32 Value 1094547 -> 1094612"), notes(result));
    }

    @Test
    void aFileThatStillMatchesComesBackAsItWasWithNoNote() throws Exception {
        String old = file(get("<UInt16 Value=\"${xmlunit.within(2300,10%)}\" />"), get("<OctetString Value=\"*\" />"));
        TextEdits.Result result = update(old, file(get("<UInt16 Value=\"2319\" />"), get("<OctetString Value=\"00\" />")));
        assertEquals(old, result.text());
        assertEquals(List.of(), result.notes());
    }

    @Test
    void aPlaceholderThatNoLongerMatchesGetsTheNewValueAndSaysSo() throws Exception {
        String old = file(get("<Structure Qty=\"2\" >\n  <UInt16 Value=\"${xmlunit.within(2300,10%)}\" />\n"
                + "  <UInt16 Value=\"${xmlunit.within(2300,10%)}\" />\n</Structure>"));
        TextEdits.Result result = update(old, file(get("<Structure Qty=\"2\" >\n  <UInt16 Value=\"2319\" />\n"
                + "  <UInt16 Value=\"2600\" />\n</Structure>")));
        assertEquals(List.of("11: UInt16 Value ${xmlunit.within(2300,10%)} -> 2600 (the placeholder no longer matches)"),
                notes(result));
        assertTrue(result.text().contains("<UInt16 Value=\"${xmlunit.within(2300,10%)}\" />\n"
                + "            <UInt16 Value=\"2600\" />"), result.text());
    }

    @Test
    void theClockPlaceholderOfAClockReadingStays() throws Exception {
        String old = file(get("<OctetString Value=\"${xmlunit.clock(30s)}\" />"));
        TextEdits.Result result = update(old, file(get("<OctetString Value=\"${xmlunit.clock(30s)}\" />")),
                file(get("<OctetString Value=\"" + NOW_HEX + "\" />")));
        assertEquals(old, result.text());
    }

    @Test
    void aLiteralTimeThatNoLongerMatchesBecomesTheNewClockPlaceholder() throws Exception {
        String old = file(get("<OctetString Value=\"07E90101FF0C000000000000\" />"));
        TextEdits.Result result = update(old, file(get("<OctetString Value=\"${xmlunit.clock(30s)}\" />")),
                file(get("<OctetString Value=\"" + NOW_HEX + "\" />")));
        assertEquals(List.of("9: OctetString Value 07E90101FF0C000000000000 -> ${xmlunit.clock(30s)}"),
                notes(result));
    }

    @Test
    void aReplyOfAnotherStructureIsReplacedWhollyAndTheCommentsInsideGoAboveIt() throws Exception {
        String old = file(get("<UInt32 Value=\"1\" /> <!-- since the reset -->"), get("<UInt8 Value=\"3\" />"));
        String fresh = file(get("<Int32 Value=\"1\" />"), get("<UInt8 Value=\"3\" />"));
        TextEdits.Result result = update(old, fresh);
        assertEquals(fresh.replace("  <!-- #1 line 5 -->\n", "  <!-- #1 line 5 -->\n  <!-- since the reset -->\n"),
                result.text());
        assertEquals(List.of("5: #1 <GetResponse> replaced wholly: /GetResponse/GetResponseNormal/Result/Data/Int32"
                + " is <Int32> now (1 comment from inside kept above it)"), notes(result));
    }

    @Test
    void moreEntriesInAnArrayReplaceTheReplyWholly() throws Exception {
        String old = file(get("<Array Qty=\"1\" >\n  <UInt8 Value=\"1\" />\n</Array>"));
        String fresh = file(get("<Array Qty=\"2\" >\n  <UInt8 Value=\"1\" />\n  <UInt8 Value=\"2\" />\n</Array>"));
        TextEdits.Result result = update(old, fresh);
        assertEquals(fresh, result.text());
        assertEquals(List.of("4: #1 <GetResponse> replaced wholly: /GetResponse/GetResponseNormal/Result/Data/Array"
                + " has 2 elements now, not 1"), notes(result));
    }

    @Test
    void generatedCommentsComeFromTheNewRecordingAndAPersonsCommentsStay() throws Exception {
        String old = file(get("<UInt32 Value=\"1094547\" /> <!-- = 1094.547 kWh -->\n<!-- checked by hand -->"));
        String fresh = file(get("<UInt32 Value=\"1094612\" /> <!-- = 1094.612 kWh -->")).replace("#1 line 5", "#1 line 7");
        TextEdits.Result result = update(old, fresh);
        assertEquals(old.replace("1094547", "1094612").replace("1094.547", "1094.612").replace("#1 line 5", "#1 line 7"),
                result.text());
        assertEquals(List.of("3: 2 generated comments (#N line L headers, = decoded values) regenerated",
                "9: UInt32 Value 1094547 -> 1094612"), notes(result));
    }

    @Test
    void aDecodedValueCommentIsAddedAfterItsValueAndDroppedWhenTheRecordingHasNone() throws Exception {
        String bare = file(get("<UInt32 Value=\"5\" />"));
        String decoded = file(get("<UInt32 Value=\"5\" /> <!-- = 0.005 kWh -->"));
        assertEquals(decoded, update(bare, decoded).text());
        assertEquals(bare, update(decoded, bare).text());
    }

    @Test
    void repliesAreAddedAndRemovedWhenTheScriptHasMoreOrFewerRequests() throws Exception {
        String one = file(get("<UInt8 Value=\"1\" />"));
        String two = file(get("<UInt8 Value=\"1\" />"), get("<UInt8 Value=\"2\" />"));
        TextEdits.Result added = update(one, two);
        assertEquals(two, added.text());
        assertEquals(List.of("14: #2 added: the script has 2 requests now"), notes(added));
        TextEdits.Result removed = update(two, one);
        assertEquals(one, removed.text());
        assertEquals(List.of("13: #2 <GetResponse> removed (it was at line 15): the script has 1 request now"),
                notes(removed));
    }

    @Test
    void aPlaceholderTheComparatorCannotUseIsRefusedWithItsLine() {
        String old = file(get("<UInt8 Value=\"${xmlunit.matchesRegex([)}\" />"));
        ExpectedUpdate.Refused refused = assertThrows(ExpectedUpdate.Refused.class,
                () -> update(old, file(get("<UInt8 Value=\"2\" />"))));
        assertTrue(refused.getMessage().startsWith("4: #1: "), refused.getMessage());
    }
}
