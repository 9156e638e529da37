package dlms.xmlclient.verdict;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The text short cut may call two texts the same only when the comparison would. */
class CanonicalXmlTest {

    @Test
    void layoutAndCommentsAreTakenOut() {
        String recorded = "<GetResponse>\n  <!-- #1 -->\n  <Data>\n    <UInt32 Value=\"1234\"/>\n  </Data>\n</GetResponse>";
        String translated = "<GetResponse><Data><UInt32  Value=\"1234\" /></Data></GetResponse>";
        assertEquals(CanonicalXml.of(recorded), CanonicalXml.of(translated));
        assertEquals("<GetResponse><Data><UInt32 Value=\"1234\"/></Data></GetResponse>", CanonicalXml.of(translated));
    }

    @Test
    void valuesAndTextAreKeptAsTheyAre() {
        assertNotEquals(CanonicalXml.of("<A Value=\"x />\"/>"), CanonicalXml.of("<A Value=\"x/>\"/>"));
        assertNotEquals(CanonicalXml.of("<A Value=\"a  b\"/>"), CanonicalXml.of("<A Value=\"a b\"/>"));
        assertNotEquals(CanonicalXml.of("<A> x </A>"), CanonicalXml.of("<A>x</A>"));
        assertNotEquals(CanonicalXml.of("<A X=\"1\" Y=\"2\"/>"), CanonicalXml.of("<A X=\"1\"/>"));
        assertEquals("<A X='1' Y=\"2\">t</A>", CanonicalXml.of("<A   X = '1'\n Y=\"2\" >t</A >"));
    }

    @Test
    void cdataAndProcessingInstructionsAreContentNotLayout() {
        assertNotEquals(CanonicalXml.of("<a><![CDATA[p  q]]></a>"), CanonicalXml.of("<a><![CDATA[p q]]></a>"));
        assertNotEquals(CanonicalXml.of("<a><?pi  x?></a>"), CanonicalXml.of("<a><?pi x?></a>"));
        assertNotEquals(CanonicalXml.of("<a>\u2003x</a>"), CanonicalXml.of("<a>x</a>"));
    }
}
