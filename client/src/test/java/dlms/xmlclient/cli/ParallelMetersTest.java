package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;

class ParallelMetersTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int parallel(int meters, long openLimit, String... args) throws Exception {
        return ParallelMeters.of(FlagValues.of(new DefaultParser().parse(ClientOptions.definitions(), args)), meters,
                new PrintStream(err, true, StandardCharsets.UTF_8), openLimit);
    }

    @Test
    void thousandsAreAcceptedAndNoMoreRunThanTheFleetHasMeters() throws Exception {
        assertEquals(5000, parallel(10_000, 1_048_576, "--parallel", "5000"));
        assertEquals(300, parallel(300, 1_048_576, "--parallel", "5000"));
        assertEquals(8, parallel(10_000, 1_048_576), "the default");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void moreThanTheFileDescriptorsAllowIsLoweredWithANotice() throws Exception {
        assertEquals(312, parallel(10_000, 1000, "--parallel", "2000"));
        String notice = err.toString(StandardCharsets.UTF_8);
        assertTrue(notice.startsWith("xmlclient: --parallel 2000 lowered to 312: each meter in flight holds 3 files"
                + " open, and the process may open 1000 (ulimit -n)"), notice);
    }

    @Test
    void anOpenEndedRunIsBoundOnlyByTheFlagAndTheLimit() throws Exception {
        assertEquals(64, parallel(0, 0, "--parallel", "64"));
    }

    @Test
    void aValueOutOfRangeNamesTheFlag() {
        UsageException e = assertThrows(UsageException.class, () -> parallel(10, 1000, "--parallel", "0"));
        assertTrue(e.getMessage().startsWith("--parallel 0"), e.getMessage());
    }
}
