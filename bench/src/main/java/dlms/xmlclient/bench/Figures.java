package dlms.xmlclient.bench;

import java.util.Arrays;
import java.util.Locale;

/** Medians and the like over measured samples, and numbers as the table prints them. */
final class Figures {

    private Figures() {
    }

    static double median(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        int mid = s.length / 2;
        return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
    }

    static double min(double[] samples) {
        return Arrays.stream(samples).min().orElseThrow();
    }

    static double max(double[] samples) {
        return Arrays.stream(samples).max().orElseThrow();
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** Three significant digits or so: 0.412, 4.12, 41.2, 412, 4120. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double a = Math.abs(value);
        if (a >= 10 && value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        String pattern = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
