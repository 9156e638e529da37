package dlms.xmlclient.verdict;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When replies are recorded as expected files, a date-time that is the meter's current time
 * (within {@link #NOW} of the request) becomes {@code ${xmlunit.clock(30s)}}, so that the next
 * run passes at another time. A read of the Clock's time that is not "now" (the script set the
 * clock) becomes a window around the time read, {@code ${xmlunit.clock(5s,2026-03-01T12:00:00Z)}},
 * since the clock runs on between the set and the read. With short names the request does not
 * say what it reads, so a ReadRequest of one variable whose reply is one date-time counts as a
 * read of a clock's time. Other date-times (profile entries) stay literal.
 */
public final class RecordedClocks {

    /** How close to the request a date-time must be to count as "now". */
    static final Duration NOW = Duration.ofMinutes(5);
    private static final long DEFAULT_WINDOW_SECONDS = 30;
    private static final long SET_CLOCK_WINDOW_SECONDS = 5;
    private static final Pattern CLOCK_TIME_READ = Pattern.compile(
            "(?s)^\\s*<GetRequest>.*<ClassId Value=\"8\"\\s*/>.*<AttributeId Value=\"2\"\\s*/>.*");
    private static final Pattern SN_SINGLE_READ = Pattern.compile(
            "(?s)^\\s*<ReadRequest[^>]*>\\s*<VariableName Value=\"[0-9A-Fa-f]+\"\\s*/>\\s*</ReadRequest>\\s*$");
    private static final Pattern SN_DATE_TIME_REPLY = Pattern.compile(
            "(?s).*<ReadResponse[^>]*>\\s*<Data>\\s*<OctetString Value=\"[0-9A-Fa-f]{24}\"\\s*/>\\s*</Data>\\s*</ReadResponse>.*");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(<(?:OctetString|DateTime) Value=\")([0-9A-Fa-f]{24})(\")");

    private RecordedClocks() {
    }

    /** True for a Get of a Clock's (class 8) attribute 2, time, or a ReadRequest of one variable by short name. */
    public static boolean readsClockTime(String requestXml) {
        return requestXml != null && (CLOCK_TIME_READ.matcher(requestXml).matches()
                || SN_SINGLE_READ.matcher(requestXml).matches());
    }

    /** @param clockRead the request was a Get of a Clock's time */
    public static String withPlaceholders(String replyXml, Instant sentAt, boolean clockRead) {
        if (replyXml == null) {
            return null;
        }
        if (clockRead && replyXml.contains("<ReadResponse") && !SN_DATE_TIME_REPLY.matcher(replyXml).matches()) {
            clockRead = false; // a short-name read of something else than one date-time
        }
        Matcher m = DATE_TIME.matcher(replyXml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<Instant> time = DlmsClockReading.parse(m.group(2));
            String value = m.group(2);
            if (time.isPresent()) {
                long off = Math.abs(Duration.between(sentAt, time.get()).toSeconds());
                if (off <= NOW.toSeconds()) {
                    value = "${xmlunit.clock(" + window(off) + ")}";
                } else if (clockRead) {
                    value = "${xmlunit.clock(" + SET_CLOCK_WINDOW_SECONDS + "s,"
                            + time.get().truncatedTo(ChronoUnit.SECONDS) + ")}";
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + value + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * 30 s, or when the meter's clock was already further off while recording, that offset
     * rounded up to whole minutes plus one, so the recording passes again (and shows the drift).
     */
    private static String window(long offsetSeconds) {
        if (offsetSeconds <= DEFAULT_WINDOW_SECONDS / 2) {
            return DEFAULT_WINDOW_SECONDS + "s";
        }
        return ((offsetSeconds + 59) / 60 + 1) + "m";
    }
}
