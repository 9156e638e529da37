package dlms.xmlclient.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FleetProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aLineTellsDonePassingInFlightScriptsRateAndTimeLeftByScripts() {
        // 110,000 of 440,000 scripts in 30 s: 3,667 a second, 330,000 left: 90 s.
        assertEquals("progress: 2340/10000 meters done (2300 passing, 40 not), 1000 in flight, 110000/440000 scripts,"
                + " 78.0 meters/s, 1 min 30 s left (30 s so far)",
                FleetProgress.line(10_000, 2340, 2300, 1000, 440_000, 110_000, 30 * SECOND));
    }

    @Test
    void metersAllInFlightStillShowTheTimeLeftByTheirScripts() {
        assertEquals("progress: 0/2000 meters done (0 passing, 0 not), 2000 in flight, 22000/88000 scripts,"
                + " 0.0 meters/s, 3 min 0 s left (1 min 0 s so far)",
                FleetProgress.line(2000, 0, 0, 2000, 88_000, 22_000, 60 * SECOND));
    }

    @Test
    void beforeAnyScriptIsDoneTheTimeLeftIsUnknown() {
        assertEquals("progress: 0/300 meters done (0 passing, 0 not), 300 in flight, 0/300 scripts, 0.0 meters/s,"
                + " time left unknown (1 s so far)", FleetProgress.line(300, 0, 0, 300, 300, 0, SECOND));
    }

    @Test
    void anOpenEndedRunCountsMetersWithoutTimeLeft() {
        assertEquals("progress: 12 meters done (11 passing, 1 not), 3 in flight, 1.2 meters/s (10 s so far)",
                FleetProgress.line(0, 12, 11, 3, 0, 40, 10 * SECOND));
    }

    @Test
    void durationsReadInTheLargestUnitsThatMatter() {
        assertEquals("59 s", FleetProgress.duration(59));
        assertEquals("1 min 0 s", FleetProgress.duration(60));
        assertEquals("2 h 5 min", FleetProgress.duration(2 * 3600 + 5 * 60 + 9));
    }
}
