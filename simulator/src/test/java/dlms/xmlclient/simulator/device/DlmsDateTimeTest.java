package dlms.xmlclient.simulator.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class DlmsDateTimeTest {

    @Test
    void encodesUtcWithDayOfWeekDeviationZeroAndStatusZero() {
        // 2026-01-01 is a Thursday (4).
        assertArrayEquals(new byte[] {0x07, (byte) 0xEA, 1, 1, 4, 13, 45, 30, 12, 0, 0, 0},
                DlmsDateTime.encode(Instant.parse("2026-01-01T13:45:30.123Z")));
    }

    @Test
    void decodesDeviationNotSpecifiedAsUtc() {
        assertEquals(Instant.parse("2026-01-02T00:00:00Z"),
                DlmsDateTime.decode(DateTimeBytes.dateTime(2026, 1, 2, 0, 0, 0, 0x8000)));
    }

    @Test
    void decodesDeviationAsMinutesToAddToLocalTime() {
        assertEquals(Instant.parse("2026-07-01T10:00:00Z"),
                DlmsDateTime.decode(DateTimeBytes.dateTime(2026, 7, 1, 12, 0, 0, -120)));
    }

    @Test
    void roundTripsThroughEncodeAndDecode() {
        Instant t = Instant.parse("2029-12-31T23:59:59.990Z");
        assertEquals(t, DlmsDateTime.decode(DlmsDateTime.encode(t)));
    }

    @Test
    void refusesDatesWithWildcards() {
        byte[] everyYear = DateTimeBytes.dateTime(0xFFFF, 1, 1, 0, 0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> DlmsDateTime.decode(everyYear));
        byte[] hour25 = DateTimeBytes.dateTime(2026, 1, 1, 25, 0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> DlmsDateTime.decode(hour25));
    }
}
