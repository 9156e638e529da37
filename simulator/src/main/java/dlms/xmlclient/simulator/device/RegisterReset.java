package dlms.xmlclient.simulator.device;

import gurux.dlms.GXDLMSConverter;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.DataType;
import gurux.dlms.objects.GXDLMSRegister;
import java.util.EnumSet;
import java.util.Set;

/**
 * A Register's or Extended register's reset (method 1). The Blue Book sets the value to "the
 * default value, an instance specific constant"; gurux.dlms 4.0.47 sets it to null instead, and
 * every later Get of the value is then answered with a malformed reply (an error result followed
 * by a stray type byte). Here the default is zero of the value's own type; a value that is not a
 * number keeps what it was.
 */
final class RegisterReset {

    private static final Set<DataType> NUMBERS = EnumSet.of(DataType.INT8, DataType.INT16,
            DataType.INT32, DataType.INT64, DataType.UINT8, DataType.UINT16, DataType.UINT32,
            DataType.UINT64, DataType.FLOAT32, DataType.FLOAT64);

    private RegisterReset() {
    }

    /**
     * Resets the register as gurux.dlms does (an extended register's capture time too), then
     * puts its default value in place of gurux's null.
     */
    static void reset(GXDLMSRegister register, ValueEventArgs e) {
        Object before = register.getValue();
        register.invoke(null, e);
        register.setValue(defaultValue(register.getDataType(2), before));
    }

    /** @return zero of the value's type, or the value itself when that is not a number */
    static Object defaultValue(DataType declared, Object before) {
        DataType type = declared == DataType.NONE ? GXDLMSConverter.getDLMSDataType(before) : declared;
        if (!NUMBERS.contains(type)) {
            return before;
        }
        return GXDLMSConverter.changeType("0", type);
    }
}
