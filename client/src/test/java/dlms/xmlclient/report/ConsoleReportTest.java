package dlms.xmlclient.report;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pure tier: the summary line's seconds, written by hand, read as {@code %.1f} wrote them. */
class ConsoleReportTest {

    @Test
    void tenthsOfASecondAreWhatPercentPointOneFWrites() {
        for (long millis = 0; millis <= 200_000; millis++) {
            assertEquals(String.format(Locale.ROOT, "%.1f", millis / 1000.0), ConsoleReport.tenths(millis),
                    millis + " ms");
        }
        assertEquals(String.format(Locale.ROOT, "%.1f", 86_400_049 / 1000.0), ConsoleReport.tenths(86_400_049));
    }
}
