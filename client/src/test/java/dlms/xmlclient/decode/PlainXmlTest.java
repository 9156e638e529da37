package dlms.xmlclient.decode;

import dlms.xmlclient.session.PlainTranslator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our reader of plain XML against the JDK's parser, set up as the comparator sets it up: the same DOM, or none. */
class PlainXmlTest {

    private final DocumentBuilder jdk = jdkParser();

    @Test
    void everySampleMessageAndExpectedFileReadsAsTheJdksParserReadsIt() throws Exception {
        int read = 0;
        int files = 0;
        for (Path file : SampleXmlFiles.all()) {
            files++;
            if (sameOrNone(Files.readString(file), file.toString())) {
                read++;
            }
        }
        // The samples are the translator's XML: nearly all of them are plain.
        assertTrue(read > files * 9 / 10, read + " of " + files + " read here");
    }

    @Test
    void markupAndCharactersItDoesNotKnowAreLeftToTheParser() throws Exception {
        List<String> left = List.of(
                "<A Value=\"a &amp; b\"/>", "<A>&#65;</A>", "<A Value=\"a\tb\"/>", "<A Value=\"a\nb\"/>",
                "<A>\r</A>", "<A Value=\"a\r\nb\"/>", "<A><![CDATA[x]]></A>", "<A><?pi x?></A>", "<!DOCTYPE A><A/>", "\uFEFF<A/>",
                "<A Value=\"é\"/>", "<A>\u0001</A>", "<?xml version=\"1.1\"?><A/>", "<A>]]></A>",
                "<A Value=\"1\" Value=\"2\"/>", "<A Value=\"<\"/>", "<A></B>", "<A>", "<A/><B/>", "text<A/>",
                "<A/>text", "<A Value=1/>", "<A Value=\"1\"Other=\"2\"/>", "<1A/>", "<A><!-- a -- b --></A>",
                "<A><!-- a ---></A>", "", "<A>".repeat(65) + "</A>".repeat(65));
        for (String text : left) {
            assertNull(PlainXml.parse(text, jdk), text);
        }
        StringBuilder many = new StringBuilder("<A");
        for (int i = 0; i < 65; i++) {
            many.append(" a").append(i).append("=\"1\"");
        }
        assertNull(PlainXml.parse(many.append("/>").toString(), jdk), "65 attributes (the JDK's limit is 200)");
        assertNull(PlainXml.parse("<" + "A".repeat(257) + "/>", jdk), "a long name (the JDK's limit is 1,000)");
    }

    @Test
    void aParserLimitSetLowerForTheJvmIsTheParsersToApply() throws Exception {
        String before = System.getProperty("jdk.xml.maxElementDepth");
        System.setProperty("jdk.xml.maxElementDepth", "2");
        try {
            assertTrue(PlainXml.parse("<A><B/></A>", jdk) != null);
            assertNull(PlainXml.parse("<A><B><C/></B></A>", jdk));
        } finally {
            if (before == null) {
                System.clearProperty("jdk.xml.maxElementDepth");
            } else {
                System.setProperty("jdk.xml.maxElementDepth", before);
            }
        }
    }

    @Test
    void repliesAsTheTranslatorWritesThemAreReadHere() throws Exception {
        // A Get response carrying a structure of an octet string and an unsigned, as the session translates it.
        String reply = PlainTranslator.of(true).pduToXml(HexFormat.of().parseHex("C401C100020209060000600100FF1100"));
        assertTrue(reply.contains("\r\n"), reply);
        assertTrue(sameOrNone(reply, reply), "not read here: " + reply);
    }

    @Test
    void plainTextReadsAsTheJdksParserReadsIt() throws Exception {
        List<String> plain = List.of(
                "<A/>", "<A></A>", "<A Value='single' Other=\"double\"/>", "<A  Value = \"spaced\"  />",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- head -->\n<A>\n  <B Value=\"1\" />\n</A>\n<!-- tail -->\n",
                "<A>one<!-- dropped -->two</A>", "<A>\n  <!-- c -->\n  <B/>\n</A>", "<A>text &gt; free</A>".replace("&gt;", ">"),
                "<A Value=\"x > y\"/>", "<a:B xml:lang=\"en\" c.d-e_f=\"1\"/>", "<A><B><C><D Value=\"deep\"/></C></B></A>",
                "<A>\t<B/>\t</A>", "<A>\r\n  <B Value=\"1\" />\r\n</A>\r\n", "<A\r\n Value=\"1\"\r\n/>", "<Z b=\"2\" a=\"1\" c=\"3\"/>", "<A></A >", "<A><!----></A>");
        for (String text : plain) {
            Document ours = PlainXml.parse(text, jdk);
            assertTrue(ours != null, "not read here: " + text);
            assertEquals(DomDump.of(jdk.parse(new InputSource(new StringReader(text)))), DomDump.of(ours), text);
        }
    }

    /** @return true when our reader read it (the same DOM as the JDK's), false when it left it */
    private boolean sameOrNone(String text, String where) throws Exception {
        Document ours = PlainXml.parse(text, jdk);
        if (ours == null) {
            return false;
        }
        assertEquals(DomDump.of(jdk.parse(new InputSource(new StringReader(text)))), DomDump.of(ours), where);
        return true;
    }

    /** As ReplyComparator makes its parser. */
    private static DocumentBuilder jdkParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setIgnoringComments(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
