package dlms.xmlclient.discover;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure tier: a recorded expected file made as loose as its values need, and no looser. */
class ExpectedLooseningTest {

    private static String reply(String data) {
        return "<GetResponse><GetResponseNormal><InvokeIdAndPriority Value=\"193\"/><Result><Data>" + data
                + "</Data></Result></GetResponseNormal></GetResponse>";
    }

    private static String file(String... replies) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Messages>" + String.join("", replies) + "</Messages>";
    }

    @Test
    void aMeasuredValueBecomesAnyNumberAndItsScalerUnitStaysLiteral() {
        String expected = file(reply("<UInt32 Value=\"1094547\"/> <!-- = 1094547 Wh -->"),
                reply("<Structure Qty=\"2\"><Int8 Value=\"0\"/><Enum Value=\"30\"/></Structure>"));
        ExpectedLoosening.Result r = ExpectedLoosening.loosen(expected,
                List.of(Looseness.of(3, 2), Looseness.of(3, 3)), null);
        assertTrue(r.xml().contains("<UInt32 Value=\"${xmlunit.isNumber}\"/> <!-- read while discovering: 1094547 Wh -->"),
                r.xml());
        assertTrue(r.xml().contains("<Int8 Value=\"0\"/><Enum Value=\"30\"/>"), r.xml());
        assertEquals(1, r.byClass());
    }

    @Test
    void aProfileBufferTakesAnyEntriesAndALogicalDeviceNameStaysLiteral() {
        String expected = file(reply("<Array Qty=\"1\"><Structure Qty=\"1\"><UInt32 Value=\"5\"/></Structure></Array>"),
                reply("<OctetString Value=\"475255313233\"/>"));
        ExpectedLoosening.Result r = ExpectedLoosening.loosen(expected,
                List.of(Looseness.of(7, 2), Looseness.of(1, 2)), null);
        assertTrue(r.xml().contains("<Array Qty=\"*\"/>"), r.xml());
        assertTrue(r.xml().contains("<OctetString Value=\"475255313233\"/>"), r.xml());
    }

    @Test
    void aClockWindowTheRecorderWroteIsKept() {
        String expected = file(reply("<OctetString Value=\"${xmlunit.clock(30s)}\"/>"));
        ExpectedLoosening.Result r = ExpectedLoosening.loosen(expected, List.of(Looseness.of(8, 2)), null);
        assertTrue(r.xml().contains("${xmlunit.clock(30s)}"), r.xml());
        assertEquals(0, r.byClass());
    }

    @Test
    void whatChangedBetweenTwoReadsIsLoosenedAndWhatStayedIsNot() {
        String expected = file(reply("<Structure Qty=\"3\"><UInt16 Value=\"7\"/><OctetString Value=\"AA\"/>"
                + "<Enum Value=\"1\"/></Structure>"));
        String again = reply("<Structure Qty=\"3\"><UInt16 Value=\"8\"/><OctetString Value=\"BB\"/>"
                + "<Enum Value=\"1\"/></Structure>");
        ExpectedLoosening.Result r = ExpectedLoosening.loosen(expected, List.of(Looseness.LITERAL),
                Arrays.asList(again));
        assertTrue(r.xml().contains("<UInt16 Value=\"${xmlunit.isNumber}\"/><OctetString Value=\"${xmlunit.ignore}\"/>"
                + "<Enum Value=\"1\"/>"), r.xml());
        assertEquals(2, r.bySecondRead());
    }

    @Test
    void aValueWhoseTypeChangedBetweenReadsTakesAnyValue() {
        String expected = file(reply("<UInt8 Value=\"1\"/>"));
        ExpectedLoosening.Result r = ExpectedLoosening.loosen(expected, List.of(Looseness.LITERAL),
                List.of(reply("<UInt16 Value=\"1\"/>")));
        assertTrue(r.xml().contains("<Data><None Value=\"*\"/></Data>"), r.xml());
    }
}
