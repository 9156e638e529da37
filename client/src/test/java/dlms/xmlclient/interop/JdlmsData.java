package dlms.xmlclient.interop;

import org.openmuc.jdlms.AttributeAccessMode;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemSnInterfaceObject;
import org.openmuc.jdlms.datatypes.DataObject;

/** Data (class 1, version 0) with a read-only value (attribute 2), e.g. the serial number 0.0.96.1.0.255. */
@CosemClass(id = 1, version = 0)
public class JdlmsData extends CosemSnInterfaceObject {

    @CosemAttribute(id = 2, accessMode = AttributeAccessMode.READ_ONLY, snOffset = 0x08)
    private DataObject value;

    public JdlmsData(int baseName, String logicalName, DataObject value) {
        super(baseName, logicalName);
        this.value = value;
    }
}
