package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.device.DateTimeBytes;
import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.ObjectType;

@Tag("integration")
class ClockTest {

    private static final String CLOCK = DefaultDevice.CLOCK;
    private static final int NOT_SPECIFIED = 0x8000;

    private MeterSimulator meter;
    private TestClient client;

    @BeforeEach
    void associate() throws Exception {
        meter = MeterSimulator.start(new SimulatorOptions().port(0));
        client = TestClient.managementClient(meter).associate();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        meter.close();
    }

    @Test
    void clockRunsInUtcWithDeviationZero() throws Exception {
        byte[] time = readTime();
        assertEquals(0, time[9]);
        assertEquals(0, time[10]);
        assertEquals(0, time[11], "clock status");
        assertWithin(Instant.now(), toInstant(time), Duration.ofSeconds(2));
        GXReplyData timeZone = client.read(CLOCK, ObjectType.CLOCK, 3);
        assertEquals(0, ((Number) timeZone.getValue()).intValue());
    }

    @Test
    void clockReadAfterSetReturnsSetTimePlusElapsed() throws Exception {
        Instant set = Instant.parse("2030-06-15T10:20:30Z");
        setTime(DateTimeBytes.dateTime(2030, 6, 15, 10, 20, 30, NOT_SPECIFIED));
        long setAt = System.nanoTime();
        Thread.sleep(1200);
        Instant read = toInstant(readTime());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - setAt);
        assertWithin(set.plus(elapsed), read, Duration.ofSeconds(1));
        assertTrue(read.isAfter(set.plusSeconds(1)), "the clock keeps running: " + read);
    }

    @Test
    void setTimeWithDeviationIsConvertedToUtc() throws Exception {
        // 12:00 local with deviation -60 (local = UTC + 1 h) is 11:00 UTC.
        setTime(DateTimeBytes.dateTime(2030, 1, 10, 12, 0, 0, -60));
        assertWithin(Instant.parse("2030-01-10T11:00:00Z"), toInstant(readTime()),
                Duration.ofSeconds(2));
    }

    @Test
    void clockAdjustToQuarterRoundsToNearestQuarter() throws Exception {
        setTime(DateTimeBytes.dateTime(2030, 6, 15, 10, 22, 20, NOT_SPECIFIED));
        assertEquals(0, invoke(1, 0).getError());
        assertWithin(Instant.parse("2030-06-15T10:15:00Z"), toInstant(readTime()),
                Duration.ofSeconds(2));

        setTime(DateTimeBytes.dateTime(2030, 6, 15, 23, 52, 40, NOT_SPECIFIED));
        assertEquals(0, invoke(1, 0).getError());
        assertWithin(Instant.parse("2030-06-16T00:00:00Z"), toInstant(readTime()),
                Duration.ofSeconds(2));
    }

    @Test
    void clockAdjustToMinuteRoundsToNearestMinute() throws Exception {
        setTime(DateTimeBytes.dateTime(2030, 6, 15, 10, 22, 40, NOT_SPECIFIED));
        assertEquals(0, invoke(3, 0).getError());
        assertWithin(Instant.parse("2030-06-15T10:23:00Z"), toInstant(readTime()),
                Duration.ofSeconds(2));
    }

    @Test
    void shiftTimeMovesTheClockBySeconds() throws Exception {
        setTime(DateTimeBytes.dateTime(2030, 6, 15, 10, 0, 0, NOT_SPECIFIED));
        GXReplyData reply = client.method(CLOCK, ObjectType.CLOCK, 6, -300, DataType.INT16);
        assertEquals(0, reply.getError());
        assertWithin(Instant.parse("2030-06-15T09:55:00Z"), toInstant(readTime()),
                Duration.ofSeconds(2));
    }

    @Test
    void shiftTimeBeyondFifteenMinutesIsRefused() throws Exception {
        GXReplyData reply = client.method(CLOCK, ObjectType.CLOCK, 6, 901, DataType.INT16);
        assertEquals(ErrorCode.OTHER_REASON.getValue(), reply.getError());
    }

    private byte[] readTime() throws Exception {
        GXReplyData reply = client.read(CLOCK, ObjectType.CLOCK, 2);
        assertEquals(0, reply.getError());
        byte[] time = (byte[]) reply.getValue();
        assertEquals(12, time.length);
        return time;
    }

    private void setTime(byte[] value) throws Exception {
        GXReplyData reply = client.write(CLOCK, ObjectType.CLOCK, 2, value,
                DataType.OCTET_STRING);
        assertEquals(0, reply.getError());
    }

    private GXReplyData invoke(int method, int parameter) throws Exception {
        return client.method(CLOCK, ObjectType.CLOCK, method, parameter, DataType.INT8);
    }

    /** Reads a date-time the meter sent, which has deviation 0. */
    static Instant toInstant(byte[] v) {
        assertEquals(0, ((v[9] & 0xFF) << 8) | (v[10] & 0xFF), "deviation");
        return LocalDateTime.of(((v[0] & 0xFF) << 8) | (v[1] & 0xFF), v[2], v[3], v[5], v[6],
                v[7], (v[8] & 0xFF) * 10_000_000).toInstant(ZoneOffset.UTC);
    }

    private static void assertWithin(Instant expected, Instant actual,
            Duration tolerance) {
        Duration difference = Duration.between(expected, actual).abs();
        assertTrue(difference.compareTo(tolerance) <= 0,
                "expected " + expected + " but was " + actual);
    }
}
