package dlms.xmlclient.decode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CosemDateTimeTest {

    @Test
    void readsUtcAsZ() {
        assertEquals("2026-03-01T12:00:00Z", CosemDateTime.iso("07EA0301070C000000000000"));
    }

    @Test
    void deviationIsMinutesFromLocalTimeToUtcSoMinusSixtyIsPlusOneHour() {
        // FFC4 = -60: Central European Time, local 12:00 is 11:00 UTC
        assertEquals("2026-03-01T12:00:00+01:00", CosemDateTime.iso("07EA0301070C000000FFC400"));
        assertEquals("2026-03-01T12:00:00-05:00", CosemDateTime.iso("07EA0301070C000000012C00"));
    }

    @Test
    void showsHundredthsAndStatusBitsInWords() {
        assertEquals("2026-12-05T12:25:37.75Z, status daylight saving active",
                CosemDateTime.iso("07EA0C05060C19254B000080"));
        assertEquals("2026-12-05T12:25:37Z, status invalid value, doubtful value",
                CosemDateTime.iso("07EA0C05060C1925000000" + "03"));
    }

    @Test
    void notSpecifiedFieldsAreStarsAndAnUnspecifiedDeviationIsSaid() {
        assertEquals("*-*-01T00:00:00 (deviation not specified)", CosemDateTime.iso("FFFFFF01FF000000FF8000FF"));
    }

    @Test
    void octetsThatAreNoDateTimeReadAsNull() {
        assertNull(CosemDateTime.iso("07EA0D01070C000000000000"), "month 13");
        assertNull(CosemDateTime.iso("000000000000000000000000"), "month 0");
        assertNull(CosemDateTime.iso("07EA0301070C0000000000"), "11 octets");
        assertNull(CosemDateTime.iso("not hex at all!!!!!!!!!!"));
    }
}
