package dlms.xmlclient.verdict;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Blue Book date-time octets and the instant they stand for. */
class DlmsClockReadingTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final int UNSPECIFIED_DEVIATION = 0x8000;

    /** 12 octets as hex; deviation is written as int16, so -60 becomes FFC4. */
    private static String dt(int year, int month, int day, int dayOfWeek, int hour, int minute, int second,
            int hundredths, int deviation, int status) {
        return String.format("%04X%02X%02X%02X%02X%02X%02X%02X%04X%02X", year, month, day, dayOfWeek,
                hour, minute, second, hundredths, deviation & 0xFFFF, status);
    }

    private static String noon(int year, int month, int day) {
        return dt(year, month, day, 0xFF, 12, 0, 0, 0, 0, 0);
    }

    private static Optional<Instant> at(String iso) {
        return Optional.of(Instant.parse(iso));
    }

    @Test
    void centralEuropeanTimeWithDeviationMinusSixtyIsOneHourAheadOfUtc() {
        assertEquals(at("2026-11-21T14:45:00.130Z"), DlmsClockReading.parse("07EA0B15060F2D000DFFC400", UTC));
    }

    @Test
    void positiveDeviationMeansLocalTimeBehindUtc() {
        assertEquals(at("2026-03-01T14:00:00Z"), DlmsClockReading.parse(dt(2026, 3, 1, 7, 12, 0, 0, 0, 120, 0), UTC));
    }

    @Test
    void zeroDeviationIsUtc() {
        assertEquals(at("2026-03-01T12:00:00Z"), DlmsClockReading.parse(noon(2026, 3, 1), ZoneId.of("Asia/Tokyo")));
    }

    @Test
    void unspecifiedDeviationIsLocalTimeInTheGivenZone() {
        String hex = dt(2026, 3, 1, 7, 12, 0, 0, 0, UNSPECIFIED_DEVIATION, 0);
        assertEquals(at("2026-03-01T03:00:00Z"), DlmsClockReading.parse(hex, ZoneId.of("Asia/Tokyo")));
        assertEquals(at("2026-03-01T12:00:00Z"), DlmsClockReading.parse(hex, UTC));
    }

    @Test
    void daylightSavingBitPicksTheSummerHourWhenTheLocalHourRepeats() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        String summer = dt(2026, 10, 25, 7, 2, 30, 0, 0, UNSPECIFIED_DEVIATION, 0x80);
        String winter = dt(2026, 10, 25, 7, 2, 30, 0, 0, UNSPECIFIED_DEVIATION, 0x00);
        assertEquals(at("2026-10-25T00:30:00Z"), DlmsClockReading.parse(summer, berlin));
        assertEquals(at("2026-10-25T01:30:00Z"), DlmsClockReading.parse(winter, berlin));
    }

    @Test
    void extremeDeviationsAreAcceptedAndBeyondThemRejected() {
        assertEquals(at("2026-03-02T00:00:00Z"), DlmsClockReading.parse(dt(2026, 3, 1, 7, 12, 0, 0, 0, 720, 0), UTC));
        assertEquals(at("2026-03-01T00:00:00Z"), DlmsClockReading.parse(dt(2026, 3, 1, 7, 12, 0, 0, 0, -720, 0), UTC));
        assertTrue(DlmsClockReading.parse(dt(2026, 3, 1, 7, 12, 0, 0, 0, 721, 0), UTC).isEmpty());
        assertTrue(DlmsClockReading.parse(dt(2026, 3, 1, 7, 12, 0, 0, 0, -721, 0), UTC).isEmpty());
    }

    @Test
    void unspecifiedHundredthsCountAsZero() {
        assertEquals(at("2026-03-01T12:00:05Z"), DlmsClockReading.parse(dt(2026, 3, 1, 7, 12, 0, 5, 0xFF, 0, 0), UTC));
        assertEquals(at("2026-03-01T12:00:05.990Z"), DlmsClockReading.parse(dt(2026, 3, 1, 7, 12, 0, 5, 99, 0, 0), UTC));
        assertTrue(DlmsClockReading.parse(dt(2026, 3, 1, 7, 12, 0, 5, 100, 0, 0), UTC).isEmpty());
    }

    @Test
    void dayOfWeekIsOnlyRangeChecked() {
        // 2026-03-01 is a Sunday (7); a wrong but valid weekday does not change the instant.
        assertEquals(at("2026-03-01T12:00:00Z"), DlmsClockReading.parse(dt(2026, 3, 1, 3, 12, 0, 0, 0, 0, 0), UTC));
        assertTrue(DlmsClockReading.parse(dt(2026, 3, 1, 0, 12, 0, 0, 0, 0, 0), UTC).isEmpty());
        assertTrue(DlmsClockReading.parse(dt(2026, 3, 1, 8, 12, 0, 0, 0, 0, 0), UTC).isEmpty());
    }

    @Test
    void invalidMonthsAreRejected() {
        for (int month : new int[] {0, 13, 0xFD, 0xFE, 0xFF}) {
            assertTrue(DlmsClockReading.parse(noon(2026, month, 1), UTC).isEmpty(), "month " + month);
        }
        assertTrue(DlmsClockReading.parse(noon(2026, 12, 1), UTC).isPresent());
    }

    @Test
    void invalidDaysAreRejected() {
        for (int day : new int[] {0, 32, 0xFD, 0xFE, 0xFF}) {
            assertTrue(DlmsClockReading.parse(noon(2026, 1, day), UTC).isEmpty(), "day " + day);
        }
        assertTrue(DlmsClockReading.parse(noon(2026, 1, 31), UTC).isPresent());
    }

    @Test
    void dateThatDoesNotExistIsRejected() {
        assertTrue(DlmsClockReading.parse(noon(2026, 2, 29), UTC).isEmpty());
        assertTrue(DlmsClockReading.parse(noon(2026, 4, 31), UTC).isEmpty());
        assertEquals(at("2028-02-29T12:00:00Z"), DlmsClockReading.parse(noon(2028, 2, 29), UTC));
    }

    @Test
    void notSpecifiedOrOutOfRangeTimeFieldsAreRejected() {
        assertTrue(DlmsClockReading.parse(noon(0xFFFF, 3, 1), UTC).isEmpty());
        assertTrue(DlmsClockReading.parse(dt(2026, 3, 1, 7, 24, 0, 0, 0, 0, 0), UTC).isEmpty());
        assertTrue(DlmsClockReading.parse(dt(2026, 3, 1, 7, 0xFF, 0, 0, 0, 0, 0), UTC).isEmpty());
        assertTrue(DlmsClockReading.parse(dt(2026, 3, 1, 7, 12, 60, 0, 0, 0, 0), UTC).isEmpty());
        assertTrue(DlmsClockReading.parse(dt(2026, 3, 1, 7, 12, 0xFF, 0, 0, 0, 0), UTC).isEmpty());
        assertTrue(DlmsClockReading.parse(dt(2026, 3, 1, 7, 12, 0, 60, 0, 0, 0), UTC).isEmpty());
        assertTrue(DlmsClockReading.parse(dt(2026, 3, 1, 7, 12, 0, 0xFF, 0, 0, 0), UTC).isEmpty());
        assertEquals(at("2026-03-01T23:59:59Z"), DlmsClockReading.parse(dt(2026, 3, 1, 7, 23, 59, 59, 0, 0, 0), UTC));
    }

    @Test
    void anyClockStatusIsAccepted() {
        assertEquals(at("2026-03-01T12:00:00Z"), DlmsClockReading.parse(dt(2026, 3, 1, 7, 12, 0, 0, 0, 0, 0xFF), UTC));
    }

    @Test
    void anythingButTwelveHexBytesIsRejected() {
        String ok = "07EA0B15060F2D000DFFC400";
        assertTrue(DlmsClockReading.parse(ok, UTC).isPresent());
        assertTrue(DlmsClockReading.parse(ok.substring(2), UTC).isEmpty());
        assertTrue(DlmsClockReading.parse(ok + "00", UTC).isEmpty());
        assertTrue(DlmsClockReading.parse(ok + "0", UTC).isEmpty());
        assertTrue(DlmsClockReading.parse(ok.replace('F', 'G'), UTC).isEmpty());
        assertTrue(DlmsClockReading.parse("", UTC).isEmpty());
        assertTrue(DlmsClockReading.parse(null, UTC).isEmpty());
        assertTrue(DlmsClockReading.parse("2026-11-21T14:45:00Z", UTC).isEmpty());
    }

    @Test
    void spacesBetweenBytesAndLowercaseAreAccepted() {
        assertEquals(at("2026-11-21T14:45:00.130Z"), DlmsClockReading.parse("07 ea 0b 15 06 0f 2d 00 0d ff c4 00", UTC));
        assertEquals(at("2026-11-21T14:45:00.130Z"), DlmsClockReading.parse(" 07ea0b15060f2d000dffc400\n", UTC));
        assertTrue(DlmsClockReading.parse("0 7EA0B15060F2D000DFFC400", UTC).isEmpty(), "a space inside a byte");
    }

    @Test
    void looksLikeDateTimeTellsDateTimesFromOtherOctetStrings() {
        assertTrue(DlmsClockReading.looksLikeDateTime("07EA0B15060F2D000DFFC400"));
        assertFalse(DlmsClockReading.looksLikeDateTime("0000010000FF"));
        assertFalse(DlmsClockReading.looksLikeDateTime("FFFFFFFFFFFFFFFFFF800000"));
    }
}
