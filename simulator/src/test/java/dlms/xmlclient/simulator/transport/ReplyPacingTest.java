package dlms.xmlclient.simulator.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ReplyPacingTest {

    @Test
    void jitterStaysWithinTheLatencyPlusOrMinusTheJitter() {
        ReplyPacing pacing = new ReplyPacing(200, 50, 0);
        for (int i = 0; i != 1000; ++i) {
            long millis = TimeUnit.NANOSECONDS.toMillis(pacing.delayNanos());
            assertTrue(millis >= 150 && millis <= 250, "delay " + millis);
        }
    }

    @Test
    void jitterLargerThanTheLatencyNeverMakesTheDelayNegative() {
        ReplyPacing pacing = new ReplyPacing(10, 1000, 0);
        for (int i = 0; i != 1000; ++i) {
            assertTrue(pacing.delayNanos() >= 0);
        }
    }

    @Test
    void nineHundredSixtyBytesTakeOneSecondAt9600Baud() {
        assertEquals(TimeUnit.SECONDS.toNanos(1), new ReplyPacing(0, 0, 9600).lineNanos(960));
        assertEquals(0, new ReplyPacing(100, 0, 0).lineNanos(960));
    }

    @Test
    void bytesAreWrittenATwentyMillisecondTickAtATimeAndAtLeastOne() {
        assertEquals(19, new ReplyPacing(0, 0, 9600).chunkBytes());
        assertEquals(1, new ReplyPacing(0, 0, 300).chunkBytes());
    }

    @Test
    void outOfRangeValuesNameTheirOption() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new ReplyPacing(60_001, 0, 0)).getMessage().contains("--latency"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new ReplyPacing(0, -1, 0)).getMessage().contains("--latency"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new ReplyPacing(0, 0, 299)).getMessage().contains("--baud"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new ReplyPacing(0, 0, 115_201)).getMessage().contains("--baud"));
    }

    @Test
    void describesWhatIsSet() {
        assertEquals("latency 200 ms ± 50, 9600 baud", new ReplyPacing(200, 50, 9600).describe());
        assertEquals("latency 300 ms", new ReplyPacing(300, 0, 0).describe());
        assertEquals("1200 baud", new ReplyPacing(0, 0, 1200).describe());
        assertTrue(ReplyPacing.NONE.isNone());
    }
}
