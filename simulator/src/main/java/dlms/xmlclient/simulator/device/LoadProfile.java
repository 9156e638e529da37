package dlms.xmlclient.simulator.device;

import java.time.Instant;
import java.util.Random;

import gurux.dlms.GXUInt32;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSProfileGeneric;
import gurux.dlms.objects.GXDLMSRegister;
import gurux.dlms.objects.enums.SortMethod;

/**
 * The built-in load profile 1.0.99.1.0.255: seven days of 15-minute rows {clock time, A+}
 * from 2026-01-01T00:00:00Z to 2026-01-07T23:45:00Z. Time cells are stored as the 12-byte
 * date-time octet strings the meter sends (UTC, deviation 0, status 0), which also survive a
 * device-file save and load unchanged.
 */
public final class LoadProfile {

    /** Time stamp of the first (oldest) row. */
    static final Instant FIRST_ROW = Instant.parse("2026-01-01T00:00:00Z");
    /** Capture period in seconds. */
    static final int CAPTURE_PERIOD = 900;
    /** Number of rows: 7 days of 96 quarter hours. */
    public static final int ROWS = 7 * 96;

    private LoadProfile() {
    }

    /**
     * Adds the load profile to the device.
     *
     * @param objects device to add to
     * @param clock the clock captured in column 1
     * @param energy the A+ register captured in column 2
     * @param random source of the energy increments
     * @return the A+ value of the newest row, in Wh
     */
    static long addDefault(GXDLMSObjectCollection objects, GXDLMSClock clock,
            GXDLMSRegister energy, Random random) {
        GXDLMSProfileGeneric pg = new GXDLMSProfileGeneric(DefaultDevice.LOAD_PROFILE);
        pg.addCaptureObject(clock, 2, 0);
        pg.addCaptureObject(energy, 2, 0);
        pg.setCapturePeriod(CAPTURE_PERIOD);
        pg.setSortMethod(SortMethod.FIFO);
        pg.setSortObject(clock);
        long energyWh = 1_000_000L + random.nextInt(1_000_000);
        for (int row = 0; row != ROWS; ++row) {
            Instant time = FIRST_ROW.plusSeconds((long) row * CAPTURE_PERIOD);
            energyWh += 1 + random.nextInt(250);
            pg.addRow(new Object[] {DlmsDateTime.encode(time), new GXUInt32(energyWh)});
        }
        pg.setEntriesInUse(ROWS);
        pg.setProfileEntries(ROWS);
        objects.add(pg);
        return energyWh;
    }
}
