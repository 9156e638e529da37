package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSProfileGeneric;
import gurux.dlms.objects.GXDLMSRegister;

@Tag("integration")
class ProfileTest {

    private static final String PROFILE = DefaultDevice.LOAD_PROFILE;

    /** The client-side view of the load profile that gurux.dlms needs to build requests. */
    private static GXDLMSProfileGeneric profile() {
        GXDLMSProfileGeneric pg = new GXDLMSProfileGeneric(PROFILE);
        GXDLMSClock clock = new GXDLMSClock(DefaultDevice.CLOCK);
        pg.addCaptureObject(clock, 2, 0);
        pg.addCaptureObject(new GXDLMSRegister(DefaultDevice.ACTIVE_ENERGY_IMPORT), 2, 0);
        pg.setSortObject(clock);
        return pg;
    }

    private static MeterSimulator start(boolean wrapper) throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).wrapper(wrapper));
    }

    /** With short names the buffer comes in ReadResponse data blocks (block transfer with read). */
    @ParameterizedTest(name = "wrapper={0} short names={1}")
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void profileFullReadReturnsAllRowsWithBlockTransfer(boolean wrapper,
            boolean shortNames) throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .wrapper(wrapper).shortNames(shortNames));
                TestClient client = TestClient.publicClient(meter).associate()) {
            GXReplyData reply = client.read(shortNames ? SimulatorShortNameTest.LOAD_PROFILE : PROFILE,
                    ObjectType.PROFILE_GENERIC, 2);
            assertEquals(0, reply.getError());
            List<?> rows = (List<?>) reply.getValue();
            assertEquals(672, rows.size());
            assertTrue(client.dataBlocks() > 0, "the reply came in data blocks");
            assertEquals(Instant.parse("2026-01-01T00:00:00Z"), time(rows.get(0)));
            assertEquals(Instant.parse("2026-01-07T23:45:00Z"), time(rows.get(671)));
            long previous = 0;
            for (Object row : rows) {
                long energy = energy(row);
                assertTrue(energy > previous, "A+ increases");
                previous = energy;
            }
        }
    }

    @Test
    void profileReadByEntryReturnsInclusiveEntryRange() throws Exception {
        try (MeterSimulator meter = start(false);
                TestClient client = TestClient.publicClient(meter).associate()) {
            List<?> rows = rows(client.exchange(client.dlms().readRowsByEntry(profile(), 3, 10)));
            assertEquals(10, rows.size());
            assertEquals(Instant.parse("2026-01-01T00:30:00Z"), time(rows.get(0)));
            assertEquals(Instant.parse("2026-01-01T02:45:00Z"), time(rows.get(9)));
            assertEquals(2, ((List<?>) rows.get(0)).size());
        }
    }

    @Test
    void profileReadByEntryWithColumnRangeReturnsOnlyThoseColumns() throws Exception {
        try (MeterSimulator meter = start(false);
                TestClient client = TestClient.publicClient(meter).associate()) {
            List<?> all = rows(client.exchange(client.dlms().readRowsByEntry(profile(), 1, 5)));
            List<?> rows = rows(client.exchange(
                    client.dlms().readRowsByEntry(profile(), 1, 5, 2, 2)));
            assertEquals(5, rows.size());
            for (int i = 0; i != rows.size(); ++i) {
                List<?> row = (List<?>) rows.get(i);
                assertEquals(1, row.size());
                assertEquals(energy(all.get(i)), ((Number) row.get(0)).longValue());
            }
        }
    }

    @Test
    void profileReadByEntryWithToEntryZeroReadsToTheNewestEntry() throws Exception {
        try (MeterSimulator meter = start(false);
                TestClient client = TestClient.publicClient(meter).associate()) {
            List<?> rows = rows(client.exchange(client.dlms().readRowsByEntry(profile(), 670, 0)));
            assertEquals(3, rows.size());
            assertEquals(Instant.parse("2026-01-07T23:45:00Z"), time(rows.get(2)));
        }
    }

    @Test
    void profileReadByEntryBeyondTheBufferReturnsAnEmptyArray() throws Exception {
        try (MeterSimulator meter = start(false);
                TestClient client = TestClient.publicClient(meter).associate()) {
            GXReplyData reply = client.exchange(client.dlms().readRowsByEntry(profile(), 700, 5));
            assertEquals(0, rows(reply).size());
        }
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void profileReadByRangeReturnsOneDayInclusive(boolean wrapper) throws Exception {
        try (MeterSimulator meter = start(wrapper);
                TestClient client = TestClient.publicClient(meter).associate()) {
            List<?> rows = rows(client.exchange(client.dlms().readRowsByRange(profile(),
                    utc(2026, 1, 2, 0, 0), utc(2026, 1, 2, 23, 45), null)));
            assertEquals(96, rows.size());
            assertEquals(Instant.parse("2026-01-02T00:00:00Z"), time(rows.get(0)));
            assertEquals(Instant.parse("2026-01-02T23:45:00Z"), time(rows.get(95)));
        }
    }

    @Test
    void profileReadByRangeOutsideTheBufferReturnsAnEmptyArray() throws Exception {
        try (MeterSimulator meter = start(false);
                TestClient client = TestClient.publicClient(meter).associate()) {
            GXReplyData reply = client.exchange(client.dlms().readRowsByRange(profile(),
                    utc(2025, 1, 1, 0, 0), utc(2025, 12, 31, 0, 0), null));
            assertEquals(0, rows(reply).size());
        }
    }

    @Test
    void profileCaptureAppendsARowAndResetEmptiesTheBuffer() throws Exception {
        try (MeterSimulator meter = start(false);
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals(0, client.method(PROFILE, ObjectType.PROFILE_GENERIC, 2, 0,
                    DataType.INT8).getError());
            List<?> newest = rows(client.exchange(client.dlms().readRowsByEntry(profile(), 672, 0)));
            assertEquals(1, newest.size());
            assertTrue(time(newest.get(0)).isAfter(Instant.parse("2026-01-08T00:00:00Z")));
            assertEquals(672, ((Number) client.read(PROFILE, ObjectType.PROFILE_GENERIC, 7)
                    .getValue()).intValue());

            assertEquals(0, client.method(PROFILE, ObjectType.PROFILE_GENERIC, 1, 0,
                    DataType.INT8).getError());
            assertEquals(0, rows(client.read(PROFILE, ObjectType.PROFILE_GENERIC, 2)).size());
            assertEquals(0, ((Number) client.read(PROFILE, ObjectType.PROFILE_GENERIC, 7)
                    .getValue()).intValue());
        }
    }

    @Test
    void managementClientWritesTheCapturePeriodWhichClearsTheBuffer() throws Exception {
        try (MeterSimulator meter = start(false);
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals(0, client.write(PROFILE, ObjectType.PROFILE_GENERIC, 4, 1800L,
                    DataType.UINT32).getError());
            assertEquals(1800L, ((Number) client.read(PROFILE, ObjectType.PROFILE_GENERIC, 4)
                    .getValue()).longValue());
            assertEquals(0, ((Number) client.read(PROFILE, ObjectType.PROFILE_GENERIC, 7)
                    .getValue()).intValue());
        }
    }

    @Test
    void profileAttributesDescribeTheLoadProfile() throws Exception {
        try (MeterSimulator meter = start(false);
                TestClient client = TestClient.publicClient(meter).associate()) {
            List<?> captureObjects = (List<?>) client.read(PROFILE, ObjectType.PROFILE_GENERIC, 3)
                    .getValue();
            assertEquals(2, captureObjects.size());
            assertEquals(8, ((Number) ((List<?>) captureObjects.get(0)).get(0)).intValue());
            assertEquals(900L, ((Number) client.read(PROFILE, ObjectType.PROFILE_GENERIC, 4)
                    .getValue()).longValue());
            assertEquals(1, ((Number) client.read(PROFILE, ObjectType.PROFILE_GENERIC, 5)
                    .getValue()).intValue());
            assertEquals(672, ((Number) client.read(PROFILE, ObjectType.PROFILE_GENERIC, 8)
                    .getValue()).intValue());
        }
    }

    /** The rows of a buffer read; gurux.dlms's client gives null for an empty array. */
    private static List<?> rows(GXReplyData reply) {
        assertEquals(0, reply.getError());
        if (reply.getValue() == null) {
            assertArrayEquals(new byte[] {1, 0}, reply.getData().array(), "empty array");
            return List.of();
        }
        return (List<?>) reply.getValue();
    }

    private static Instant time(Object row) {
        Object cell = ((List<?>) row).get(0);
        assertInstanceOf(byte[].class, cell);
        return ClockTest.toInstant((byte[]) cell);
    }

    private static long energy(Object row) {
        return ((Number) ((List<?>) row).get(1)).longValue();
    }

    private static Calendar utc(int year, int month, int day, int hour,
            int minute) {
        Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        c.clear();
        c.set(year, month - 1, day, hour, minute, 0);
        return c;
    }
}
