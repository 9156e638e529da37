package dlms.xmlclient.simulator.device;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSConverter;
import gurux.dlms.GXDLMSSettings;
import gurux.dlms.GXDateTime;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.internal.GXCommon;
import gurux.dlms.objects.GXDLMSCaptureObject;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSProfileGeneric;

/**
 * Profile generic (class 7) buffer: reads of attribute 2, with or without selective access
 * (see {@link ProfileSelection}), encoded here as an array of structures; and the methods
 * 1 reset and 2 capture. A reply bigger than the negotiated PDU goes out with block transfer:
 * gurux.dlms keeps the unsent rest of a handled byte-array value as a long transaction.
 */
public final class ProfileBuffer {

    private final MeterClock clock;

    /** @param clock the clock that time-stamps captured rows */
    ProfileBuffer(MeterClock clock) {
        this.clock = clock;
    }

    /**
     * Answers a read of attribute 2: sets the encoded value, or the error, and marks it handled.
     *
     * @param e the read event
     * @param pg the profile read
     */
    void read(ValueEventArgs e, GXDLMSProfileGeneric pg) {
        e.setByteArray(true);
        e.setHandled(true);
        try {
            ProfileSelection selection = ProfileSelection.of(pg, e.getSelector(),
                    e.getParameters());
            e.setValue(encode(pg, selection, e.getSettings()));
        } catch (ProfileSelection.Refused refused) {
            e.setError(refused.result());
            e.setValue(new byte[0]);
        }
    }

    /**
     * @param pg the profile
     * @param method 1 reset (empty the buffer), 2 capture (append a row now)
     * @return the action result
     */
    ErrorCode invoke(GXDLMSProfileGeneric pg, int method) {
        synchronized (pg) {
            if (method == 1) {
                pg.clearBuffer();
                pg.setEntriesInUse(0);
                return ErrorCode.OK;
            }
            if (method == 2) {
                capture(pg);
                return ErrorCode.OK;
            }
        }
        return ErrorCode.READ_WRITE_DENIED;
    }

    /**
     * gurux.dlms starts a capture thread for every profile with a capture period when the server
     * is initialised; it would append rows to the fixed profile (timed by the host clock and
     * time zone) and keep a thread alive. The capture period is hidden while initialising.
     *
     * @param objects the served objects
     * @param initialize initialises the server
     */
    public static void initializeWithoutCaptureThreads(GXDLMSObjectCollection objects,
            Runnable initialize) {
        Map<GXDLMSProfileGeneric, Long> periods = new IdentityHashMap<>();
        for (GXDLMSObject it : objects.getObjects(ObjectType.PROFILE_GENERIC)) {
            GXDLMSProfileGeneric pg = (GXDLMSProfileGeneric) it;
            periods.put(pg, pg.getCapturePeriod());
            pg.setCapturePeriod(0);
        }
        try {
            initialize.run();
        } finally {
            periods.forEach(GXDLMSProfileGeneric::setCapturePeriod);
        }
    }

    private void capture(GXDLMSProfileGeneric pg) {
        List<Entry<GXDLMSObject, GXDLMSCaptureObject>> columns = pg.getCaptureObjects();
        Object[] row = new Object[columns.size()];
        int pos = 0;
        for (Entry<GXDLMSObject, GXDLMSCaptureObject> it : columns) {
            int attribute = it.getValue().getAttributeIndex();
            if (it.getKey() instanceof GXDLMSClock && attribute == 2) {
                row[pos] = DlmsDateTime.encode(clock.now((GXDLMSClock) it.getKey()));
            } else if (attribute >= 1 && attribute <= it.getKey().getAttributeCount()) {
                row[pos] = it.getKey().getValues()[attribute - 1];
            }
            ++pos;
        }
        Object[] buffer = pg.getBuffer();
        int limit = pg.getProfileEntries();
        if (limit != 0 && buffer.length >= limit) {
            Object[][] kept = new Object[limit - 1][];
            for (int i = 0; i != kept.length; ++i) {
                kept[i] = (Object[]) buffer[buffer.length - kept.length + i];
            }
            pg.setBuffer(kept);
        }
        pg.addRow(row);
        pg.setEntriesInUse(pg.getBuffer().length);
    }

    /**
     * @param pg the profile
     * @param selection rows and columns to encode
     * @param settings DLMS settings of the server
     * @return array of structures, one per row, DLMS encoded
     */
    static byte[] encode(GXDLMSProfileGeneric pg, ProfileSelection selection,
            GXDLMSSettings settings) {
        Object[] buffer = pg.getBuffer();
        int[] columns = selection.columns();
        int[] rows = selection.rows();
        // Sized ahead: gurux.dlms's buffer grows by a few bytes at a time, copying all it holds,
        // which made a 672-row read quadratic (most of a fleet's simulator time). A cell is 14
        // bytes at most in the built-in profiles (a date-time); a larger one still grows it.
        GXByteBuffer bb = new GXByteBuffer(8 + rows.length * (2 + columns.length * 14));
        bb.setUInt8(DataType.ARRAY.getValue());
        GXCommon.setObjectCount(rows.length, bb);
        for (int row : rows) {
            Object[] cells = (Object[]) buffer[row];
            bb.setUInt8(DataType.STRUCTURE.getValue());
            GXCommon.setObjectCount(columns.length, bb);
            for (int column : columns) {
                Entry<GXDLMSObject, GXDLMSCaptureObject> co = pg.getCaptureObjects().get(column);
                Object cell = column < cells.length ? cells[column] : null;
                appendCell(settings, bb, declaredType(co), cell);
            }
        }
        return bb.array();
    }

    private static void appendCell(GXDLMSSettings settings, GXByteBuffer bb,
            DataType declared, Object cell) {
        Object value = cell;
        if (value instanceof GXDateTime) {
            value = DlmsDateTime.encode(Instant.ofEpochMilli(
                    ((GXDateTime) value).getMeterCalendar().getTimeInMillis()));
        }
        DataType type = declared;
        if (value == null) {
            type = DataType.NONE;
        } else if (type == DataType.NONE || type == DataType.DATETIME) {
            type = GXDLMSConverter.getDLMSDataType(value);
        }
        int start = bb.size();
        try {
            GXCommon.setData(settings, bb, type, value);
        } catch (RuntimeException e) {
            // The declared type does not fit the stored value: encode the value as it is.
            bb.size(start);
            GXCommon.setData(settings, bb, GXDLMSConverter.getDLMSDataType(value), value);
        }
    }

    private static DataType declaredType(Entry<GXDLMSObject, GXDLMSCaptureObject> co) {
        try {
            return co.getKey().getDataType(co.getValue().getAttributeIndex());
        } catch (RuntimeException e) {
            return DataType.NONE;
        }
    }
}
