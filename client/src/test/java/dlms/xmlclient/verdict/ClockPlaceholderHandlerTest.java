package dlms.xmlclient.verdict;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.DifferenceEvaluators;
import org.xmlunit.placeholder.PlaceholderDifferenceEvaluator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmlunit.diff.ComparisonResult.DIFFERENT;
import static org.xmlunit.diff.ComparisonResult.EQUAL;

/** ${xmlunit.clock(window[,reference])}: a meter clock close to when we asked, or to a given time. */
class ClockPlaceholderHandlerTest {

    private static final Instant SENT = Instant.parse("2026-03-01T12:00:00Z");
    private static final String SENT_ARG = "sent=" + SENT.toEpochMilli();

    private final ClockPlaceholderHandler handler = new ClockPlaceholderHandler(ZoneOffset.UTC);

    /** A DLMS date-time with deviation 0 (UTC), to the hundredth. */
    private static String dlms(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return String.format("%04X%02X%02X%02X%02X%02X%02X%02X%04X%02X", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getDayOfWeek().getValue(), t.getHour(), t.getMinute(), t.getSecond(),
                t.getNano() / 10_000_000, 0, 0);
    }

    private ComparisonResult clockAt(Duration fromSent, String window) {
        return handler.evaluate(dlms(SENT.plus(fromSent)), window, SENT_ARG);
    }

    @Test
    void keywordIsClock() {
        assertEquals("clock", handler.getKeyword());
    }

    @Test
    void secondsWindowIsInclusiveOnBothSides() {
        assertEquals(EQUAL, clockAt(Duration.ofSeconds(0), "30s"));
        assertEquals(EQUAL, clockAt(Duration.ofSeconds(30), "30s"));
        assertEquals(EQUAL, clockAt(Duration.ofSeconds(-30), "30s"));
        assertEquals(DIFFERENT, clockAt(Duration.ofMillis(30_010), "30s"));
        assertEquals(DIFFERENT, clockAt(Duration.ofSeconds(-31), "30s"));
    }

    @Test
    void plainNumberIsSeconds() {
        assertEquals(EQUAL, clockAt(Duration.ofSeconds(45), "45"));
        assertEquals(DIFFERENT, clockAt(Duration.ofSeconds(46), "45"));
    }

    @Test
    void millisecondsWindow() {
        assertEquals(EQUAL, clockAt(Duration.ofMillis(1500), "1500ms"));
        assertEquals(DIFFERENT, clockAt(Duration.ofMillis(1510), "1500ms"));
    }

    @Test
    void minutesWindow() {
        assertEquals(EQUAL, clockAt(Duration.ofMinutes(-5), "5m"));
        assertEquals(DIFFERENT, clockAt(Duration.ofMinutes(5).plusSeconds(1), "5m"));
    }

    @Test
    void hoursWindow() {
        assertEquals(EQUAL, clockAt(Duration.ofHours(2), "2h"));
        assertEquals(DIFFERENT, clockAt(Duration.ofHours(-2).minusSeconds(1), "2h"));
    }

    @Test
    void deviationOfTheMeterIsApplied() {
        // 13:00:10 local with deviation -60 (CET) is 12:00:10 UTC; with deviation 0 it is 13:00:10 UTC.
        String date = "07EA030107";
        String time = "0D000A00";
        assertEquals(EQUAL, handler.evaluate(date + time + "FFC4" + "00", "30s", SENT_ARG));
        assertEquals(DIFFERENT, handler.evaluate(date + time + "0000" + "00", "30s", SENT_ARG));
    }

    @Test
    void unspecifiedDeviationIsReadInTheHandlersZone() {
        String tokyoLocal = "07EA030107" + "15000000" + "8000" + "00"; // 21:00 local, deviation not specified
        assertEquals(EQUAL, new ClockPlaceholderHandler(ZoneId.of("Asia/Tokyo")).evaluate(tokyoLocal, "5s", SENT_ARG));
        assertEquals(DIFFERENT, handler.evaluate(tokyoLocal, "5s", SENT_ARG));
    }

    @Test
    void explicitReferenceOverridesTheAppendedSendTime() {
        String actual = dlms(Instant.parse("2026-06-15T08:00:03Z"));
        assertEquals(EQUAL, handler.evaluate(actual, "5s", "2026-06-15T08:00:00Z", SENT_ARG));
        assertEquals(EQUAL, handler.evaluate(actual, "5s", "2026-06-15T10:00:00+02:00", SENT_ARG));
        assertEquals(DIFFERENT, handler.evaluate(actual, "5s", "2026-06-15T08:00:00+02:00", SENT_ARG));
        assertEquals(DIFFERENT, handler.evaluate(actual, "5s", SENT_ARG));
    }

    @Test
    void missingReferenceIsDifferent() {
        assertEquals(DIFFERENT, handler.evaluate(dlms(SENT), "30s"));
    }

    @Test
    void valuesThatAreNotDateTimesAreDifferent() {
        assertEquals(DIFFERENT, handler.evaluate(null, "30s", SENT_ARG));
        assertEquals(DIFFERENT, handler.evaluate("", "30s", SENT_ARG));
        assertEquals(DIFFERENT, handler.evaluate("2026-03-01T12:00:00Z", "30s", SENT_ARG));
        assertEquals(DIFFERENT, handler.evaluate("07EAFFFFFF0C0000FF000000", "30s", SENT_ARG));
    }

    @Test
    void invalidWindowIsRejectedWithThePlaceholder() {
        for (String window : new String[] {"0", "0s", "-5s", "5d", "1.5s", "s", "", "30 sec", "9999999999999h"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> handler.evaluate(dlms(SENT), window, SENT_ARG), window);
            assertTrue(e.getMessage().startsWith("${xmlunit.clock(" + window + ","), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertThrows(IllegalArgumentException.class, () -> ClockPlaceholderHandler.validate(window));
        }
    }

    @Test
    void invalidReferenceIsRejected() {
        for (String reference : new String[] {"yesterday", "sent=", "sent=abc", "2026-03-01T12:00:00", "2026-03-01"}) {
            assertThrows(IllegalArgumentException.class, () -> ClockPlaceholderHandler.validate("30s", reference), reference);
            assertThrows(IllegalArgumentException.class, () -> handler.evaluate(dlms(SENT), "30s", reference, SENT_ARG));
        }
    }

    @Test
    void validationAcceptsTheFormsAUserWrites() {
        assertDoesNotThrow(() -> ClockPlaceholderHandler.validate("30s"));
        assertDoesNotThrow(() -> ClockPlaceholderHandler.validate(" 1500ms "));
        assertDoesNotThrow(() -> ClockPlaceholderHandler.validate("5m", "2026-03-01T12:00:00Z"));
        assertDoesNotThrow(() -> ClockPlaceholderHandler.validate("2h", " 2026-03-01T13:00:00+01:00 "));
        assertDoesNotThrow(() -> ClockPlaceholderHandler.validate("45", "sent=1772366400000"));
    }

    @Test
    void validationRejectsMissingOrExtraArguments() {
        assertThrows(IllegalArgumentException.class, () -> ClockPlaceholderHandler.validate());
        assertThrows(IllegalArgumentException.class,
                () -> ClockPlaceholderHandler.validate("30s", "2026-03-01T12:00:00Z", "sent=1"));
        assertThrows(IllegalArgumentException.class,
                () -> handler.evaluate(dlms(SENT), "30s", "2026-03-01T12:00:00Z", SENT_ARG, SENT_ARG));
    }

    private static boolean differs(String expected, String actual) {
        return DiffBuilder.compare(expected).withTest(actual)
                .withDifferenceEvaluator(DifferenceEvaluators.chain(
                        DifferenceEvaluators.Default, new PlaceholderDifferenceEvaluator()))
                .build().hasDifferences();
    }

    @Test
    void placeholderIsFoundThroughServiceLoaderByXmlUnit() {
        String expected = "<DateTime Value=\"${xmlunit.clock(30s,2026-03-01T13:00:00+01:00)}\"/>";
        assertFalse(differs(expected, "<DateTime Value=\"" + dlms(SENT.plusSeconds(10)) + "\"/>"));
        assertTrue(differs(expected, "<DateTime Value=\"" + dlms(SENT.plusSeconds(60)) + "\"/>"));
    }
}
