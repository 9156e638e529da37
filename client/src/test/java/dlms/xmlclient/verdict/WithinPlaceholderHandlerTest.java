package dlms.xmlclient.verdict;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xmlunit.XMLUnitException;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.DifferenceEvaluators;
import org.xmlunit.placeholder.PlaceholderDifferenceEvaluator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmlunit.diff.ComparisonResult.DIFFERENT;
import static org.xmlunit.diff.ComparisonResult.EQUAL;

/** ${xmlunit.within(target,tolerance)}: numbers near a target, relative or absolute. */
class WithinPlaceholderHandlerTest {

    private final WithinPlaceholderHandler handler = new WithinPlaceholderHandler();

    private ComparisonResult within(String actual, String... args) {
        return handler.evaluate(actual, args);
    }

    @Test
    void keywordIsWithin() {
        assertEquals("within", handler.getKeyword());
    }

    @Test
    void percentToleranceAcceptsValuesInsideAndRejectsValuesOutside() {
        assertEquals(EQUAL, within("231", "230", "5%"));
        assertEquals(EQUAL, within("225.3", "230", "5%"));
        assertEquals(DIFFERENT, within("250", "230", "5%"));
        assertEquals(DIFFERENT, within("200", "230", "5%"));
    }

    @Test
    void percentBoundsAreInclusive() {
        assertEquals(EQUAL, within("241.5", "230", "5%"));
        assertEquals(EQUAL, within("218.5", "230", "5%"));
        assertEquals(DIFFERENT, within("241.500001", "230", "5%"));
        assertEquals(DIFFERENT, within("218.499999", "230", "5%"));
    }

    @Test
    void absoluteToleranceAcceptsValuesInsideAndRejectsValuesOutside() {
        assertEquals(EQUAL, within("231.2", "230", "2.5"));
        assertEquals(DIFFERENT, within("233", "230", "2.5"));
        assertEquals(DIFFERENT, within("227", "230", "2.5"));
    }

    @Test
    void absoluteBoundsAreInclusive() {
        assertEquals(EQUAL, within("232.5", "230", "2.5"));
        assertEquals(EQUAL, within("227.5", "230", "2.5"));
        assertEquals(DIFFERENT, within("232.5000001", "230", "2.5"));
        assertEquals(DIFFERENT, within("227.4999999", "230", "2.5"));
    }

    @Test
    void negativeTargetUsesItsMagnitudeForPercentages() {
        assertEquals(EQUAL, within("-44", "-40", "10%"));
        assertEquals(EQUAL, within("-36", "-40", "10%"));
        assertEquals(DIFFERENT, within("-44.1", "-40", "10%"));
        assertEquals(DIFFERENT, within("40", "-40", "10%"));
    }

    @Test
    void zeroToleranceMeansNumericallyEqual() {
        assertEquals(EQUAL, within("230.00", "230", "0"));
        assertEquals(EQUAL, within("230", "230", "0%"));
        assertEquals(DIFFERENT, within("230.01", "230", "0"));
    }

    @Test
    void unsigned64BitValuesAreComparedExactly() {
        // As doubles these two are the same number.
        assertEquals(EQUAL, within("18446744073709551615", "18446744073709551615", "0"));
        assertEquals(DIFFERENT, within("18446744073709551614", "18446744073709551615", "0"));
    }

    @Test
    void scientificNotationAndSurroundingSpacesAreAccepted() {
        assertEquals(EQUAL, within("2.31E2", "230", "5%"));
        assertEquals(EQUAL, within(" 231 ", " 230 ", " 5% "));
        assertEquals(DIFFERENT, within("2.5E2", "230", "5%"));
    }

    @Test
    void nonNumbersAndMissingValuesAreDifferent() {
        for (String actual : new String[] {"abc", "", "  ", "NaN", "Infinity", "0x10", "230V"}) {
            assertEquals(DIFFERENT, within(actual, "230", "5%"), actual);
        }
        assertEquals(DIFFERENT, within(null, "230", "5%"));
    }

    @Test
    void hugeExponentsAreRejectedQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals(DIFFERENT, within("1E-999999999", "230", "5%"));
            assertEquals(DIFFERENT, within("1E999999999", "230", "5%"));
        });
    }

    @Test
    void malformedToleranceIsReportedWithThePlaceholder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> within("231", "230", "x"));
        assertEquals("${xmlunit.within(230,x)}: the tolerance must be a number or a percentage such as 5%", e.getMessage());
    }

    @Test
    void invalidArgumentsAreRejected() {
        String[][] invalid = {{}, {"230"}, {"230", "5%", "1"}, {"x", "5%"}, {"", "5%"}, {"230", "%"},
            {"230", "5 %x"}, {"230", "-5%"}, {"230", "-1"}, {"230", ""}};
        for (String[] args : invalid) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WithinPlaceholderHandler.validate(args), String.join(",", args));
            assertTrue(e.getMessage().startsWith("${xmlunit.within(" + String.join(",", args) + ")}: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertThrows(IllegalArgumentException.class, () -> within("231", args));
        }
    }

    @Test
    void validArgumentsPassValidation() {
        assertDoesNotThrow(() -> WithinPlaceholderHandler.validate("230", "5%"));
        assertDoesNotThrow(() -> WithinPlaceholderHandler.validate("-40", "2.5"));
        assertDoesNotThrow(() -> WithinPlaceholderHandler.validate(" 1e3 ", " 0.5% "));
    }

    private static boolean differs(String expected, String actual) {
        return DiffBuilder.compare(expected).withTest(actual)
                .withDifferenceEvaluator(DifferenceEvaluators.chain(
                        DifferenceEvaluators.Default, new PlaceholderDifferenceEvaluator()))
                .build().hasDifferences();
    }

    @Test
    void placeholderIsFoundThroughServiceLoaderByXmlUnit() {
        String expected = "<UInt16 Value=\"${xmlunit.within(230,5%)}\"/>";
        assertFalse(differs(expected, "<UInt16 Value=\"231\"/>"));
        assertTrue(differs(expected, "<UInt16 Value=\"250\"/>"));
    }

    @Test
    void invalidPlaceholderFailsTheComparisonWithItsMessageAsCause() {
        // DOMDifferenceEngine wraps whatever an evaluator throws.
        XMLUnitException e = assertThrows(XMLUnitException.class,
                () -> differs("<UInt16 Value=\"${xmlunit.within(230,x)}\"/>", "<UInt16 Value=\"231\"/>"));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(e.getCause().getMessage().startsWith("${xmlunit.within(230,x)}"), e.getCause().getMessage());
    }
}
