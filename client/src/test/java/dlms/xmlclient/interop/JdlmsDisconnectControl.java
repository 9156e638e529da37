package dlms.xmlclient.interop;

import org.openmuc.jdlms.AttributeAccessMode;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemMethod;
import org.openmuc.jdlms.CosemSnInterfaceObject;
import org.openmuc.jdlms.datatypes.DataObject;
import org.openmuc.jdlms.datatypes.DataObject.Type;

/**
 * Disconnect control (class 70, version 0) 0.0.96.3.10.255 in control_mode 2, where the Blue Book's
 * remote_disconnect (transition b) goes from connected to disconnected and remote_reconnect
 * (transition a) from disconnected straight to connected. Both methods take integer(0).
 */
@CosemClass(id = 70, version = 0)
public class JdlmsDisconnectControl extends CosemSnInterfaceObject {

    static final int BASE_NAME = 0x0500;

    private static final int DISCONNECTED = 0;
    private static final int CONNECTED = 1;

    @CosemAttribute(id = 2, type = Type.BOOLEAN, accessMode = AttributeAccessMode.READ_ONLY, snOffset = 0x08)
    private volatile DataObject outputState = DataObject.newBoolData(true);

    @CosemAttribute(id = 3, type = Type.ENUMERATE, accessMode = AttributeAccessMode.READ_ONLY, snOffset = 0x10)
    private volatile DataObject controlState = DataObject.newEnumerateData(CONNECTED);

    @CosemAttribute(id = 4, type = Type.ENUMERATE, accessMode = AttributeAccessMode.READ_ONLY, snOffset = 0x18)
    private DataObject controlMode = DataObject.newEnumerateData(2);

    public JdlmsDisconnectControl() {
        super(BASE_NAME, "0.0.96.3.10.255");
    }

    @CosemMethod(id = 1, consumes = Type.INTEGER, snOffset = 0x20)
    public void remoteDisconnect(DataObject parameter) {
        outputState = DataObject.newBoolData(false);
        controlState = DataObject.newEnumerateData(DISCONNECTED);
    }

    @CosemMethod(id = 2, consumes = Type.INTEGER, snOffset = 0x28)
    public void remoteReconnect(DataObject parameter) {
        outputState = DataObject.newBoolData(true);
        controlState = DataObject.newEnumerateData(CONNECTED);
    }
}
