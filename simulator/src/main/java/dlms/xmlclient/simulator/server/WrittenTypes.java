package dlms.xmlclient.simulator.server;

import java.util.List;
import java.util.Locale;

import dlms.xmlclient.simulator.log.SimulatorLog;
import gurux.dlms.GXDLMSConverter;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.objects.GXDLMSObject;

/**
 * A Set or Write of a value whose type is not the attribute's is refused with
 * type-unmatched, and the attribute keeps its value (Blue Book: each attribute has its data
 * type; a CHOICE such as a Data or Register value is fixed by the instance). gurux.dlms 4.0.47
 * stores whatever arrives, and then cannot encode the attribute, answering every later Get
 * read-write-denied.
 * <p>
 * The attribute's type is the one declared for it, else that of its current value, the type a
 * Get returns. An attribute with neither (a Data object holding null-data, say) takes any type.
 * null-data is a type like the others: refused where the attribute has another. The value
 * arrives decoded by gurux.dlms, which tells some wire types apart only by their Java type: a
 * visible-string and a utf8-string are both a string here, and an octet-string written to an
 * attribute declared date-time (or date, or time) arrives converted to it; both are taken.
 * A structure must have the current one's element count and element types; every element of an
 * array must be of the type of the current array's first element.
 */
final class WrittenTypes {

    private WrittenTypes() {
    }

    /**
     * Refuses the write when its value does not have the attribute's type: error
     * type-unmatched, handled (gurux.dlms then leaves the attribute as it is), and a log line
     * naming both types.
     *
     * @param e a write of one attribute
     * @param log the meter's log
     * @return true when refused
     */
    static boolean refusedUnmatched(ValueEventArgs e, SimulatorLog log) {
        GXDLMSObject target = e.getTarget();
        if (target == null) {
            return false;
        }
        Object current = currentValue(e);
        DataType expected = declared(target, e.getIndex());
        if (expected == DataType.NONE) {
            expected = current == null ? null : typeOf(current);
        }
        if (expected == null || fits(e.getValue(), expected, current)) {
            return false;
        }
        log.info("write of " + target.getObjectType() + " " + target.getLogicalName()
                + " attribute " + e.getIndex() + " refused with type-unmatched: "
                + name(typeOf(e.getValue())) + " sent, the attribute is " + name(expected));
        e.setError(ErrorCode.UNMATCHED_TYPE);
        e.setHandled(true);
        return true;
    }

    /**
     * @param current the attribute's current value for an element-wise check of a structure or
     *            array, null when not known
     */
    private static boolean fits(Object value, DataType expected, Object current) {
        DataType type = typeOf(value);
        if (type == null) {
            return true; // a Java type gurux.dlms does not map: nothing to judge by
        }
        if (type != expected && !(type == DataType.STRING && expected == DataType.STRING_UTF8)) {
            return false;
        }
        if (!(value instanceof List<?> elements) || !(current instanceof List<?> model)) {
            return true;
        }
        if (type == DataType.STRUCTURE) {
            if (elements.size() != model.size()) {
                return false;
            }
            for (int i = 0; i != elements.size(); ++i) {
                if (!fitsElement(elements.get(i), model.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (model.isEmpty()) {
            return true;
        }
        for (Object element : elements) {
            if (!fitsElement(element, model.get(0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsElement(Object element, Object model) {
        DataType expected = model == null ? DataType.NONE : typeOf(model);
        return expected == null || fits(element, expected, model);
    }

    /** @return the attribute's declared type, NONE when it has none */
    private static DataType declared(GXDLMSObject target, int index) {
        try {
            DataType type = target.getDataType(index);
            return type == null ? DataType.NONE : type;
        } catch (RuntimeException noSuchAttribute) {
            return DataType.NONE;
        }
    }

    /** @return the attribute's value as gurux.dlms holds it, null when it has none */
    private static Object currentValue(ValueEventArgs e) {
        try {
            ValueEventArgs read = new ValueEventArgs(e.getSettings(), e.getTarget(), e.getIndex(),
                    0, null);
            Object value = e.getTarget().getValue(e.getSettings(), read);
            if (value instanceof byte[] bytes && read.isByteArray()) {
                // Already encoded: its first byte is the tag of the type a Get returns.
                return bytes.length == 0 ? null : new Encoded(DataType.forValue(bytes[0] & 0xFF));
            }
            return value;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** @return the DLMS type of a decoded value (null-data for null), null when unknown */
    private static DataType typeOf(Object value) {
        if (value instanceof Encoded encoded) {
            return encoded.type();
        }
        try {
            return GXDLMSConverter.getDLMSDataType(value);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /** @return the Blue Book's name of a type, e.g. double-long-unsigned */
    static String name(DataType type) {
        if (type == null) {
            return "a value of unknown type";
        }
        return switch (type) {
            case NONE -> "null-data";
            case BITSTRING -> "bit-string";
            case INT32 -> "double-long";
            case UINT32 -> "double-long-unsigned";
            case OCTET_STRING -> "octet-string";
            case STRING -> "visible-string";
            case STRING_UTF8 -> "utf8-string";
            case INT8 -> "integer";
            case INT16 -> "long";
            case UINT8 -> "unsigned";
            case UINT16 -> "long-unsigned";
            case INT64 -> "long64";
            case UINT64 -> "long64-unsigned";
            case ENUM -> "enum";
            case FLOAT32 -> "float32";
            case FLOAT64 -> "float64";
            case DATETIME -> "date-time";
            case COMPACT_ARRAY -> "compact-array";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    /** A current value gurux.dlms already encoded: only its type is known. */
    private record Encoded(DataType type) {
    }
}
