package dlms.xmlclient.simulator.device;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map.Entry;

import gurux.dlms.GXDateTime;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.objects.GXDLMSCaptureObject;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSProfileGeneric;

/**
 * Which rows and columns of a profile buffer a read selects, following the Blue Book (not
 * gurux.dlms 4.0.47, whose getProfileGenericData reads to_entry and to_selected_value as counts):
 * <ul>
 * <li>no selective access: every row, every column;</li>
 * <li>selector 1, range_descriptor {restricting_object, from_value, to_value,
 * selected_values}: rows whose restricting value lies in [from_value, to_value], inclusive;
 * date-time values are compared as instants (deviation "not specified" = UTC); an empty
 * selected_values selects every column;</li>
 * <li>selector 2, entry_descriptor {from_entry, to_entry, from_selected_value,
 * to_selected_value}: 1-based and inclusive, to_entry 0 = the newest entry and
 * to_selected_value 0 = the last column; entries beyond the buffer select no rows.</li>
 * </ul>
 * Malformed parameters, unknown capture objects and column ranges outside the capture objects
 * are refused with other-reason; an unknown selector with read-write-denied.
 */
public final class ProfileSelection {

    /** A read the meter refuses, with the data-access-result to answer. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final ErrorCode result;

        public Refused(ErrorCode result, String reason) {
            super(reason);
            this.result = result;
        }

        public ErrorCode result() {
            return result;
        }
    }

    private final int[] rows;
    private final int[] columns;

    private ProfileSelection(int[] rows, int[] columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /** @return 0-based buffer row indexes, oldest first */
    int[] rows() {
        return rows.clone();
    }

    /** @return 0-based capture object indexes */
    int[] columns() {
        return columns.clone();
    }

    /**
     * @param pg the profile read
     * @param selector access selector, 0 = none
     * @param parameters access parameters as parsed by gurux.dlms
     * @return the selection
     * @throws Refused when the parameters cannot be served
     */
    static ProfileSelection of(GXDLMSProfileGeneric pg, int selector,
            Object parameters) throws Refused {
        int rowCount = pg.getBuffer().length;
        int columnCount = pg.getCaptureObjects().size();
        switch (selector) {
        case 0:
            return new ProfileSelection(range(0, rowCount), range(0, columnCount));
        case 1:
            return byRange(pg, list(parameters, 4, "range_descriptor"));
        case 2:
            return byEntry(rowCount, columnCount, list(parameters, 4, "entry_descriptor"));
        default:
            throw new Refused(ErrorCode.READ_WRITE_DENIED, "unsupported selector " + selector);
        }
    }

    private static ProfileSelection byEntry(int rowCount, int columnCount,
            List<?> p) throws Refused {
        long fromEntry = Math.max(1, number(p.get(0), "from_entry"));
        long toEntry = number(p.get(1), "to_entry");
        long fromColumn = Math.max(1, number(p.get(2), "from_selected_value"));
        long toColumn = number(p.get(3), "to_selected_value");
        long lastRow = toEntry == 0 ? rowCount : Math.min(toEntry, rowCount);
        long lastColumn = toColumn == 0 ? columnCount : Math.min(toColumn, columnCount);
        if (fromColumn > lastColumn) {
            throw new Refused(ErrorCode.OTHER_REASON, "no columns " + fromColumn + ".." + toColumn);
        }
        int[] rows = fromEntry > lastRow ? new int[0]
                : range((int) fromEntry - 1, (int) lastRow);
        return new ProfileSelection(rows, range((int) fromColumn - 1, (int) lastColumn));
    }

    private static ProfileSelection byRange(GXDLMSProfileGeneric pg, List<?> p)
            throws Refused {
        int column = column(pg, p.get(0));
        Comparable<Object> from = key(p.get(1));
        Comparable<Object> to = key(p.get(2));
        if (from == null || to == null) {
            throw new Refused(ErrorCode.OTHER_REASON, "from_value/to_value not comparable");
        }
        List<?> selected = list(p.get(3), -1, "selected_values");
        int[] columns;
        if (selected.isEmpty()) {
            columns = range(0, pg.getCaptureObjects().size());
        } else {
            columns = selected.stream().mapToInt(it -> {
                try {
                    return column(pg, it);
                } catch (Refused e) {
                    return -1;
                }
            }).sorted().distinct().toArray();
            if (columns.length == 0 || columns[0] < 0) {
                throw new Refused(ErrorCode.OTHER_REASON, "unknown selected_values");
            }
        }
        List<Integer> rows = new ArrayList<>();
        Object[] buffer = pg.getBuffer();
        for (int row = 0; row != buffer.length; ++row) {
            Object[] cells = (Object[]) buffer[row];
            Comparable<Object> value = column < cells.length ? key(cells[column]) : null;
            if (value != null && value.getClass() == from.getClass()
                    && value.getClass() == to.getClass()
                    && from.compareTo(value) <= 0 && value.compareTo(to) <= 0) {
                rows.add(row);
            }
        }
        return new ProfileSelection(rows.stream().mapToInt(Integer::intValue).toArray(), columns);
    }

    /** Finds the capture object a capture_object_definition names. */
    private static int column(GXDLMSProfileGeneric pg, Object definition)
            throws Refused {
        List<?> d = list(definition, 4, "capture_object_definition");
        long classId = number(d.get(0), "class_id");
        if (!(d.get(1) instanceof byte[]) || ((byte[]) d.get(1)).length != 6) {
            throw new Refused(ErrorCode.OTHER_REASON, "logical_name is not 6 bytes");
        }
        byte[] ln = (byte[]) d.get(1);
        long attribute = number(d.get(2), "attribute_index");
        int pos = 0;
        for (Entry<GXDLMSObject, GXDLMSCaptureObject> it : pg.getCaptureObjects()) {
            if (it.getKey().getObjectType().getValue() == classId
                    && Arrays.equals(lnBytes(it.getKey().getLogicalName()), ln)
                    && it.getValue().getAttributeIndex() == attribute) {
                return pos;
            }
            ++pos;
        }
        throw new Refused(ErrorCode.OTHER_REASON, "not a capture object");
    }

    private static byte[] lnBytes(String ln) {
        String[] parts = ln.split("\\.");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i != parts.length; ++i) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    /** A value as something comparable: an instant for date-times, a number otherwise. */
    @SuppressWarnings("unchecked")
    private static Comparable<Object> key(Object value) {
        Comparable<?> key = null;
        if (value instanceof byte[] && ((byte[]) value).length == DlmsDateTime.LENGTH) {
            try {
                key = DlmsDateTime.decode((byte[]) value);
            } catch (IllegalArgumentException e) {
                key = null;
            }
        } else if (value instanceof GXDateTime) {
            key = Instant.ofEpochMilli(((GXDateTime) value).getMeterCalendar().getTimeInMillis());
        } else if (value instanceof Double || value instanceof Float) {
            key = BigDecimal.valueOf(((Number) value).doubleValue());
        } else if (value instanceof Number) {
            key = BigDecimal.valueOf(((Number) value).longValue());
        }
        return (Comparable<Object>) key;
    }

    private static List<?> list(Object value, int size, String what)
            throws Refused {
        if (!(value instanceof List) || (size >= 0 && ((List<?>) value).size() != size)) {
            throw new Refused(ErrorCode.OTHER_REASON, "malformed " + what);
        }
        return (List<?>) value;
    }

    private static long number(Object value, String what) throws Refused {
        if (!(value instanceof Number)) {
            throw new Refused(ErrorCode.OTHER_REASON, what + " is not a number");
        }
        return ((Number) value).longValue();
    }

    private static int[] range(int from, int toExclusive) {
        int[] values = new int[Math.max(0, toExclusive - from)];
        for (int i = 0; i != values.length; ++i) {
            values[i] = from + i;
        }
        return values;
    }
}
