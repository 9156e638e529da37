package dlms.xmlclient.verdict;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyComparatorTest {

    private static final Instant SENT = Instant.parse("2026-11-21T14:45:00Z");
    private final ReplyComparator comparator = new ReplyComparator();

    private static String get(String data) {
        return "<GetResponse><GetResponseNormal><InvokeIdAndPriority Value=\"193\" /><Result><Data>" + data
                + "</Data></Result></GetResponseNormal></GetResponse>";
    }

    private List<Difference> compare(String expectedData, String actualData) {
        return comparator.compare(get(expectedData), get(actualData), SENT);
    }

    @Test
    void equalRepliesHaveNoDifferencesWhateverTheirLayout() {
        String pretty = "<GetResponse>\n  <GetResponseNormal>\n    <!-- comment -->\n    <InvokeIdAndPriority Value=\"193\" />\n"
                + "    <Result>\n      <Data>\n        <UInt32 Value=\"1234\" />\n      </Data>\n    </Result>\n"
                + "  </GetResponseNormal>\n</GetResponse>";
        assertEquals(List.of(), comparator.compare(pretty, get("<UInt32 Value=\"1234\"/>"), SENT));
    }

    @Test
    void aReplyOnceFoundEqualDoesNotPassAnotherReplyOrExpectation() {
        String expected = get("<UInt32 Value=\"1234\"/>");
        assertEquals(List.of(), comparator.compare(expected, get("<UInt32 Value=\"1234\"/>"), SENT));
        assertEquals(List.of(), new ReplyComparator().compare(expected, get("<UInt32 Value=\"1234\"/>"), SENT));
        assertEquals(1, new ReplyComparator().compare(expected, get("<UInt32 Value=\"1235\"/>"), SENT).size());
        assertEquals(1, comparator.compare(get("<UInt32 Value=\"1235\"/>"), get("<UInt32 Value=\"1234\"/>"), SENT).size());
    }

    @Test
    void aChangedValueIsReportedWithItsXPathExpectedAndActual() {
        List<Difference> d = compare("<UInt32 Value=\"1234\"/>", "<UInt32 Value=\"1235\"/>");
        assertEquals(1, d.size());
        assertEquals("/GetResponse/GetResponseNormal/Result/Data/UInt32/@Value expected 1234 got 1235", d.get(0).toString());
    }

    @Test
    void theXPathIndexesOnlySiblingsThatShareAName() {
        List<Difference> d = compare("<Structure Qty=\"3\"><UInt8 Value=\"1\"/><UInt8 Value=\"2\"/><Enum Value=\"3\"/></Structure>",
                "<Structure Qty=\"3\"><UInt8 Value=\"1\"/><UInt8 Value=\"9\"/><Enum Value=\"4\"/></Structure>");
        assertEquals(List.of("/GetResponse/GetResponseNormal/Result/Data/Structure/UInt8[2]/@Value expected 2 got 9",
                "/GetResponse/GetResponseNormal/Result/Data/Structure/Enum/@Value expected 3 got 4"),
                d.stream().map(Difference::toString).toList());
    }

    @Test
    void aChangedDataTypeIsOneDifferenceNamingBothTypes() {
        List<Difference> d = compare("<UInt32 Value=\"5\"/>", "<UInt16 Value=\"5\"/>");
        assertEquals(List.of("/GetResponse/GetResponseNormal/Result/Data/UInt16 expected <UInt32> got <UInt16>"),
                d.stream().map(Difference::toString).toList());
    }

    @Test
    void aMissingEntryIsReported() {
        List<Difference> d = compare("<Structure Qty=\"2\"><UInt8 Value=\"1\"/><UInt8 Value=\"2\"/></Structure>",
                "<Structure Qty=\"1\"><UInt8 Value=\"1\"/></Structure>");
        assertTrue(d.stream().anyMatch(x -> x.xpath().endsWith("Structure/@Qty") && x.expected().equals("2")), d::toString);
        assertTrue(d.stream().anyMatch(x -> x.expected().equals("<UInt8>") && x.actual().equals("nothing")), d::toString);
    }

    @Test
    void anErrorReplyInsteadOfDataFails() {
        String denied = "<GetResponse><GetResponseNormal><InvokeIdAndPriority Value=\"193\" /><Result>"
                + "<DataAccessError Value=\"ReadWriteDenied\" /></Result></GetResponseNormal></GetResponse>";
        assertTrue(!comparator.compare(get("<UInt32 Value=\"1\"/>"), denied, SENT).isEmpty());
    }

    @Test
    void starMatchesAnyValueButNotAnyType() {
        assertEquals(List.of(), compare("<UInt32 Value=\"*\"/>", "<UInt32 Value=\"77\"/>"));
        assertEquals(1, compare("<UInt32 Value=\"*\"/>", "<Int32 Value=\"77\"/>").size());
        assertEquals(List.of(), comparator.compare(get("<UInt8 Value=\"1\"/>").replace("193", "*"), get("<UInt8 Value=\"1\"/>"), SENT));
    }

    @Test
    void noneStarMatchesAnyDataTypeAndContent() {
        assertEquals(List.of(), compare("<None Value=\"*\"/>", "<Structure Qty=\"2\"><Int8 Value=\"0\"/><Enum Value=\"30\"/></Structure>"));
        assertEquals(List.of(), compare("<None Value=\"*\"/>", "<OctetString Value=\"01\"/>"));
        assertEquals(1, compare("<None/>", "<OctetString Value=\"01\"/>").size(), "a plain <None/> is null-data, literally");
    }

    @Test
    void noneStarOutsideDataDoesNotLetAnErrorPassForData() {
        String anyResult = "<GetResponse><GetResponseNormal><InvokeIdAndPriority Value=\"193\" /><Result>"
                + "<None Value=\"*\" /></Result></GetResponseNormal></GetResponse>";
        String denied = "<GetResponse><GetResponseNormal><InvokeIdAndPriority Value=\"193\" /><Result>"
                + "<DataAccessError Value=\"ReadWriteDenied\" /></Result></GetResponseNormal></GetResponse>";
        assertEquals(1, comparator.compare(anyResult, denied, SENT).size());
    }

    @Test
    void arrayWithStarQuantityAndNoTemplateEntriesMatchesAnyEntries() {
        assertEquals(List.of(), compare("<Array Qty=\"*\"></Array>", "<Array Qty=\"2\"><UInt8 Value=\"1\"/><Int8 Value=\"2\"/></Array>"));
        assertEquals(1, compare("<Array Qty=\"*\"></Array>", "<Structure Qty=\"1\"><UInt8 Value=\"1\"/></Structure>").size());
    }

    @Test
    void arrayWithStarQuantityChecksEveryEntryAgainstTheTemplate() {
        String template = "<Array Qty=\"*\"><Structure Qty=\"2\"><OctetString Value=\"*\"/><UInt8 Value=\"*\"/></Structure></Array>";
        String three = "<Array Qty=\"3\">" + "<Structure Qty=\"2\"><OctetString Value=\"01\"/><UInt8 Value=\"1\"/></Structure>".repeat(3) + "</Array>";
        assertEquals(List.of(), compare(template, three));
        assertEquals(List.of(), compare(template, "<Array Qty=\"0\"></Array>"));
        String wrongThird = three.replaceFirst("(?s)(.*)<UInt8 Value=\"1\"/>", "$1<UInt16 Value=\"1\"/>");
        List<Difference> d = compare(template, wrongThird);
        assertEquals(1, d.size(), d::toString);
        assertTrue(d.get(0).xpath().contains("Structure[3]"), d::toString);
    }

    @Test
    void withinPlaceholderPassesInsideTheToleranceAndFailsOutside() {
        assertEquals(List.of(), compare("<UInt16 Value=\"${xmlunit.within(2300,5%)}\"/>", "<UInt16 Value=\"2319\"/>"));
        List<Difference> d = compare("<UInt16 Value=\"${xmlunit.within(2300,5%)}\"/>", "<UInt16 Value=\"2500\"/>");
        assertEquals(1, d.size());
        assertEquals("2500", d.get(0).actual());
    }

    @Test
    void clockPlaceholderComparesWithTheTimeTheRequestWasSent() {
        // 2026-11-21 14:45:10 UTC, deviation 0
        String tenSecondsLater = "<OctetString Value=\"07EA0B15060E2D0A00000000\"/>";
        assertEquals(List.of(), compare("<OctetString Value=\"${xmlunit.clock(30s)}\"/>", tenSecondsLater));
        assertEquals(1, compare("<OctetString Value=\"${xmlunit.clock(5s)}\"/>", tenSecondsLater).size());
        assertEquals(List.of(), compare("<OctetString Value=\"${xmlunit.clock(2s,2026-11-21T14:45:09Z)}\"/>", tenSecondsLater));
        List<Difference> late = compare("<OctetString Value=\"${xmlunit.clock(5s)}\"/>", tenSecondsLater);
        assertEquals("${xmlunit.clock(5s)}", late.get(0).expected(), "the comparator's own stamp stays out of reports");
        assertEquals("07EA0B15060E2D0A00000000 (2026-11-21T14:45:10Z)", late.get(0).actual());
    }

    @Test
    void libraryPlaceholdersWorkInValueAttributes() {
        assertEquals(List.of(), compare("<UInt32 Value=\"${xmlunit.isNumber}\"/>", "<UInt32 Value=\"42\"/>"));
        assertEquals(List.of(), compare("<OctetString Value=\"${xmlunit.ignore}\"/>", "<OctetString Value=\"ABCD\"/>"));
        assertEquals(List.of(), compare("<OctetString Value=\"${xmlunit.matchesRegex(^5349.*$)}\"/>", "<OctetString Value=\"53494D\"/>"));
        assertEquals(1, compare("<OctetString Value=\"${xmlunit.matchesRegex(^5349.*$)}\"/>", "<OctetString Value=\"41\"/>").size());
        assertEquals(List.of(), compare("<String Value=\"${xmlunit.isDateTime}\"/>", "<String Value=\"2026-11-21T14:45:00\"/>"));
        assertEquals(1, compare("<String Value=\"${xmlunit.isDateTime}\"/>", "<String Value=\"yesterday\"/>").size());
    }

    @Test
    void noReplyIsExpectedOnlyWhereTheExpectationSaysSo() {
        assertEquals(List.of(), comparator.compare("<NoReply />", null, SENT));
        assertEquals(List.of(new Difference("/", "<GetResponse>", "no reply")), comparator.compare(get("<UInt8 Value=\"1\"/>"), null, SENT));
    }
}
