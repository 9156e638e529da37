package dlms.xmlclient.decode;

import dlms.xmlclient.session.PlainTranslator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tree read from plain XML without a parser: the same nodes, attributes and lines as the SAX parser's. */
class XmlNodesTest {

    @Test
    void everySampleFileReadsAsTheSaxParserReadsIt() throws Exception {
        int read = 0;
        int files = 0;
        for (Path file : SampleXmlFiles.all()) {
            String text = Files.readString(file);
            files++;
            XmlNode plain = XmlNodes.plain(text);
            if (plain != null) {
                assertEquals(XmlNodes.parseText(text), plain, file.toString());
                read++;
            }
        }
        assertTrue(read > files * 9 / 10, read + " of " + files + " read without the parser");
    }

    @Test
    void aReplyAsTheTranslatorWritesItAndStartTagsOverSeveralLinesKeepTheParsersLines() {
        String reply = PlainTranslator.of(true).pduToXml(HexFormat.of().parseHex("C401C100020209060000600100FF1100"));
        assertEquals(XmlNodes.parseText(reply), XmlNodes.plain(reply));
        String spread = "<A>\r\n  <B\r\n    Value=\"1\"\r\n  />\r\n  <C Value='2'></C>\r\n</A>";
        XmlNode plain = XmlNodes.plain(spread);
        assertNotNull(plain);
        assertEquals(XmlNodes.parseText(spread), plain);
        assertEquals(4, plain.children().get(0).line(), "where the start tag ends, as a SAX locator says");
    }

    @Test
    void whatItCannotReadGoesToTheParser() {
        assertNull(XmlNodes.plain("<A Value=\"a &amp; b\"/>"));
        assertEquals("a & b", XmlNodes.parse("<A Value=\"a &amp; b\"/>").value());
        assertNull(XmlNodes.parse("not XML"));
    }
}
