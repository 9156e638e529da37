package dlms.xmlclient.verdict;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.placeholder.PlaceholderHandler;

/**
 * {@code ${xmlunit.clock(30s)}}: the actual value is a DLMS date-time within a window of a reference
 * instant, either the {@code sent=<epoch millis>} our comparator appends or an ISO-8601 date-time with
 * offset written by the user, such as {@code ${xmlunit.clock(5s,2026-03-01T12:00:00Z)}}.
 */
public final class ClockPlaceholderHandler implements PlaceholderHandler {

    public static final String KEYWORD = "clock";
    public static final String SENT_PREFIX = "sent=";

    private static final Pattern WINDOW = Pattern.compile("(\\d{1,12})(ms|s|m|h)?");

    private final ZoneId whenDeviationUnspecified;

    /** Reads a date-time without deviation as this machine's local time (the ServiceLoader uses this). */
    public ClockPlaceholderHandler() {
        this(ZoneId.systemDefault());
    }

    /** Reads a date-time without deviation as local time in the given zone. */
    public ClockPlaceholderHandler(ZoneId whenDeviationUnspecified) {
        this.whenDeviationUnspecified = Objects.requireNonNull(whenDeviationUnspecified);
    }

    @Override
    public String getKeyword() {
        return KEYWORD;
    }

    /**
     * Args: the window, then an optional reference, then (only after a user-written reference) the
     * {@code sent=} our comparator appended, which is checked but ignored.
     */
    @Override
    public ComparisonResult evaluate(String testText, String... args) {
        Spec spec = Spec.of(3, args);
        Optional<Instant> actual = DlmsClockReading.parse(testText, whenDeviationUnspecified);
        if (spec.reference().isEmpty() || actual.isEmpty()) {
            return ComparisonResult.DIFFERENT;
        }
        Instant reference = spec.reference().get();
        Instant read = actual.get();
        // Earlier to later: Duration.abs() of a negative offset goes through BigDecimal, whose
        // class set-up costs a cold run milliseconds.
        Duration offset = read.isBefore(reference) ? Duration.between(read, reference)
                : Duration.between(reference, read);
        return offset.compareTo(spec.window()) <= 0 ? ComparisonResult.EQUAL : ComparisonResult.DIFFERENT;
    }

    /** Checks the arguments of a placeholder as written in an expected file: a window and an optional reference. */
    public static void validate(String... args) {
        Spec.of(2, args);
    }

    private record Spec(Duration window, Optional<Instant> reference) {

        static Spec of(int maxArgs, String... args) {
            if (args == null || args.length < 1 || args.length > maxArgs) {
                throw invalid(args, "expects a window and an optional reference time, such as clock(30s)");
            }
            Duration window = window(args);
            Optional<Instant> reference = Optional.empty();
            for (int i = 1; i < args.length; i++) {
                Instant parsed = reference(args, args[i].trim());
                reference = reference.or(() -> Optional.of(parsed));
            }
            return new Spec(window, reference);
        }

        private static Duration window(String[] args) {
            Matcher m = WINDOW.matcher(args[0].trim());
            if (!m.matches()) {
                throw invalid(args, "the window must be a whole number with an optional unit ms, s, m or h, such as 30s");
            }
            long amount = Long.parseLong(m.group(1));
            Duration window = switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
            if (window.isZero()) {
                throw invalid(args, "the window must be greater than zero");
            }
            return window;
        }

        private static Instant reference(String[] args, String text) {
            try {
                return text.startsWith(SENT_PREFIX)
                        ? Instant.ofEpochMilli(Long.parseLong(text.substring(SENT_PREFIX.length()).trim()))
                        : OffsetDateTime.parse(text).toInstant();
            } catch (NumberFormatException | DateTimeParseException e) {
                throw invalid(args, "the reference must be an ISO-8601 date-time with offset,"
                        + " such as 2026-03-01T12:00:00Z, or sent=<epoch millis>");
            }
        }
    }

    private static IllegalArgumentException invalid(String[] args, String problem) {
        String written = args == null ? "" : String.join(",", args);
        return new IllegalArgumentException("${xmlunit." + KEYWORD + "(" + written + ")}: " + problem);
    }
}
