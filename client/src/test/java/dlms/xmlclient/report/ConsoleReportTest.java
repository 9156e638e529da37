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
        for (long millis : new long[] {86_400_049, (1L << 40) - 50, 1L << 40, (1L << 40) + 50, 1168016233937567493L,
                -1, -450, Long.MAX_VALUE}) {
            assertEquals(String.format(Locale.ROOT, "%.1f", millis / 1000.0), ConsoleReport.tenths(millis), millis + " ms");
        }
    }
}
