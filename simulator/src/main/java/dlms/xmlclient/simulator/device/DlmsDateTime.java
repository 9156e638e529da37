package dlms.xmlclient.simulator.device;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The 12-byte COSEM date-time octet string (Blue Book 4.1.6.1), converted to and from
 * {@link Instant} without touching the host time zone (Gurux's own conversions use it).
 *
 * <p>Encoding is always UTC: deviation 0, clock status 0. Decoding applies the deviation with the
 * classic sign convention (the one Gurux uses by default): {@code UTC = local + deviation}, in
 * minutes. A deviation of 0x8000 ("not specified") means the meter's local time, which for this
 * simulator is UTC. Unspecified (0xFF) hour, minute, second or hundredths count as 0; an
 * unspecified year, month or day cannot be turned into an instant.
 */
final class DlmsDateTime {

    /** Length of a COSEM date-time. */
    static final int LENGTH = 12;

    private static final int NOT_SPECIFIED_DEVIATION = 0x8000;

    private DlmsDateTime() {
    }

    /**
     * @param time instant to encode
     * @return the 12 date-time bytes in UTC with deviation 0 and status 0
     */
    static byte[] encode(Instant time) {
        LocalDateTime t = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        int year = t.getYear();
        return new byte[] {
            (byte) (year >> 8), (byte) year,
            (byte) t.getMonthValue(), (byte) t.getDayOfMonth(),
            (byte) t.getDayOfWeek().getValue(),
            (byte) t.getHour(), (byte) t.getMinute(), (byte) t.getSecond(),
            (byte) (t.getNano() / 10_000_000),
            0, 0, // deviation 0
            0 // clock status
        };
    }

    /**
     * @param value 12 date-time bytes
     * @return the instant they name
     * @throws IllegalArgumentException when the value is not a usable date-time
     */
    static Instant decode(byte[] value) {
        if (value == null || value.length != LENGTH) {
            throw new IllegalArgumentException("a date-time is 12 bytes");
        }
        int year = ((value[0] & 0xFF) << 8) | (value[1] & 0xFF);
        int month = value[2] & 0xFF;
        int day = value[3] & 0xFF;
        if (year == 0xFFFF || month > 12 || month == 0 || day > 31 || day == 0) {
            throw new IllegalArgumentException("date-time without a definite date");
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.of(year, month, day,
                    orZero(value[5]), orZero(value[6]), orZero(value[7]))
                    .plus(orZero(value[8]) * 10L, ChronoUnit.MILLIS);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("invalid date-time: " + e.getMessage(), e);
        }
        int deviation = ((value[9] & 0xFF) << 8) | (value[10] & 0xFF);
        Instant asUtc = local.toInstant(ZoneOffset.UTC);
        if (deviation == NOT_SPECIFIED_DEVIATION) {
            return asUtc;
        }
        return asUtc.plus((short) deviation, ChronoUnit.MINUTES);
    }

    private static int orZero(byte b) {
        int v = b & 0xFF;
        return v == 0xFF ? 0 : v;
    }
}
