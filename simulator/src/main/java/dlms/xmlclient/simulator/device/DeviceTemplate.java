package dlms.xmlclient.simulator.device;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSProfileGeneric;

/**
 * Makes the devices of a fleet: the built-in device, or a device file read once and parsed for
 * each meter (each meter has objects of its own, which clients may change). What the meters
 * would only hold in identical copies is shared: the rows of the profile buffers. A row is never
 * changed in place (a capture adds a new row, a reset or a write of the buffer replaces the
 * list), so the meters can hold the same row arrays; without that the built-in load profile
 * alone takes some 60 KiB a meter.
 */
public final class DeviceTemplate {

    private final Path file;
    private final byte[] xml;
    private final Map<String, Integer> periods;
    /**
     * Rows of the first device's profiles by logical name; null until it is made, then only
     * read (by the threads of {@link #createAll} too).
     */
    private volatile Map<String, Object[]> firstRows;

    private DeviceTemplate(Path file, byte[] xml,
            Map<String, Integer> periods) {
        this.file = file;
        this.xml = xml;
        this.periods = periods;
    }

    /**
     * @param file device file, null for the built-in device
     * @return the template
     * @throws DeviceFileException when the file cannot be read or is not a device file
     */
    public static DeviceTemplate of(Path file) throws DeviceFileException {
        if (file == null) {
            return new DeviceTemplate(null, null, Map.of());
        }
        byte[] xml = DeviceFile.read(file);
        return new DeviceTemplate(file, xml, DeviceFile.capturePeriods(xml, file));
    }

    /**
     * @param serialNumber the meter's serial number, put in its serial-number object
     * @return a new device
     * @throws DeviceFileException when the file is not a device file
     */
    public GXDLMSObjectCollection create(long serialNumber) throws DeviceFileException {
        GXDLMSObjectCollection device = file == null ? DefaultDevice.create()
                : DeviceFile.parse(xml, periods, file);
        DefaultDevice.setSerialNumber(device, serialNumber);
        if (firstRows == null) {
            Map<String, Object[]> rows = new HashMap<>();
            for (GXDLMSObject it : device.getObjects(ObjectType.PROFILE_GENERIC)) {
                rows.put(it.getLogicalName(), ((GXDLMSProfileGeneric) it).getBuffer());
            }
            firstRows = rows;
        } else {
            shareRows(device);
        }
        return device;
    }

    /**
     * Makes the devices of a fleet, parsing a device file on every core: 5 ms a meter adds up
     * for a thousand. The threads end before it returns.
     *
     * @param firstSerialNumber serial number of the first device; each next one has the next
     * @param count how many
     * @return the devices, in serial-number order
     * @throws DeviceFileException when the file is not a device file
     */
    public List<GXDLMSObjectCollection> createAll(long firstSerialNumber, int count)
            throws DeviceFileException {
        List<GXDLMSObjectCollection> devices = new ArrayList<>(count);
        devices.add(create(firstSerialNumber)); // the rows to share, before the others
        int threads = Math.min(count - 1, Runtime.getRuntime().availableProcessors());
        if (file == null || threads < 2) {
            for (int i = 1; i < count; ++i) {
                devices.add(create(firstSerialNumber + i));
            }
            return devices;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, body -> {
            Thread t = new Thread(body, "simulator fleet device file");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<GXDLMSObjectCollection>> made = new ArrayList<>(count);
            for (int i = 1; i < count; ++i) {
                long serialNumber = firstSerialNumber + i;
                made.add(pool.submit(() -> create(serialNumber)));
            }
            for (Future<GXDLMSObjectCollection> f : made) {
                devices.add(f.get());
            }
            return devices;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeviceFileException) {
                throw (DeviceFileException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceFileException("interrupted while loading " + file, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Puts the first device's row in place of every equal row of the device's profiles. */
    private void shareRows(GXDLMSObjectCollection device) {
        for (GXDLMSObject it : device.getObjects(ObjectType.PROFILE_GENERIC)) {
            GXDLMSProfileGeneric pg = (GXDLMSProfileGeneric) it;
            Object[] shared = firstRows.get(pg.getLogicalName());
            if (shared == null) {
                continue;
            }
            Object[] rows = pg.getBuffer();
            Object[][] merged = new Object[rows.length][];
            for (int i = 0; i != rows.length; ++i) {
                Object[] row = (Object[]) rows[i];
                merged[i] = i < shared.length && Arrays.deepEquals(row, (Object[]) shared[i])
                        ? (Object[]) shared[i] : row;
            }
            int entriesInUse = pg.getEntriesInUse();
            pg.setBuffer(merged);
            pg.setEntriesInUse(entriesInUse); // as the device says, not the row count
        }
    }
}
