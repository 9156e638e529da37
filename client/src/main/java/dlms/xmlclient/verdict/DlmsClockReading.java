package dlms.xmlclient.verdict;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the instant of a 12-octet DLMS date-time (IEC 62056-6-2, 4.1.6.1) given as hex.
 */
public final class DlmsClockReading {

    /** Twelve hex bytes, optionally separated by whitespace (as Gurux XML may print them). */
    private static final Pattern TWELVE_HEX_BYTES =
            Pattern.compile("\\s*\\p{XDigit}{2}(?:\\s*\\p{XDigit}{2}){11}\\s*");

    private static final int NOT_SPECIFIED = 0xFF;
    private static final int YEAR_NOT_SPECIFIED = 0xFFFF;
    private static final int DEVIATION_NOT_SPECIFIED = -0x8000;
    private static final int MAX_DEVIATION_MINUTES = 720;
    private static final int STATUS_DAYLIGHT_SAVING = 0x80;

    private DlmsClockReading() {
    }

    /** Like {@link #parse(String, ZoneId)}, reading an unspecified deviation as this machine's local time. */
    public static Optional<Instant> parse(String hex) {
        return parse(hex, ZoneId.systemDefault());
    }

    /**
     * The instant of a DLMS date-time, or empty when it is not one or does not name a single instant
     * (a field not specified or special, out of range, or a date that does not exist).
     *
     * @param whenUnspecified the zone of the local time when the deviation is not specified (0x8000)
     */
    public static Optional<Instant> parse(String hex, ZoneId whenUnspecified) {
        if (hex == null || !TWELVE_HEX_BYTES.matcher(hex).matches()) {
            return Optional.empty();
        }
        byte[] b = HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
        int year = u16(b[0], b[1]);
        int month = u8(b[2]);
        int day = u8(b[3]);
        int dayOfWeek = u8(b[4]);
        int hour = u8(b[5]);
        int minute = u8(b[6]);
        int second = u8(b[7]);
        int hundredths = u8(b[8]);
        int deviation = (short) u16(b[9], b[10]);
        int status = u8(b[11]);

        // 0xFD/0xFE (DST end/begin, second-last/last day) and 0xFF fall outside these ranges too.
        boolean valid = year != YEAR_NOT_SPECIFIED
                && inRange(month, 1, 12)
                && inRange(day, 1, 31)
                && (inRange(dayOfWeek, 1, 7) || dayOfWeek == NOT_SPECIFIED)
                && inRange(hour, 0, 23)
                && inRange(minute, 0, 59)
                && inRange(second, 0, 59)
                && (inRange(hundredths, 0, 99) || hundredths == NOT_SPECIFIED)
                && (inRange(deviation, -MAX_DEVIATION_MINUTES, MAX_DEVIATION_MINUTES)
                        || deviation == DEVIATION_NOT_SPECIFIED);
        if (!valid) {
            return Optional.empty();
        }
        LocalDateTime local;
        try {
            int nanos = hundredths == NOT_SPECIFIED ? 0 : hundredths * 10_000_000;
            local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        } catch (DateTimeException noSuchDate) {
            return Optional.empty();
        }
        if (deviation == DEVIATION_NOT_SPECIFIED) {
            return Optional.of(inZone(local, whenUnspecified, status));
        }
        // Blue Book: deviation = minutes from local time to UTC, so UTC = local + deviation
        // (CET is -60). Gurux inverts this sign unless UseUtc2NormalTime is set; the standard wins.
        return Optional.of(local.toInstant(ZoneOffset.UTC).plusSeconds(60L * deviation));
    }

    /** True when {@link #parse(String)} finds an instant. */
    public static boolean looksLikeDateTime(String hex) {
        return parse(hex).isPresent();
    }

    /** In the repeated hour at the end of summer time, the clock status DST bit tells which one is meant. */
    private static Instant inZone(LocalDateTime local, ZoneId zone, int status) {
        ZonedDateTime zoned = local.atZone(zone);
        if (status != NOT_SPECIFIED) {
            zoned = (status & STATUS_DAYLIGHT_SAVING) != 0
                    ? zoned.withEarlierOffsetAtOverlap()
                    : zoned.withLaterOffsetAtOverlap();
        }
        return zoned.toInstant();
    }

    private static boolean inRange(int value, int min, int max) {
        return value >= min && value <= max;
    }

    private static int u8(byte b) {
        return b & 0xFF;
    }

    private static int u16(byte high, byte low) {
        return (u8(high) << 8) | u8(low);
    }
}
