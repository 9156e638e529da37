package dlms.xmlclient.simulator.server;

import gurux.dlms.GXDLMSConnectionEventArgs;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.AccessMode;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.MethodAccessMode;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.SourceDiagnostic;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.secure.GXDLMSSecureServer2;

/**
 * Test helper: gurux.dlms's server (the simulator's base class) as it is, with one association,
 * everything allowed and every address its own, for the tests that show what gurux.dlms 4.0.47
 * does by itself.
 */
final class BareServer extends GXDLMSSecureServer2 {
    private final GXDLMSAssociationLogicalName association = new GXDLMSAssociationLogicalName();

    BareServer(InterfaceType framing) {
        super(true, framing);
        getItems().add(association);
    }

    @Override
    protected boolean isTarget(int serverAddress, int clientAddress) {
        setAssignedAssociation(association);
        return true;
    }

    @Override
    protected SourceDiagnostic onValidateAuthentication(Authentication authentication, byte[] password) {
        return SourceDiagnostic.NONE;
    }

    @Override
    protected GXDLMSObject onFindObject(ObjectType objectType, int sn, String ln) {
        return null;
    }

    @Override
    protected AccessMode onGetAttributeAccess(ValueEventArgs arg) {
        return AccessMode.READ_WRITE;
    }

    @Override
    protected MethodAccessMode onGetMethodAccess(ValueEventArgs arg) {
        return MethodAccessMode.ACCESS;
    }

    @Override
    public void onPreGet(ValueEventArgs[] args) { }

    @Override
    public void onPostGet(ValueEventArgs[] args) { }

    @Override
    public void onPreRead(ValueEventArgs[] args) { }

    @Override
    public void onPostRead(ValueEventArgs[] args) { }

    @Override
    protected void onPreWrite(ValueEventArgs[] args) { }

    @Override
    protected void onPostWrite(ValueEventArgs[] args) { }

    @Override
    protected void onPreAction(ValueEventArgs[] args) { }

    @Override
    protected void onPostAction(ValueEventArgs[] args) { }

    @Override
    protected void onConnected(GXDLMSConnectionEventArgs connectionInfo) { }

    @Override
    protected void onInvalidConnection(GXDLMSConnectionEventArgs connectionInfo) { }

    @Override
    protected void onDisconnected(GXDLMSConnectionEventArgs connectionInfo) { }
}
