package dlms.xmlclient.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dlms.xmlclient.cli.TranslateRun.GET_CLOCK_PDU;
import static dlms.xmlclient.cli.TranslateRun.assertOneLineError;
import static dlms.xmlclient.cli.TranslateRun.translate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code xmlclient translate --to-hex}: message files to the PDUs a run sends, and back. */
class TranslateToHexTest {

    private static final String GET_CLOCK_XML = """
            <GetRequest>
              <GetRequestNormal>
                <InvokeIdAndPriority Value="193" />
                <AttributeDescriptor>
                  <ClassId Value="8" />
                  <InstanceId Value="0000010000FF" />
                  <AttributeId Value="2" />
                </AttributeDescriptor>
              </GetRequestNormal>
            </GetRequest>""";

    private static final String SET_XML = """
            <SetRequest>
              <SetRequestNormal>
                <InvokeIdAndPriority Value="194" />
                <AttributeDescriptor>
                  <ClassId Value="1" />
                  <InstanceId Value="0000600100FF" />
                  <AttributeId Value="2" />
                </AttributeDescriptor>
                <Value>
                  <UInt16 Value="1000" />
                </Value>
              </SetRequestNormal>
            </SetRequest>""";

    /** A message file as editors save them: BOM, declaration, comments before and between elements. */
    private Path messageFile(String... elements) throws Exception {
        StringBuilder xml = new StringBuilder("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- test -->\n"
                + "<Messages>\n  <!-- first -->\n");
        for (String element : elements) {
            xml.append("  ").append(element).append('\n');
        }
        xml.append("</Messages>\n");
        Path file = dir.resolve("messages.xml");
        Files.writeString(file, xml.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static void assertSimilar(String expected, String actual) {
        Diff diff = DiffBuilder.compare(expected).withTest(actual)
                .ignoreComments().ignoreWhitespace().checkForSimilar().build();
        assertFalse(diff.hasDifferences(), diff + "\n" + actual);
    }

    @TempDir
    Path dir;

    @Test
    void toHexPrintsEachMessagesPduOnItsOwnLine() throws Exception {
        Path file = messageFile(GET_CLOCK_XML, SET_XML);
        TranslateRun run = translate("--to-hex", file.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        // Set: C1 01 | invoke 194 = C2 | class 1 | 0.0.96.1.0.255 | attribute 2 | no selection | uint16 1000
        assertEquals(GET_CLOCK_PDU + "\n" + "C1 01 C2 00 01 00 00 60 01 00 FF 02 00 12 03 E8\n", run.out());
    }

    @Test
    void toHexThenTranslateRoundTripsToTheSameElements() throws Exception {
        TranslateRun hex = translate("--to-hex", messageFile(GET_CLOCK_XML, SET_XML).toString());
        String[] lines = hex.out().split("\n");
        assertEquals(2, lines.length, hex.toString());
        assertSimilar(GET_CLOCK_XML, translate(lines[0]).out());
        assertSimilar(SET_XML, translate(lines[1]).out());
    }

    @Test
    void toHexEncodesARequestAsARunSendsItDottedLogicalNamesIncluded() throws Exception {
        TranslateRun dotted = translate("--to-hex", messageFile(GET_CLOCK_XML.replace("0000010000FF", "0.0.1.0.0.255")).toString());
        assertEquals(GET_CLOCK_PDU + "\n", dotted.out(), dotted.toString());
        Path bad = messageFile(SET_XML.replace("<UInt16 Value=\"1000\" />", "<UInt16 Value=\"12x45\" />"));
        TranslateRun refused = translate("--to-hex", bad.toString());
        assertEquals(2, refused.exitCode(), refused.toString());
        assertTrue(refused.err().matches("xmlclient translate: " + java.util.regex.Pattern.quote(bad.toString())
                + ":\\d+: <UInt16 Value=\"12x45\"/>: not a whole number; expected 0\\.\\.65535\n"), refused.err());
    }

    @Test
    void starInvokeIdIsSentAs193() throws Exception {
        TranslateRun run = translate("--to-hex", messageFile(GET_CLOCK_XML.replace("\"193\"", "\"*\"")).toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(GET_CLOCK_PDU + "\n", run.out());
    }

    @Test
    void badElementIsNamedWithItsLine() throws Exception {
        // Line 1 BOM + declaration, 2 comment, 3 <Messages>, 4 comment, 5-14 the Get, 15 the Set, 17 its bad value
        Path file = messageFile(GET_CLOCK_XML, SET_XML.replace("\"194\"", "\"high\""));
        TranslateRun run = translate("--to-hex", file.toString());
        assertOneLineError(run, file + ":17: <InvokeIdAndPriority Value=\"high\"/>: not a whole number; expected 0..255");
    }

    @Test
    void missingMessageFileIsNamed() {
        Path file = dir.resolve("none.xml");
        assertOneLineError(translate("--to-hex", file.toString()), file + ": no such file");
    }

    @Test
    void toHexSkipsTheExpectedRepliesOfADirectorStyleFile() {
        TranslateRun run = translate("--to-hex", "messages/inline/register-template.xml");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals(3, run.out().lines().count());
        assertTrue(run.err().contains("is an expected reply with wildcards, not a message: skipped"));
    }
}
