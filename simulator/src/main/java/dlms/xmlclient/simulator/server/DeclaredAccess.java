package dlms.xmlclient.simulator.server;

import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.AccessMode;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;

/**
 * The access rights an association's object list declares: those the meter enforces, except
 * under {@code --fault wrong-access-rights}, where the list declares two attributes wrongly
 * while the meter goes on doing as before: Register 1.0.1.8.0.255 scaler_unit (attribute 3) as
 * no-access (it reads), and the Disconnect control's control_mode (attribute 4) as
 * read-and-write (a Set is refused). gurux.dlms asks for each listed attribute's access while it builds the object list,
 * between the read's pre- and post-read events; every other ask is the enforcement's.
 */
final class DeclaredAccess {

    private final boolean wrong;
    /** An association's object_list is being read: the asks are for its declaration. */
    private boolean listing;

    /** @param wrong declare the two attributes wrongly */
    DeclaredAccess(boolean wrong) {
        this.wrong = wrong;
    }

    /** Before a Get is served: notes whether it reads an object list. */
    void reading(ValueEventArgs[] args) {
        listing = false;
        for (ValueEventArgs e : args) {
            listing |= e.getTarget() instanceof GXDLMSAssociationLogicalName && e.getIndex() == 2;
        }
    }

    /** After a Get is served. */
    void read() {
        listing = false;
    }

    /** @param enforced the access the meter enforces */
    AccessMode attribute(ValueEventArgs arg, AccessMode enforced) {
        if (!wrong || !listing) {
            return enforced;
        }
        String ln = arg.getTarget().getLogicalName();
        if (arg.getTarget().getObjectType() == ObjectType.REGISTER && "1.0.1.8.0.255".equals(ln) && arg.getIndex() == 3) {
            return AccessMode.NO_ACCESS;
        }
        if (arg.getTarget().getObjectType() == ObjectType.DISCONNECT_CONTROL && arg.getIndex() == 4) {
            return AccessMode.READ_WRITE;
        }
        return enforced;
    }
}
