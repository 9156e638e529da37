package dlms.xmlclient.report;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure tier: the reports' clock is the system clock in the default zone, as Clock.systemDefaultZone() is. */
class LocalClockTest {

    @Test
    void tellsTheSystemTimeInTheDefaultZone() {
        Clock clock = new LocalClock();
        assertEquals(ZoneId.systemDefault(), clock.getZone());
        Instant before = Instant.now();
        Instant now = clock.instant();
        assertTrue(!now.isBefore(before) && Duration.between(before, now).toSeconds() < 5, now + " after " + before);
        assertTrue(Math.abs(clock.millis() - System.currentTimeMillis()) < 5_000);
        assertEquals(ZoneOffset.UTC, clock.withZone(ZoneOffset.UTC).getZone());
    }
}
