package dlms.xmlclient.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the JVM's default time zone, like {@link Clock#systemDefaultZone()}, but
 * the zone is looked up when first asked for: reading the time zone rules costs a fresh JVM some
 * 5 ms, and the reports ask for it on their own thread, after the run's first script has started.
 */
public final class LocalClock extends Clock {

    private volatile ZoneId zone;

    @Override
    public ZoneId getZone() {
        ZoneId z = zone;
        if (z == null) {
            z = ZoneId.systemDefault();
            zone = z;
        }
        return z;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.system(other);
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }
}
