package dlms.xmlclient.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pure: the time attribute of a test case, seconds with three decimals, as CI servers read it. */
class JUnitSecondsTest {

    @Test
    void millisecondsAreWrittenAsSecondsWithThreeDecimals() {
        assertEquals("0.000", JUnitSuite.seconds(0));
        assertEquals("0.005", JUnitSuite.seconds(5));
        assertEquals("0.050", JUnitSuite.seconds(50));
        assertEquals("1.234", JUnitSuite.seconds(1234));
        assertEquals("60.050", JUnitSuite.seconds(60_050));
        assertEquals("-1.500", JUnitSuite.seconds(-1500));
    }

    @Test
    void controlCharactersXmlCannotCarryAreReplaced() {
        assertEquals("a?b", JUnitSuite.clean("a\u0001b"));
        assertEquals("tab\tline\nok", JUnitSuite.clean("tab\tline\nok"));
        assertEquals("x?", JUnitSuite.clean("x\uFFFF"));
    }
}
