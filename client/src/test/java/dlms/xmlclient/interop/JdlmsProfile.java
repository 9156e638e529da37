package dlms.xmlclient.interop;

import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAccessMode;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemSnInterfaceObject;
import org.openmuc.jdlms.IllegalAttributeAccessException;
import org.openmuc.jdlms.SelectiveAccessDescription;
import org.openmuc.jdlms.datatypes.DataObject;
import org.openmuc.jdlms.datatypes.DataObject.Type;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Profile generic (class 7, version 1): a load profile of fixed rows, one every capture period from
 * 2026-01-01 00:00 UTC, each {clock time, A+ energy}. The buffer (attribute 2) answers selective
 * access by range (selector 1, restricted by the clock column) and by entry (selector 2), both with a
 * choice of columns; capture_period (attribute 4) may be written (it does not move the fixed rows).
 */
@CosemClass(id = 7, version = 1)
public class JdlmsProfile extends CosemSnInterfaceObject {

    static final Instant FIRST_ROW = Instant.parse("2026-01-01T00:00:00Z");

    private static final int BY_RANGE = 1;
    private static final int BY_ENTRY = 2;

    @CosemAttribute(id = 2, type = Type.ARRAY, accessMode = AttributeAccessMode.READ_ONLY,
            selector = {BY_RANGE, BY_ENTRY}, snOffset = 0x08)
    private DataObject buffer;

    @CosemAttribute(id = 3, type = Type.ARRAY, accessMode = AttributeAccessMode.READ_ONLY, snOffset = 0x10)
    private DataObject captureObjects;

    @CosemAttribute(id = 4, type = Type.DOUBLE_LONG_UNSIGNED, accessMode = AttributeAccessMode.READ_AND_WRITE,
            snOffset = 0x18)
    private volatile DataObject capturePeriod;

    @CosemAttribute(id = 5, type = Type.ENUMERATE, accessMode = AttributeAccessMode.READ_ONLY, snOffset = 0x20)
    private DataObject sortMethod = DataObject.newEnumerateData(1);

    @CosemAttribute(id = 6, type = Type.STRUCTURE, accessMode = AttributeAccessMode.READ_ONLY, snOffset = 0x28)
    private DataObject sortObject = captureObject(0, new byte[6], 0, 0);

    @CosemAttribute(id = 7, type = Type.DOUBLE_LONG_UNSIGNED, accessMode = AttributeAccessMode.READ_ONLY,
            snOffset = 0x30)
    private DataObject entriesInUse;

    @CosemAttribute(id = 8, type = Type.DOUBLE_LONG_UNSIGNED, accessMode = AttributeAccessMode.READ_ONLY,
            snOffset = 0x38)
    private DataObject profileEntries;

    private final List<DataObject> columns = List.of(
            captureObject(8, new byte[] {0, 0, 1, 0, 0, (byte) 0xFF}, 2, 0),
            captureObject(3, new byte[] {1, 0, 1, 8, 0, (byte) 0xFF}, 2, 0));

    private final int rowCount;
    private final int period;

    /**
     * @param rows the rows in the buffer (entries_in_use), of profile_entries
     * @param period seconds from one row to the next (the initial capture_period)
     */
    public JdlmsProfile(int baseName, String logicalName, int rows, int profileEntries, int period) {
        super(baseName, logicalName);
        this.rowCount = rows;
        this.period = period;
        this.captureObjects = DataObject.newArrayData(columns);
        this.capturePeriod = DataObject.newUInteger32Data(period);
        this.entriesInUse = DataObject.newUInteger32Data(rows);
        this.profileEntries = DataObject.newUInteger32Data(profileEntries);
    }

    /** Row i (0-based): its time. */
    Instant rowTime(int i) {
        return FIRST_ROW.plusSeconds((long) period * i);
    }

    /** Row i (0-based): its A+ energy in Wh. */
    static long rowEnergy(int i) {
        return 1_000_000L + 150L * i + 7L * (i % 3);
    }

    public DataObject getBuffer(SelectiveAccessDescription selection) throws IllegalAttributeAccessException {
        if (selection == null) {
            return rows(0, rowCount - 1, 0, columns.size() - 1);
        }
        DataObject p = selection.getAccessParameter();
        List<DataObject> fields = structure(p);
        switch (selection.getAccessSelector()) {
            case BY_RANGE: {
                if (fields.size() != 4) {
                    throw new IllegalAttributeAccessException(AccessResultCode.TYPE_UNMATCHED);
                }
                if (column(fields.get(0)) != 0) {
                    // only the clock column restricts a range here
                    throw new IllegalAttributeAccessException(AccessResultCode.OTHER_REASON);
                }
                Instant from = instant(fields.get(1));
                Instant to = instant(fields.get(2));
                List<Integer> selected = selectedColumns(fields.get(3));
                List<DataObject> inRange = new ArrayList<>();
                for (int i = 0; i < rowCount; i++) {
                    if (!rowTime(i).isBefore(from) && !rowTime(i).isAfter(to)) {
                        inRange.add(row(i, selected));
                    }
                }
                return DataObject.newArrayData(inRange);
            }
            case BY_ENTRY: {
                if (fields.size() != 4) {
                    throw new IllegalAttributeAccessException(AccessResultCode.TYPE_UNMATCHED);
                }
                long fromEntry = number(fields.get(0));
                long toEntry = number(fields.get(1));
                long fromValue = number(fields.get(2));
                long toValue = number(fields.get(3));
                long lastEntry = toEntry == 0 ? rowCount : Math.min(toEntry, rowCount);
                long lastValue = toValue == 0 ? columns.size() : toValue;
                if (fromEntry < 1 || fromEntry > lastEntry || fromValue < 1 || fromValue > lastValue
                        || lastValue > columns.size()) {
                    throw new IllegalAttributeAccessException(AccessResultCode.OTHER_REASON);
                }
                return rows((int) fromEntry - 1, (int) lastEntry - 1, (int) fromValue - 1, (int) lastValue - 1);
            }
            default:
                throw new IllegalAttributeAccessException(AccessResultCode.OTHER_REASON);
        }
    }

    public DataObject getCapturePeriod() {
        return capturePeriod;
    }

    public void setCapturePeriod(DataObject value) throws IllegalAttributeAccessException {
        if (value.getType() != Type.DOUBLE_LONG_UNSIGNED) {
            throw new IllegalAttributeAccessException(AccessResultCode.TYPE_UNMATCHED);
        }
        capturePeriod = value;
    }

    private DataObject rows(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        List<Integer> selected = new ArrayList<>();
        for (int c = firstColumn; c <= lastColumn; c++) {
            selected.add(c);
        }
        List<DataObject> result = new ArrayList<>();
        for (int i = firstRow; i <= lastRow; i++) {
            result.add(row(i, selected));
        }
        return DataObject.newArrayData(result);
    }

    private DataObject row(int i, List<Integer> selectedColumns) {
        List<DataObject> values = new ArrayList<>();
        for (int c : selectedColumns) {
            values.add(c == 0 ? DataObject.newOctetStringData(JdlmsClock.encode(rowTime(i)))
                    : DataObject.newUInteger32Data(rowEnergy(i)));
        }
        return DataObject.newStructureData(values);
    }

    /** The columns a range selection's selected_values names; empty: all. */
    private List<Integer> selectedColumns(DataObject selectedValues) throws IllegalAttributeAccessException {
        if (selectedValues.getType() != Type.ARRAY) {
            throw new IllegalAttributeAccessException(AccessResultCode.TYPE_UNMATCHED);
        }
        List<DataObject> entries = selectedValues.getValue();
        List<Integer> selected = new ArrayList<>();
        if (entries.isEmpty()) {
            for (int c = 0; c < columns.size(); c++) {
                selected.add(c);
            }
            return selected;
        }
        for (DataObject entry : entries) {
            selected.add(column(entry));
        }
        return selected;
    }

    /** The index of the capture object a {class_id, logical_name, attribute_index, data_index} names. */
    private int column(DataObject definition) throws IllegalAttributeAccessException {
        List<DataObject> f = structure(definition);
        if (f.size() != 4 || f.get(1).getType() != Type.OCTET_STRING) {
            throw new IllegalAttributeAccessException(AccessResultCode.TYPE_UNMATCHED);
        }
        for (int c = 0; c < columns.size(); c++) {
            List<DataObject> column = columns.get(c).getValue();
            if (number(column.get(0)) == number(f.get(0))
                    && Arrays.equals(column.get(1).getValue(), (byte[]) f.get(1).getValue())
                    && number(column.get(2)) == number(f.get(2))) {
                return c;
            }
        }
        throw new IllegalAttributeAccessException(AccessResultCode.OBJECT_UNDEFINED);
    }

    private static List<DataObject> structure(DataObject d) throws IllegalAttributeAccessException {
        if (d == null || d.getType() != Type.STRUCTURE) {
            throw new IllegalAttributeAccessException(AccessResultCode.TYPE_UNMATCHED);
        }
        return d.getValue();
    }

    private static long number(DataObject d) throws IllegalAttributeAccessException {
        if (!d.isNumber()) {
            throw new IllegalAttributeAccessException(AccessResultCode.TYPE_UNMATCHED);
        }
        return ((Number) d.getValue()).longValue();
    }

    private static Instant instant(DataObject d) throws IllegalAttributeAccessException {
        if (d.getType() != Type.OCTET_STRING || ((byte[]) d.getValue()).length != 12) {
            throw new IllegalAttributeAccessException(AccessResultCode.TYPE_UNMATCHED);
        }
        ByteBuffer b = ByteBuffer.wrap(d.getValue());
        int year = b.getShort() & 0xFFFF;
        int month = b.get();
        int day = b.get();
        b.get();
        int hour = b.get();
        int minute = b.get();
        int second = b.get();
        b.get();
        short deviation = b.getShort();
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC)
                    .plusSeconds(deviation == (short) 0x8000 ? 0 : 60L * deviation);
        } catch (RuntimeException e) {
            throw new IllegalAttributeAccessException(AccessResultCode.OTHER_REASON);
        }
    }

    private static DataObject captureObject(int classId, byte[] logicalName, int attribute, int dataIndex) {
        return DataObject.newStructureData(DataObject.newUInteger16Data(classId),
                DataObject.newOctetStringData(logicalName), DataObject.newInteger8Data((byte) attribute),
                DataObject.newUInteger16Data(dataIndex));
    }
}
