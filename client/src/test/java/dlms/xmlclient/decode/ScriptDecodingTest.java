package dlms.xmlclient.decode;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ScriptDecodingTest {

    private static String get(int classId, String obisHex, int attribute) {
        return "<GetRequest>\n<GetRequestNormal>\n<InvokeIdAndPriority Value=\"193\" />\n<AttributeDescriptor>\n"
                + "<ClassId Value=\"" + classId + "\" />\n<InstanceId Value=\"" + obisHex + "\" />\n"
                + "<AttributeId Value=\"" + attribute + "\" />\n</AttributeDescriptor>\n</GetRequestNormal>\n</GetRequest>";
    }

    private static String reply(String data) {
        return "<GetResponse>\n<GetResponseNormal>\n<InvokeIdAndPriority Value=\"193\" />\n<Result>\n<Data>\n" + data
                + "\n</Data>\n</Result>\n</GetResponseNormal>\n</GetResponse>";
    }

    private static final String SCALER_MINUS_ONE_VOLT = "<Structure Qty=\"2\" >\n<Int8 Value=\"-1\" />\n<Enum Value=\"35\" />\n</Structure>";

    @Test
    void aRegisterValueIsScaledByTheScalerUnitTheScriptReadsEvenAfterIt() {
        ScriptDecoding d = new ScriptDecoding(List.of(
                new ScriptDecoding.Exchange(get(3, "0100200700FF", 2), reply("<UInt16 Value=\"2319\" />")),
                new ScriptDecoding.Exchange(get(3, "0100200700FF", 3), reply(SCALER_MINUS_ONE_VOLT))));
        DecodedReply value = d.reply(0);
        assertEquals("Get Register 1.0.32.7.0.255 attribute 2 (value)", value.request());
        assertEquals("L1 Voltage Inst. value", value.description());
        assertEquals("231.9 V", value.value());
        assertEquals("231.9 V", value.comments().get(6), "on the line of the UInt16");
        assertEquals("scaler -1, unit V", d.reply(1).value());
    }

    @Test
    void withoutItsScalerUnitAValueStaysTheNumberItIs() {
        ScriptDecoding d = new ScriptDecoding(List.of(
                new ScriptDecoding.Exchange(get(3, "0100200700FF", 2), reply("<UInt16 Value=\"2319\" />"))));
        assertEquals("2319", d.reply(0).value());
        assertEquals(java.util.Map.of(), d.reply(0).comments());
    }

    @Test
    void energyInThousandsReadsAlsoInKilo() {
        ScriptDecoding d = new ScriptDecoding(List.of(
                new ScriptDecoding.Exchange(get(3, "0100010800FF", 2), reply("<UInt32 Value=\"1094547\" />")),
                new ScriptDecoding.Exchange(get(3, "0100010800FF", 3), reply("<Structure Qty=\"2\" >\n<Int8 Value=\"0\" />\n<Enum Value=\"30\" />\n</Structure>"))));
        assertEquals("1094547 Wh = 1094.547 kWh", d.reply(0).value());
    }

    @Test
    void aClockReadsAsIsoAndItsTimeZoneAsAnOffset() {
        ScriptDecoding d = new ScriptDecoding(List.of(
                new ScriptDecoding.Exchange(get(8, "0000010000FF", 2), reply("<OctetString Value=\"07EA0301070C000000FFC400\" />")),
                new ScriptDecoding.Exchange(get(8, "0000010000FF", 3), reply("<Int16 Value=\"-60\" />"))));
        assertEquals("Get Clock 0.0.1.0.0.255 attribute 2 (time)", d.reply(0).request());
        assertEquals("2026-03-01T12:00:00+01:00", d.reply(0).value());
        assertEquals("local time is UTC+01:00", d.reply(1).value());
    }

    @Test
    void aProfileBufferIsATableWithTheCaptureObjectsAsColumnHeads() {
        String columns = "<Array Qty=\"2\" >\n"
                + "<Structure Qty=\"4\" >\n<UInt16 Value=\"8\" />\n<OctetString Value=\"0000010000FF\" />\n<Int8 Value=\"2\" />\n<UInt16 Value=\"0\" />\n</Structure>\n"
                + "<Structure Qty=\"4\" >\n<UInt16 Value=\"3\" />\n<OctetString Value=\"0100010800FF\" />\n<Int8 Value=\"2\" />\n<UInt16 Value=\"0\" />\n</Structure>\n"
                + "</Array>";
        String buffer = "<Array Qty=\"1\" >\n<Structure Qty=\"2\" >\n<OctetString Value=\"07EA01010400000000000000\" />\n"
                + "<UInt32 Value=\"1013969\" />\n</Structure>\n</Array>";
        ScriptDecoding d = new ScriptDecoding(List.of(
                new ScriptDecoding.Exchange(get(7, "0100630100FF", 3), reply(columns)),
                new ScriptDecoding.Exchange(get(7, "0100630100FF", 2), reply(buffer)),
                new ScriptDecoding.Exchange(get(3, "0100010800FF", 3), reply("<Structure Qty=\"2\" >\n<Int8 Value=\"0\" />\n<Enum Value=\"30\" />\n</Structure>"))));
        assertEquals("2 columns", d.reply(0).value());
        assertEquals("column 1: Clock 0.0.1.0.0.255 attribute 2 (time)", d.reply(0).comments().get(7));
        DecodedReply.ProfileTable table = d.reply(1).table();
        assertEquals(List.of("Clock 0.0.1.0.0.255 time", "Register 1.0.1.8.0.255 value"), table.heads());
        assertEquals(List.of(List.of("2026-01-01T00:00:00Z", "1013969 Wh = 1013.969 kWh")), table.rows());
        assertEquals("1 entry", d.reply(1).value());
    }

    @Test
    void aProfileReadByEntryKeepsOnlyTheSelectedColumns() {
        String columns = "<Array Qty=\"2\" >\n"
                + "<Structure Qty=\"4\" >\n<UInt16 Value=\"8\" />\n<OctetString Value=\"0000010000FF\" />\n<Int8 Value=\"2\" />\n<UInt16 Value=\"0\" />\n</Structure>\n"
                + "<Structure Qty=\"4\" >\n<UInt16 Value=\"3\" />\n<OctetString Value=\"0100010800FF\" />\n<Int8 Value=\"2\" />\n<UInt16 Value=\"0\" />\n</Structure>\n"
                + "</Array>";
        String byEntry = get(7, "0100630100FF", 2).replace("</AttributeDescriptor>", "</AttributeDescriptor>\n<AccessSelection>\n"
                + "<AccessSelector Value=\"2\" />\n<AccessParameters>\n<Structure Qty=\"4\">\n<UInt32 Value=\"3\" />\n"
                + "<UInt32 Value=\"4\" />\n<UInt16 Value=\"2\" />\n<UInt16 Value=\"2\" />\n</Structure>\n</AccessParameters>\n</AccessSelection>");
        ScriptDecoding d = new ScriptDecoding(List.of(
                new ScriptDecoding.Exchange(get(7, "0100630100FF", 3), reply(columns)),
                new ScriptDecoding.Exchange(byEntry, reply("<Array Qty=\"1\" >\n<Structure Qty=\"1\" >\n<UInt32 Value=\"7\" />\n</Structure>\n</Array>"))));
        assertEquals("Get Profile generic 1.0.99.1.0.255 attribute 2 (buffer) by entry", d.reply(1).request());
        assertEquals(List.of("Register 1.0.1.8.0.255 value"), d.reply(1).table().heads());
    }

    @Test
    void printableOctetsReadAsTextAndARequestWithoutReplyHasOnlyItsHeading() {
        ScriptDecoding d = new ScriptDecoding(List.of(
                new ScriptDecoding.Exchange(get(1, "0000600100FF", 2), reply("<OctetString Value=\"53494D30303031\" />")),
                new ScriptDecoding.Exchange(get(1, "0000600100FF", 2), null)));
        assertEquals("\"SIM0001\"", d.reply(0).value());
        assertEquals("Device ID 1, manufacturing number", d.reply(1).description());
        assertNull(d.reply(1).value());
    }

    @Test
    void shortNameReadsAreNamedByTheirAddresses() {
        String read = "<ReadRequest Qty=\"02\">\n<VariableName Value=\"0158\" />\n<VariableName Value=\"0160\" />\n</ReadRequest>";
        assertEquals("Read 0158, 0160", new ScriptDecoding(List.of(new ScriptDecoding.Exchange(read, null))).reply(0).request());
    }

    @Test
    void methodsAndUnknownClassesAreNamedAsTheStandardDoes() {
        String action = "<ActionRequest>\n<ActionRequestNormal>\n<InvokeIdAndPriority Value=\"193\" />\n<MethodDescriptor>\n"
                + "<ClassId Value=\"8\" />\n<InstanceId Value=\"0000010000FF\" />\n<MethodId Value=\"1\" />\n</MethodDescriptor>\n"
                + "</ActionRequestNormal>\n</ActionRequest>";
        assertEquals("Action Clock 0.0.1.0.0.255 method 1 (adjust_to_quarter)",
                new ScriptDecoding(List.of(new ScriptDecoding.Exchange(action, null))).reply(0).request());
        assertEquals("Get class 9999 0.0.99.99.0.255 attribute 2",
                new ScriptDecoding(List.of(new ScriptDecoding.Exchange(get(9999, "0000636300FF", 2), null))).reply(0).request());
    }

    @Test
    void aReplyNestedTensOfThousandsDeepIsReadWithoutOverflowingTheStack() {
        int depth = 50_000;
        StringBuilder data = new StringBuilder();
        data.append("<Structure Qty=\"1\" >\n".repeat(depth)).append("<OctetString Value=\"07EA0301070C000000000000\" />\n")
                .append("</Structure>\n".repeat(depth));
        DecodedReply d = new ScriptDecoding(List.of(new ScriptDecoding.Exchange(get(1, "0000600100FF", 2), reply(data.toString()))))
                .reply(0);
        assertEquals("Get Data 0.0.96.1.0.255 attribute 2 (value)", d.request());
        assertNull(d.comments().get(6 + depth), "below the depth a person reads, nothing is said");
    }
}
