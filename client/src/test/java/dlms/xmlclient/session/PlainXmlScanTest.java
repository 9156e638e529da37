package dlms.xmlclient.session;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.SAXParserFactory;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure tier: the quick scan says "surely well-formed" only where the XML parser agrees. */
class PlainXmlScanTest {

    private static final List<String> WELL_FORMED = List.of(
            "<GetResponse>\n  <GetResponseNormal>\n    <InvokeIdAndPriority Value=\"C1\" />\n    <Result>\n"
                    + "      <Data>\n        <OctetString Value=\"07EA0C05\" />\n      </Data>\n    </Result>\n"
                    + "  </GetResponseNormal>\n</GetResponse>",
            "<a/>", "<a></a>", "<!-- c --><a x=\"1\" y='2'/>".replace('\'', '"'), "<a>x &amp; y &lt; z &gt; &quot;&apos;</a>",
            "<a b=\"&amp;\">text > here</a>", "<a><!----></a>", "  <a>\u00e9\u4e2d</a>  ", "<a.b-c_d/>",
            "<a\tb=\"1\"\n/>", "<a>[x]</a>");

    private static final List<String> NOT_WELL_FORMED = List.of(
            "<ProposedConformance><x/></NegotiatedConformance>", "<a b=\"1\" b=\"2\"/>", "<a><b></a></b>", "<a>",
            "<a/><b/>", "text<a/>", "<a>&nbsp;</a>", "<a b=\"<\"/>", "<a>]]></a>", "<a>\u0001</a>", "<a b=1/>",
            "<a b=\"1\"c=\"2\"/>", "<a><!-- x -- y --></a>", "<a><!-- x ---></a>", "", "<1a/>", "<a></a >x");

    /** Within the scan's reach, but answered by the parser: a reference, a declaration, a prefix. */
    private static final List<String> LEFT_TO_THE_PARSER = List.of(
            "<a>&#65;</a>", "<?xml version=\"1.0\"?><a/>", "<x:a xmlns:x=\"u\"/>", "<a><![CDATA[x]]></a>",
            "<a>\ud83d\ude00</a>");

    @Test
    void answersTrueForTheTranslatorsXml() throws Exception {
        for (String xml : WELL_FORMED) {
            assertTrue(parses(xml), xml);
            assertTrue(PlainXmlScan.surelyWellFormed(xml), xml);
        }
    }

    @Test
    void answersFalseForXmlThatIsNotWellFormed() throws Exception {
        for (String xml : NOT_WELL_FORMED) {
            assertFalse(parses(xml), xml);
            assertFalse(PlainXmlScan.surelyWellFormed(xml), xml);
        }
    }

    @Test
    void leavesWhatItDoesNotKnowToTheParser() throws Exception {
        for (String xml : LEFT_TO_THE_PARSER) {
            assertTrue(parses(xml), xml);
            assertFalse(PlainXmlScan.surelyWellFormed(xml), xml);
            assertTrue(new WellFormedXml().isWellFormed(xml), xml);
        }
    }

    @Test
    void everyCutOfAReplyIsJudgedAsTheParserJudgesIt() throws Exception {
        String reply = WELL_FORMED.get(0);
        for (int end = 0; end <= reply.length(); end++) {
            String cut = reply.substring(0, end);
            if (PlainXmlScan.surelyWellFormed(cut)) {
                assertEquals(true, parses(cut), cut);
            }
        }
    }

    private static boolean parses(String xml) throws Exception {
        try {
            SAXParserFactory.newInstance().newSAXParser().parse(new InputSource(new StringReader(xml)),
                    new DefaultHandler());
            return true;
        } catch (org.xml.sax.SAXException e) {
            return false;
        }
    }
}
