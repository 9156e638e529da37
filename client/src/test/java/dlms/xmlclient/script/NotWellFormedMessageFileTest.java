package dlms.xmlclient.script;

import gurux.dlms.enums.InterfaceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A message file that is not XML is refused at the line of the broken tag, with the mistake named. */
class NotWellFormedMessageFileTest {

    private final ScriptLoader loader = new ScriptLoader(InterfaceType.HDLC, true, 16, 1);

    @TempDir
    Path dir;

    /** A Get of the clock's time: line 1 is the root, lines 2 to 8 the request. */
    private static final String[] GET = {
        "<Messages>",
        "  <GetRequest>",
        "    <GetRequestNormal>",
        "      <InvokeIdAndPriority Value=\"193\" />",
        "      <AttributeDescriptor>",
        "        <ClassId Value=\"8\" />",
        "        <InstanceId Value=\"0000010000FF\" />",
        "        <AttributeId Value=\"2\" />",
        "      </AttributeDescriptor>",
        "    </GetRequestNormal>",
        "  </GetRequest>",
        "</Messages>",
    };

    @Test
    void anElementNotClosedIsNamedAtItsLineWithTheEndTagFoundInstead() throws Exception {
        String error = loadWithLine(8, "        <AttributeId Value=\"2\">");
        assertEquals("x.xml:8: not well-formed XML: <AttributeId> is not closed (found </AttributeDescriptor>"
                + " on line 9)", error);
    }

    @Test
    void aMisspelledEndTagIsNamedAtTheElementItShouldClose() throws Exception {
        String error = loadWithLine(6, "        <ClassId Value=\"8\"></ClassID>");
        assertEquals("x.xml:6: not well-formed XML: <ClassId> is not closed (found </ClassID>)", error);
    }

    @Test
    void aValueWithoutQuotesIsNamed() throws Exception {
        String error = loadWithLine(6, "        <ClassId Value=8 />");
        assertEquals("x.xml:6: not well-formed XML: <ClassId>: the value of Value is not in quotes (write"
                + " Value=\"...\")", error);
    }

    @Test
    void aValueWithoutItsClosingQuoteIsNamedAtItsTagNotWhereTheParserStopped() throws Exception {
        String error = loadWithLine(6, "        <ClassId Value=\"8 />");
        assertEquals("x.xml:6: not well-formed XML: <ClassId>: the value of Value has no closing \"", error);
    }

    @Test
    void aTagWithoutItsClosingBracketIsNamedAtItsLine() throws Exception {
        String error = loadWithLine(6, "        <ClassId Value=\"8\"");
        assertEquals("x.xml:6: not well-formed XML: <ClassId is not closed with > or /> before line 7", error);
    }

    @Test
    void aBareAmpersandIsNamedWithTheEscapeToWrite() throws Exception {
        String error = loadWithLine(7, "        <InstanceId Value=\"R&D\" />");
        assertEquals("x.xml:7: not well-formed XML: a bare & (&D\" />): write &amp; for the character &", error);
    }

    @Test
    void textBeforeTheRootElementIsNamed() throws Exception {
        Path file = dir.resolve("x.xml");
        Files.writeString(file, "Get the clock\n" + String.join("\n", GET) + "\n");
        assertEquals("x.xml:1: not well-formed XML: text before the root element: a message file starts with"
                + " <?xml ...?> or its root element", loadError(file));
    }

    @Test
    void anXmlDeclarationAfterBlankLinesIsNamed() throws Exception {
        Path file = dir.resolve("x.xml");
        Files.writeString(file, "\n<?xml version=\"1.0\"?>\n" + String.join("\n", GET) + "\n");
        assertEquals("x.xml:2: not well-formed XML: the <?xml ...?> declaration must be the very first thing in"
                + " the file", loadError(file));
    }

    @Test
    void aFileCutShortNamesTheInnermostElementLeftOpen() throws Exception {
        Path file = dir.resolve("x.xml");
        Files.writeString(file, String.join("\n", java.util.Arrays.copyOf(GET, 7)) + "\n\n");
        assertEquals("x.xml:5: not well-formed XML: <AttributeDescriptor> is not closed: the file ends at line 7"
                + " (is it cut short?)", loadError(file));
    }

    @Test
    void aFileCutInsideATagSaysSo() throws Exception {
        Path file = dir.resolve("x.xml");
        Files.writeString(file, String.join("\n", java.util.Arrays.copyOf(GET, 6)) + "\n        <InstanceId Val");
        assertEquals("x.xml:7: not well-formed XML: the file ends inside the tag <InstanceId (is it cut short?)",
                loadError(file));
    }

    @Test
    void aSecondRootElementIsNamed() throws Exception {
        Path file = dir.resolve("x.xml");
        Files.writeString(file, String.join("\n", GET) + "\n" + String.join("\n", GET) + "\n");
        assertEquals("x.xml:13: not well-formed XML: a second root element <Messages> after </Messages> (line 12):"
                + " a file has one root element", loadError(file));
    }

    @Test
    void anEmptyFileIsNamedEmpty() throws Exception {
        Path file = dir.resolve("x.xml");
        Files.writeString(file, "\n");
        assertEquals("x.xml:1: not well-formed XML: the file is empty", loadError(file));
    }

    @Test
    void theMistakeIsNamedTheSameWhateverTheLanguageOfTheJvm() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN); // the parser's own messages would be German
        try {
            String error = loadWithLine(8, "        <AttributeId Value=\"2\">");
            assertEquals("x.xml:8: not well-formed XML: <AttributeId> is not closed (found </AttributeDescriptor>"
                    + " on line 9)", error);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aMistakeAfterNonAsciiTextInAWindowsFileIsStillOnItsLine() throws Exception {
        String[] lines = GET.clone();
        lines[1] = "  <!-- Zähler: Uhrzeit lesen -->\r\n  <GetRequest>";
        lines[7] = "        <AttributeId Value=\"2\">";
        Path file = dir.resolve("x.xml");
        Files.write(file, ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("x.xml:9: not well-formed XML: <AttributeId> is not closed (found </AttributeDescriptor>"
                + " on line 10)", loadError(file));
    }

    /** The Get with one line (1-based) replaced; the loader's one-line error. */
    private String loadWithLine(int line, String replacement) throws Exception {
        String[] lines = GET.clone();
        lines[line - 1] = replacement;
        Path file = dir.resolve("x.xml");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return loadError(file);
    }

    private String loadError(Path file) {
        return assertThrows(ScriptException.class, () -> loader.load(file, "x.xml")).getMessage();
    }
}
