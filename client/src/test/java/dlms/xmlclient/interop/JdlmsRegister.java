package dlms.xmlclient.interop;

import org.openmuc.jdlms.AttributeAccessMode;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemSnInterfaceObject;
import org.openmuc.jdlms.datatypes.DataObject;
import org.openmuc.jdlms.datatypes.DataObject.Type;

/**
 * Register (class 3, version 0): value (attribute 2, read-only double-long-unsigned) and scaler_unit
 * (attribute 3, structure {scaler integer, unit enum}).
 */
@CosemClass(id = 3, version = 0)
public class JdlmsRegister extends CosemSnInterfaceObject {

    @CosemAttribute(id = 2, type = Type.DOUBLE_LONG_UNSIGNED, accessMode = AttributeAccessMode.READ_ONLY,
            snOffset = 0x08)
    private DataObject value;

    @CosemAttribute(id = 3, type = Type.STRUCTURE, accessMode = AttributeAccessMode.READ_ONLY, snOffset = 0x10)
    private DataObject scalerUnit;

    public JdlmsRegister(int baseName, String logicalName, long value, int scaler, int unit) {
        super(baseName, logicalName);
        this.value = DataObject.newUInteger32Data(value);
        this.scalerUnit = DataObject.newStructureData(DataObject.newInteger8Data((byte) scaler),
                DataObject.newEnumerateData(unit));
    }
}
