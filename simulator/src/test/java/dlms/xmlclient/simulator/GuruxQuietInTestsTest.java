package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/**
 * The tests provoke gurux.dlms's SEVERE and INFO lines on purpose (a wrong authentication tag, an
 * old invocation counter, a refused HLS answer); test-logging.properties keeps them off the
 * console, as the products do, so that a green build prints none.
 */
class GuruxQuietInTestsTest {

    @Test
    void guruxLogsNothingToTheConsoleInTests() {
        assertFalse(Logger.getLogger("gurux.dlms.secure.GXSecure").isLoggable(Level.SEVERE));
        assertFalse(Logger.getLogger("gurux.dlms.GXDLMSClient").isLoggable(Level.INFO));
    }

    @Test
    void ourOwnLoggingIsNotSilenced() {
        assertEquals(true, Logger.getLogger("dlms.xmlclient").isLoggable(Level.INFO));
    }
}
