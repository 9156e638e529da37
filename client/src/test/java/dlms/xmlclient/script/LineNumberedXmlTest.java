package dlms.xmlclient.script;

import dlms.xmlclient.decode.DomDump;
import dlms.xmlclient.decode.SampleXmlFiles;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain files read without the SAX parser: the same DOM, with the same line on every element. */
class LineNumberedXmlTest {

    private final LineNumberedXml.Parsers parsers = new LineNumberedXml.Parsers();

    @Test
    void everySampleFileReadsAsTheParserReadsItLinesIncluded() throws Exception {
        int read = 0;
        int files = 0;
        for (Path file : SampleXmlFiles.all()) {
            byte[] bytes = Files.readAllBytes(file);
            files++;
            Document plain = LineNumberedXml.plain(bytes, parsers);
            if (plain != null) {
                assertEquals(dump(LineNumberedXml.parsed(bytes, parsers)), dump(plain), file.toString());
                read++;
            }
        }
        assertTrue(read > files * 9 / 10, read + " of " + files + " read without the parser");
    }

    @Test
    void aFileBeyondAsciiOrNotPlainIsTheParsers() throws Exception {
        assertNull(LineNumberedXml.plain("<A Value=\"é\"/>".getBytes(StandardCharsets.UTF_8), parsers));
        assertNull(LineNumberedXml.plain("<A Value=\"a &amp; b\"/>".getBytes(StandardCharsets.UTF_8), parsers));
        assertNull(LineNumberedXml.plain("<A><B></A>".getBytes(StandardCharsets.UTF_8), parsers));
    }

    private static String dump(Node node) {
        return DomDump.of(node, n -> " line " + LineNumberedXml.lineOf(n));
    }
}
