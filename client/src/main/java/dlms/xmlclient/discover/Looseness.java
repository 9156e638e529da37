package dlms.xmlclient.discover;

import java.util.Map;
import java.util.Set;

/**
 * How loosely a discovered attribute's recorded value is checked, from its class and attribute
 * (Blue Book): what a meter changes by itself (a measured value, a counter, a capture time, a
 * profile's entries) must not fail the next run; what it keeps (names, scaler_units, capture
 * objects, firmware identifiers, configuration) stays literal, so that a change fails.
 */
public enum Looseness {
    /** Checked as recorded. */
    LITERAL,
    /** A number: any number ({@code ${xmlunit.isNumber}}); other types stay literal. */
    NUMBER,
    /** Any one value of any type ({@code <None Value="*"/>}). */
    ANY,
    /** An array of any entries ({@code <Array Qty="*"/>}). */
    ENTRIES;

    /** Attributes by class id that move by themselves, and how. */
    private static final Map<Integer, Map<Integer, Looseness>> MOVING = Map.ofEntries(
            Map.entry(1, Map.of(2, NUMBER)), // Data: a counter or a measured value (a name or an identifier stays)
            Map.entry(3, Map.of(2, NUMBER)), // Register value
            Map.entry(4, Map.of(2, NUMBER, 4, ANY, 5, ANY)), // Extended register: value, status, capture_time
            Map.entry(5, Map.of(2, NUMBER, 3, NUMBER, 4, ANY, 5, ANY, 6, ANY)), // Demand register: averages, times
            Map.entry(7, Map.of(2, ENTRIES, 7, NUMBER)), // Profile generic: buffer, entries_in_use
            Map.entry(8, Map.of(2, ANY, 4, ANY)), // Clock: time (when not a clock window already), status
            Map.entry(111, Map.of(4, ANY, 5, NUMBER, 6, NUMBER, 8, NUMBER)), // Account: credit status and amounts
            Map.entry(112, Map.of(2, NUMBER, 8, ANY)), // Credit: current_credit_amount, status
            Map.entry(113, Map.of(2, NUMBER, 7, ANY, 11, NUMBER)), // Charge: amounts, last collection time
            Map.entry(115, Map.of(2, ANY, 3, ANY, 4, ANY, 6, ANY))); // Token gateway: the last token and its status

    /** Number element names in the run's reply XML. */
    static final Set<String> NUMBERS = Set.of("Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32",
            "UInt64", "Float32", "Float64");

    public static Looseness of(int classId, int attribute) {
        return MOVING.getOrDefault(classId, Map.of()).getOrDefault(attribute, LITERAL);
    }
}
