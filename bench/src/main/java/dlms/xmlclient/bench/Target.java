package dlms.xmlclient.bench;

import java.util.Locale;

/**
 * A figure the issue asks for: a value must stay at most, or reach at least, a limit.
 *
 * @param limit  the limit, in the measure's unit
 * @param atMost true for "≤ limit", false for "≥ limit"
 */
record Target(double limit, boolean atMost) {

    static Target atMost(double limit) {
        return new Target(limit, true);
    }

    static Target atLeast(double limit) {
        return new Target(limit, false);
    }

    boolean metBy(double value) {
        return atMost ? value <= limit : value >= limit;
    }

    /** E.g. {@code ≤ 1.2} or {@code ≥ 3}. */
    String describe() {
        return (atMost ? "≤ " : "≥ ") + Figures.format(limit).strip();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s", atMost ? "<=" : ">=", limit);
    }
}
