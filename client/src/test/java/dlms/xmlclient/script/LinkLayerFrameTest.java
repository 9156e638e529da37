package dlms.xmlclient.script;

import dlms.xmlclient.wire.hdlc.Fcs16;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkLayerFrameTest {

    private static LinkLayerFrame frame(String xml) throws Exception {
        Element e = LineNumberedXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        return LinkLayerFrame.of(e, "x.xml:3", 16, 1);
    }

    private static byte[] bytes(String hex) {
        return LinkLayerFrame.hexOrNull(hex);
    }

    @Test
    void anSnrmFromItsFieldsIsTheFrameOfTheStandardWithItsCheckSequence() throws Exception {
        assertArrayEquals(bytes("7E A0 07 03 21 93 0F 01 7E"), frame("<HdlcFrame Control=\"SNRM\"/>").bytes());
        assertArrayEquals(bytes("7E A0 07 03 21 53 03 C7 7E"), frame("<HdlcFrame Control=\"disc\"/>").bytes());
    }

    @Test
    void aWrongFcsIsWrittenOnPurposeAndOnlyThere() throws Exception {
        byte[] wrong = frame("<HdlcFrame Control=\"SNRM\" Fcs=\"wrong\"/>").bytes();
        assertFalse(Fcs16.matches(wrong, 1, wrong.length - 3));
        byte[] given = frame("<HdlcFrame Control=\"SNRM\" Fcs=\"00 00\"/>").bytes();
        assertArrayEquals(bytes("7E A0 07 03 21 93 00 00 7E"), given);
        ScriptException right = assertThrows(ScriptException.class,
                () -> frame("<HdlcFrame Control=\"SNRM\" Fcs=\"0F 01\"/>"));
        assertTrue(right.getMessage().startsWith("x.xml:3: <HdlcFrame Fcs=\"0F 01\"/>: that is the right FCS"),
                right.getMessage());
    }

    @Test
    void aWrongHcsLeavesTheFcsRightOverTheWrongHeader() throws Exception {
        byte[] f = frame("<HdlcFrame Control=\"10\" Information=\"E6 E6 00\" Hcs=\"wrong\"/>").bytes();
        assertFalse(Fcs16.matches(f, 1, 6));
        assertTrue(Fcs16.matches(f, 1, f.length - 3));
    }

    @Test
    void rawBytesAreSentAsWrittenWithTheirWait() throws Exception {
        LinkLayerFrame f = frame("<RawFrame Value=\"7e a0 07 03 21 93 0e 01 7e\" ReplyWithin=\"250\"/>");
        assertArrayEquals(bytes("7E A0 07 03 21 93 0E 01 7E"), f.bytes());
        assertEquals(250, f.replyWithinMillis());
    }

    @Test
    void mistakesNameTheFileLineAndWhatIsExpected() {
        assertEquals("x.xml:3: <HdlcFrame Control=\"SNRN\"/>: SNRM, DISC, UI or one byte in hex (93, 0x10 for an"
                + " I-frame with N(S)=0 N(R)=0 P=1)", assertThrows(ScriptException.class,
                        () -> frame("<HdlcFrame Control=\"SNRN\"/>")).getMessage());
        assertEquals("x.xml:3: Value=\"7E G0\": not bytes in hex (7E A0 07 … or 7EA007…)",
                assertThrows(ScriptException.class, () -> frame("<RawFrame Value=\"7E G0\"/>")).getMessage());
        assertTrue(assertThrows(ScriptException.class, () -> frame("<RawFrame Value=\"7E\" Wait=\"5\"/>"))
                .getMessage().contains("<RawFrame Wait=…/>: unknown attribute (known: ReplyWithin, Value)"));
        assertTrue(assertThrows(ScriptException.class, () -> frame("<RawFrame Value=\"7E\" ReplyWithin=\"0\"/>"))
                .getMessage().contains("milliseconds, 1 to 600000"));
    }
}
