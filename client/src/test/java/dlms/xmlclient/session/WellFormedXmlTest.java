package dlms.xmlclient.session;

import gurux.dlms.GXDLMSTranslator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WellFormedXmlTest {

    /** RLRE with a user-information InitiateResponse, as the built-in simulator sends it. */
    private static final String RLRE =
            "63 11 80 01 00 BE 0F 04 0E 08 00 06 5F 1F 04 00 00 10 10 02 00 00 07";

    @Test
    void translatorWritesAReleaseResponseThatIsNotWellFormed() {
        String raw = new GXDLMSTranslator(gurux.dlms.TranslatorOutputType.SIMPLE_XML)
                .pduToXml(GXDLMSTranslator.hexToBytes(RLRE));
        assertFalse(new WellFormedXml().isWellFormed(raw), "gurux.dlms fixed the ReleaseResponse XML: " + raw);
    }

    @Test
    void releaseResponseReplyIsRepairedToTheClosingTagsName() {
        String xml = new ReplyXml().pduToXml(GXDLMSTranslator.hexToBytes(RLRE));
        assertTrue(new WellFormedXml().isWellFormed(xml), xml);
        assertTrue(xml.contains("<NegotiatedConformance>"), xml);
    }

    @Test
    void repairRenamesOnlyTheMismatchedOpeningTag() {
        assertEquals("<a><c x=\"1\"><d/></c></a>", WellFormedXml.repairMismatchedTags("<a><b x=\"1\"><d/></c></a>"));
        assertEquals("<a><b/></a>", WellFormedXml.repairMismatchedTags("<a><b/></a>"));
    }
}
