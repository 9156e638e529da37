package dlms.xmlclient.verdict;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The short cut before the xmlunit diff: it may only say "same" where xmlunit would find no difference. */
class IdenticalXmlTest {

    private static Element xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setIgnoringComments(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(text))).getDocumentElement();
    }

    @Test
    void indentationAndCommentsDoNotMatter() throws Exception {
        assertTrue(IdenticalXml.same(xml("<A>\n  <!-- c -->\n  <B Value=\"1\" X=\"2\"/>\n  <C> t </C>\n</A>"),
                xml("<A><B X=\"2\" Value=\"1\"/><C>t</C></A>")));
    }

    @Test
    void aWildcardValueMatchesAnyValueButNotAMissingAttribute() throws Exception {
        assertTrue(IdenticalXml.same(xml("<A><B Value=\"*\"/></A>"), xml("<A><B Value=\"7\"/></A>")));
        assertFalse(IdenticalXml.same(xml("<A><B Value=\"*\"/></A>"), xml("<A><B/></A>")));
    }

    @Test
    void anyChangeInNameValueOrderOrCountIsNotSame() throws Exception {
        Element expected = xml("<A><B Value=\"1\"/><C Value=\"2\"/></A>");
        assertFalse(IdenticalXml.same(expected, xml("<A><B Value=\"1\"/><C Value=\"3\"/></A>")));
        assertFalse(IdenticalXml.same(expected, xml("<A><C Value=\"2\"/><B Value=\"1\"/></A>")));
        assertFalse(IdenticalXml.same(expected, xml("<A><B Value=\"1\"/></A>")));
        assertFalse(IdenticalXml.same(expected, xml("<A><B Value=\"1\"/><C Value=\"2\"/><C Value=\"2\"/></A>")));
        assertFalse(IdenticalXml.same(expected, xml("<A><B Value=\"1\" Extra=\"\"/><C Value=\"2\"/></A>")));
        assertFalse(IdenticalXml.same(xml("<A>x</A>"), xml("<A>y</A>")));
    }

    @Test
    void placeholdersAreLeftToTheFullComparison() throws Exception {
        assertFalse(IdenticalXml.same(xml("<A><B Value=\"${xmlunit.isNumber}\"/></A>"), xml("<A><B Value=\"1\"/></A>")));
    }

    @Test
    void strippingWhitespaceTrimsTextAndDropsIndentation() throws Exception {
        Element a = xml("<A>\n  <B>  t  </B>\n</A>");
        IdenticalXml.stripWhitespace(a);
        assertEquals(1, a.getChildNodes().getLength());
        assertEquals("t", a.getFirstChild().getTextContent());
    }

    @Test
    void processingInstructionsAndNonXmlSpacesCountAsXmlunitCountsThem() throws Exception {
        assertFalse(IdenticalXml.same(xml("<a><?pi data?><b/></a>"), xml("<a><b/></a>")));
        assertFalse(IdenticalXml.same(xml("<a>x</a>"), xml("<a>\u2003x</a>")));
    }
}
