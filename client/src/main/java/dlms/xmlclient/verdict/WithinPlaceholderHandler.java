package dlms.xmlclient.verdict;

import java.math.BigDecimal;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.placeholder.PlaceholderHandler;

/**
 * {@code ${xmlunit.within(230,5%)}} or {@code ${xmlunit.within(230,2.5)}}: the actual value is a number
 * within a relative or absolute tolerance of a target, bounds included.
 */
public final class WithinPlaceholderHandler implements PlaceholderHandler {

    public static final String KEYWORD = "within";

    @Override
    public String getKeyword() {
        return KEYWORD;
    }

    @Override
    public ComparisonResult evaluate(String testText, String... args) {
        Range range = Range.of(args);
        BigDecimal actual = number(testText);
        return actual != null && range.contains(actual) ? ComparisonResult.EQUAL : ComparisonResult.DIFFERENT;
    }

    /** Checks the arguments of a placeholder as written in an expected file. */
    public static void validate(String... args) {
        Range.of(args);
    }

    /** Inclusive bounds; compareTo, unlike subtract, stays cheap for values such as 1E-999999999. */
    private record Range(BigDecimal min, BigDecimal max) {

        static Range of(String... args) {
            if (args == null || args.length != 2) {
                throw invalid(args, "expects a target and a tolerance, such as within(230,5%)");
            }
            BigDecimal target = number(args[0]);
            if (target == null) {
                throw invalid(args, "the target must be a number");
            }
            String tolerance = args[1].trim();
            boolean percent = tolerance.endsWith("%");
            BigDecimal amount = number(percent ? tolerance.substring(0, tolerance.length() - 1) : tolerance);
            if (amount == null) {
                throw invalid(args, "the tolerance must be a number or a percentage such as 5%");
            }
            if (amount.signum() < 0) {
                throw invalid(args, "the tolerance must not be negative");
            }
            BigDecimal delta = percent ? target.abs().multiply(amount).movePointLeft(2) : amount;
            return new Range(target.subtract(delta), target.add(delta));
        }

        boolean contains(BigDecimal value) {
            return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }
    }

    private static BigDecimal number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static IllegalArgumentException invalid(String[] args, String problem) {
        String written = args == null ? "" : String.join(",", args);
        return new IllegalArgumentException("${xmlunit." + KEYWORD + "(" + written + ")}: " + problem);
    }
}
