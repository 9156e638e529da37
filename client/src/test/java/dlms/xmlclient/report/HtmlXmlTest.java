package dlms.xmlclient.report;

import dlms.xmlclient.decode.PlainXml;
import dlms.xmlclient.decode.SampleXmlFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlXmlTest {

    private static final String STRUCTURE = "/GetResponse/GetResponseNormal/Result/Data/Structure";
    private static final String REPLY = """
            <GetResponse><GetResponseNormal><InvokeIdAndPriority Value="193"/>
            <Result><Data><Structure Qty="3"><UInt8 Value="5"/><UInt8 Value="7"/>
            <OctetString Value="0102"/></Structure></Data></Result></GetResponseNormal></GetResponse>""";

    private final HtmlXml xml = new HtmlXml();

    @Test
    void indentsByTwoSpacesAndClosesEmptyElementsWithSpaceSlash() {
        assertEquals("""
                &lt;GetResponse&gt;
                  &lt;GetResponseNormal&gt;
                    &lt;InvokeIdAndPriority Value=&quot;193&quot; /&gt;
                    &lt;Result&gt;
                      &lt;Data&gt;
                        &lt;Structure Qty=&quot;3&quot;&gt;
                          &lt;UInt8 Value=&quot;5&quot; /&gt;
                          &lt;UInt8 Value=&quot;7&quot; /&gt;
                          &lt;OctetString Value=&quot;0102&quot; /&gt;
                        &lt;/Structure&gt;
                      &lt;/Data&gt;
                    &lt;/Result&gt;
                  &lt;/GetResponseNormal&gt;
                &lt;/GetResponse&gt;""", xml.render(REPLY).html());
    }

    @Test
    void keepsAttributesInDocumentOrder() {
        List<String> lines = xml.render("<X Zed=\"1\" Alpha=\"2\" Mid=\"3\"/>").lines();
        assertEquals(List.of("<X Zed=\"1\" Alpha=\"2\" Mid=\"3\" />"), lines);
    }

    @Test
    void keepsCommentsAndPutsTextOnlyElementsOnOneLine() {
        List<String> lines = xml.render("<A><!-- 0.0.1.0.0.255 --><B>  some text </B></A>").lines();
        assertEquals(List.of("<A>", "  <!-- 0.0.1.0.0.255 -->", "  <B>some text</B>", "</A>"), lines);
    }

    @Test
    void escapesMarkupInValuesTwiceSoThePageShowsTheXmlSource() {
        String html = xml.render("<A V=\"&lt;script&gt;&quot;\">x &amp; &lt;b&gt;</A>").html();
        assertEquals("&lt;A V=&quot;&amp;lt;script&amp;gt;&amp;quot;&quot;&gt;x &amp;amp; &amp;lt;b&amp;gt;&lt;/A&gt;",
                html);
        assertFalse(html.contains("<"));
    }

    @Test
    void marksTheSecondOfTwoSameNamedSiblingsNotTheFirst() {
        HtmlXml.Rendering r = xml.render(REPLY, List.of(STRUCTURE + "/UInt8[2]/@Value"));
        assertEquals(1, r.marked().cardinality());
        assertEquals("<UInt8 Value=\"7\" />", r.lines().get(r.marked().nextSetBit(0)).strip());
        String html = r.html();
        assertTrue(html.contains("\n          <mark>&lt;UInt8 Value=&quot;7&quot; /&gt;</mark>\n"), html);
        assertTrue(html.contains("\n          &lt;UInt8 Value=&quot;5&quot; /&gt;\n"), html);
    }

    @Test
    void marksTheFirstSiblingWhenTheIndexSaysSo() {
        HtmlXml.Rendering r = xml.render(REPLY, List.of(STRUCTURE + "/UInt8[1]/@Value"));
        assertEquals(List.of("<UInt8 Value=\"5\" />"),
                r.marked().stream().mapToObj(i -> r.lines().get(i).strip()).toList());
    }

    @Test
    void marksTheElementThatOwnsATextNode() {
        HtmlXml.Rendering r = xml.render("<A><B>one</B><C>two</C></A>", List.of("/A/C/text()"));
        assertEquals(List.of("  <C>two</C>"), r.marked().stream().mapToObj(i -> r.lines().get(i)).toList());
    }

    @Test
    void marksAnElementThatLacksTheAttributeTheDifferenceNames() {
        HtmlXml.Rendering r = xml.render(REPLY, List.of(STRUCTURE + "/@Missing"));
        assertEquals(List.of("<Structure Qty=\"3\">"),
                r.marked().stream().mapToObj(i -> r.lines().get(i).strip()).toList());
    }

    @Test
    void marksTheStartTagLineOfAnElementWithChildren() {
        HtmlXml.Rendering r = xml.render(REPLY, List.of("/GetResponse/GetResponseNormal/Result"));
        assertEquals(3, r.marked().nextSetBit(0));
        assertEquals(1, r.marked().cardinality());
    }

    @Test
    void marksNothingForAPathThatDoesNotResolveOrIsNotAPath() {
        List<String> paths = List.of(STRUCTURE + "/UInt16", STRUCTURE + "/UInt8[3]/@Value", "/", "", "nothing[",
                "/GetResponse/Other/text()");
        HtmlXml.Rendering r = xml.render(REPLY, paths);
        assertTrue(r.parsed());
        assertEquals(0, r.marked().cardinality());
        assertFalse(r.html().contains("<mark>"));
    }

    @Test
    void marksSeveralNodesWhenSeveralPathsResolve() {
        HtmlXml.Rendering r = xml.render(REPLY, List.of(STRUCTURE + "/UInt8[2]/@Value", STRUCTURE + "/OctetString"));
        assertEquals(List.of("<UInt8 Value=\"7\" />", "<OctetString Value=\"0102\" />"),
                r.marked().stream().mapToObj(i -> r.lines().get(i).strip()).toList());
    }

    @Test
    void showsXmlThatCannotBeParsedAsItIsEscaped() {
        HtmlXml.Rendering r = xml.render("<A><script>alert(1)</script>\r\n  <B>", List.of("/A"));
        assertFalse(r.parsed());
        assertEquals("&lt;A&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n  &lt;B&gt;", r.html());
        assertEquals(0, r.marked().cardinality());
    }

    @Test
    void refusesADoctypeAndShowsTheTextInstead() {
        String withDoctype = "<!DOCTYPE A [<!ENTITY e \"expanded\">]><A>&e;</A>";
        HtmlXml.Rendering r = xml.render(withDoctype);
        assertFalse(r.parsed());
        assertFalse(r.html().contains("expanded</A>"));
        assertTrue(r.html().contains("&lt;!DOCTYPE A"));
    }

    @Test
    void rendersASliceOfLinesForFolding() {
        HtmlXml.Rendering r = xml.render(REPLY, List.of(STRUCTURE + "/UInt8[2]/@Value"));
        assertEquals("&lt;GetResponse&gt;\n  &lt;GetResponseNormal&gt;", r.html(0, 2));
        assertEquals("          <mark>&lt;UInt8 Value=&quot;7&quot; /&gt;</mark>", r.html(7, 8));
        assertEquals(14, r.size());
    }

    @Test
    void readsEverySampleFileAsTheJdkParserDoes() throws IOException {
        HtmlXml parser = new HtmlXml(false);
        int read = 0;
        for (Path file : SampleXmlFiles.all()) {
            String text = Files.readString(file);
            List<String> paths = List.of("/*", "/*/*[1]", "//*[@Value][2]/@Value");
            HtmlXml.Rendering plain = xml.render(text, paths);
            HtmlXml.Rendering parsed = parser.render(text, paths);
            assertEquals(parsed.lines(), plain.lines(), file.toString());
            assertEquals(parsed.marked(), plain.marked(), file.toString());
            read += PlainXml.read(text, new CommentsTaken()) ? 1 : 0;
        }
        assertTrue(read > 70, read + " files read by PlainXml"); // the rest: not one document, or not plain
    }

    @Test
    void readsCommentsAroundTheRootAndBetweenTextAsTheJdkParserDoes() {
        HtmlXml parser = new HtmlXml(false);
        for (String text : List.of("<!-- head --><A>one<!-- between -->two</A><!-- tail -->",
                "<?xml version=\"1.0\"?>\r\n<!--\r\n a\r\n b -->\r\n<A>\r\n  <B V='x'/> <!-- = 2026 -->\r\n</A>\r\n",
                "<A><!----><B/>text<!-- x --></A>", "<A><!-- a - b --></A>", "<A><!-- a -- b --></A>",
                "<A>x<!-- a ---></A>")) {
            assertEquals(parser.render(text).lines(), xml.render(text).lines(), text);
            assertEquals(parser.render(text).parsed(), xml.render(text).parsed(), text);
        }
    }

    /** A sink that takes the comments, as the page's, and keeps nothing. */
    private static final class CommentsTaken implements PlainXml.Sink {
        @Override
        public void start(String name, List<String> attributes, int line) {
        }

        @Override
        public void text(String text) {
        }

        @Override
        public void end() {
        }

        @Override
        public boolean takesComments() {
            return true;
        }
    }
}
