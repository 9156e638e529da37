package dlms.xmlclient.cli;

import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Pure tier: how a mistyped command line is told. */
class UsageErrorsTest {

    @Test
    void aMistypedLongOptionGetsTheOneItWasMeantToBe() {
        assertEquals("unknown option --expceted (did you mean --expected?)", parse("--expceted", "e"));
        assertEquals("unknown option --wait-tme (did you mean --wait-time?)", parse("--wait-tme", "5"));
    }

    @Test
    void aMistypedSecretIsNeverEchoedEvenWithASuggestion() {
        assertEquals("unknown option --pasword=… (did you mean --password?)", parse("--pasword=Secret-42"));
    }

    @Test
    void aNameNearNothingOrNearTwoGetsNoSuggestion() {
        assertEquals("unknown option --frobnicate", parse("--frobnicate"));
        assertEquals(Optional.empty(), UsageErrors.nearest("-Q"));
    }

    private static String parse(String... args) {
        ParseException e = assertThrows(ParseException.class,
                () -> new DefaultParser().parse(ClientOptions.definitions(), args));
        return UsageErrors.of(e);
    }
}
