package dlms.xmlclient.script;

import gurux.dlms.enums.InterfaceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each value of a request is checked before the Gurux translator encodes it (it would truncate,
 * zero or refuse it in Java's words), and what is sent is what the file says.
 */
class RequestValuesTest {

    private final ScriptLoader loader = new ScriptLoader(InterfaceType.HDLC, true, 16, 1);

    @TempDir
    Path dir;

    /** A Set of attribute 2 of a Data object; the value goes on line 11. */
    private static final String SET = """
            <Messages>
              <SetRequest>
                <SetRequestNormal>
                  <InvokeIdAndPriority Value="193" />
                  <AttributeDescriptor>
                    <ClassId Value="%s" />
                    <InstanceId Value="0000600100FF" />
                    <AttributeId Value="%s" />
                  </AttributeDescriptor>
                  <Value>
                    %s
                  </Value>
                </SetRequestNormal>
              </SetRequest>
            </Messages>
            """;

    /** C1 01 C1 | class 1 | 0.0.96.1.0.255 | attribute 2 | no selective access: then the data. */
    private static final String SET_HEADER = "C101C100010000600100FF0200";

    @Test
    void aNumberWithAStrayCharacterStopsTheScriptAtTheValuesLine() {
        assertEquals("x.xml:11: <UInt16 Value=\"12x45\"/>: not a whole number; expected 0..65535",
                refused("<UInt16 Value=\"12x45\" />"));
    }

    @Test
    void aNumberOutOfRangeIsRefusedRatherThanTruncated() {
        assertEquals("x.xml:11: <UInt8 Value=\"300\"/>: out of range; expected 0..255", refused("<UInt8 Value=\"300\" />"));
        assertEquals("x.xml:11: <Int8 Value=\"-129\"/>: out of range; expected -128..127",
                refused("<Int8 Value=\"-129\" />"));
        assertEquals("x.xml:11: <UInt32 Value=\"-1\"/>: out of range; expected 0..4294967295",
                refused("<UInt32 Value=\"-1\" />"));
    }

    @Test
    void anEmptyNumberIsRefusedRatherThanSentAsZero() {
        assertEquals("x.xml:11: <Enum Value=\"\"/>: no value; expected 0..255", refused("<Enum />"));
    }

    @Test
    void aUInt16AboveThe16BitSignedRangeIsSentAsItsTwoBytes() throws Exception {
        assertEquals(SET_HEADER + "129C40", sent("<UInt16 Value=\"40000\" />"));
        assertEquals(SET_HEADER + "12FFFF", sent("<UInt16 Value=\"65535\" />"));
    }

    @Test
    void aUInt64AboveThe64BitSignedRangeIsSentAsItsEightBytes() throws Exception {
        assertEquals(SET_HEADER + "15FFFFFFFFFFFFFFFE", sent("<UInt64 Value=\"18446744073709551614\" />"));
    }

    @Test
    void aBooleanIsSentAsWritten() throws Exception {
        assertEquals(SET_HEADER + "0301", sent("<Boolean Value=\"true\" />"));
        assertEquals(SET_HEADER + "0301", sent("<Boolean Value=\"1\" />"));
        assertEquals(SET_HEADER + "0300", sent("<Boolean Value=\"false\" />"));
        assertEquals(SET_HEADER + "02040301030011010301", sent("<Structure Qty=\"4\"><Boolean Value=\"true\" />"
                + "<Boolean Value=\"false\" /><UInt8 Value=\"1\" /><Boolean Value=\"true\" /></Structure>"));
        assertEquals("x.xml:11: <Boolean Value=\"yes\"/>: expected true or false", refused("<Boolean Value=\"yes\" />"));
    }

    @Test
    void aDateTimeIsSentByteForByteNotThroughTheJvmCalendar() throws Exception {
        // 2022-03-27 02:30, deviation -120, summer time: a local time that does not exist in Europe
        assertEquals(SET_HEADER + "1907E6031B07021E0032FF8880", sent("<DateTime Value=\"07E6031B07021E0032FF8880\" />"));
        assertEquals(SET_HEADER + "1B00000000", sent("<Time Value=\"00000000\" />"));
        assertEquals("x.xml:11: <DateTime Value=\"07E6031B\"/>: 4 bytes; expected 12 bytes in hex, a date-time:"
                + " year(2) month day weekday hour minute second hundredths deviation(2) status",
                refused("<DateTime Value=\"07E6031B\" />"));
    }

    @Test
    void anOctetStringOfHalfBytesOrNonHexIsRefused() throws Exception {
        assertEquals("x.xml:11: <OctetString Value=\"ABC\"/>: an odd number of hex digits; expected two a byte (0A1B...)",
                refused("<OctetString Value=\"ABC\" />"));
        assertEquals("x.xml:11: <OctetString Value=\"Meter 1\"/>: not bytes in hex; expected two hex digits a byte"
                + " (0A1B...)", refused("<OctetString Value=\"Meter 1\" />"));
        assertEquals(SET_HEADER + "09020A0B", sent("<OctetString Value=\"0A 0B\" />"));
    }

    @Test
    void aFloatWrittenAsADecimalIsRefusedWithTheHexToWrite() {
        assertEquals("x.xml:11: <Float32 Value=\"1.5\"/>: expected 4 bytes in hex, a float32 as"
                + " the translator writes it (1.5 is 3FC00000)", refused("<Float32 Value=\"1.5\" />"));
    }

    @Test
    void aVisibleStringWithCharactersOutsideAsciiIsRefused() {
        assertEquals("x.xml:11: <String Value=\"Zähler\"/>: 'ä' (U+00E4) is not a visible-string character (ASCII"
                + " 32..126); write other text as <StringUTF8>", refused("<String Value=\"Zähler\" />"));
    }

    @Test
    void aBitStringOfOtherThanBitsIsRefused() {
        assertEquals("x.xml:11: <BitString Value=\"1012\"/>: not bits; expected 0s and 1s (10100000)",
                refused("<BitString Value=\"1012\" />"));
    }

    @Test
    void aStructureWhoseQtyMiscountsItsElementsIsRefused() {
        assertEquals("x.xml:11: <Structure Qty=\"2\">: holds 1 element (Qty must count them; the translator sends"
                + " the elements inside)", refused("<Structure Qty=\"2\"><UInt8 Value=\"1\" /></Structure>"));
    }

    @Test
    void aDescriptorOutOfRangeIsRefusedAtItsLine() throws Exception {
        assertEquals("x.xml:8: <AttributeId Value=\"300\"/>: out of range; expected 0..255",
                refused("1", "300", "<UInt8 Value=\"1\" />"));
        assertEquals("x.xml:6: <ClassId Value=\"\"/>: no value; expected 0..65535",
                refused("", "2", "<UInt8 Value=\"1\" />"));
    }

    @Test
    void aPlaceholderIsLeftToBeFilledInWhenSent() throws Exception {
        Path file = write("1", "2", "<OctetString Value=\"${now}\" />");
        Step step = loader.load(file, "x.xml").steps().get(0);
        assertTrue(step.requestXml().contains("Value=\"${now}\""), step.requestXml());
        assertEquals(SET_HEADER + "0900", hex(step.request().getData()));
        assertTrue(step.request().getXmlNode().getOwnerDocument() != null
                && ((org.w3c.dom.Element) step.request().getXmlNode()).getElementsByTagName("OctetString").item(0)
                        .getAttributes().getNamedItem("Value").getNodeValue().equals("${now}"),
                "the translated request keeps ${now}, which the exchange fills in as it sends");
    }

    @Test
    void theClientsTimeCannotShareARequestWithAValueWhoseExactBytesAreSplicedIn() {
        String message = refused("<Structure Qty=\"2\">\n<OctetString Value=\"${now}\" />\n<Boolean Value=\"true\" />\n</Structure>");
        assertTrue(message.matches("x\\.xml:\\d+: <Boolean>: cannot go in the same request as \\$\\{now} \\(line \\d+\\);"
                + " send them in two requests"), message);
    }

    @Test
    void anyOtherPlaceholderInARequestIsRefusedAtItsLine() {
        assertEquals("x.xml:11: <UInt32 Value=\"${count}\"/>: the only placeholder a request may hold is"
                + " <OctetString Value=\"${now}\"/>, the client's current time", refused("<UInt32 Value=\"${count}\" />"));
    }

    private String sent(String value) throws Exception {
        return hex(loader.load(write("1", "2", value), "x.xml").steps().get(0).request().getData());
    }

    private String refused(String value) {
        return refused("1", "2", value);
    }

    private String refused(String classId, String attributeId, String value) {
        return assertThrows(ScriptException.class, () -> loader.load(write(classId, attributeId, value), "x.xml"))
                .getMessage();
    }

    private Path write(String classId, String attributeId, String value) throws Exception {
        Path file = dir.resolve("x.xml");
        Files.writeString(file, SET.formatted(classId, attributeId, value));
        return file;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
