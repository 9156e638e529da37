package dlms.xmlclient.simulator;

import gurux.dlms.enums.AccessMode;
import gurux.dlms.enums.MethodAccessMode;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSAssociationShortName;
import gurux.dlms.objects.GXDLMSObject;

/**
 * Attribute and method access rights by the association in use. A public association (no
 * authentication, client 16) reads everything and can neither write nor invoke methods. An
 * authenticated association (every other client) reads everything, writes Clock attributes
 * 2..9, the value of Data and Register objects and the capture period of a Profile generic, and
 * may invoke every method. The logical name (attribute 1) is never writable; an association's
 * secret (attribute 7) is never readable; an invocation counter (0.0.43.1.e.255) is read only,
 * since only received frames may move it.
 */
final class AccessPolicy {

    /** Attribute 7 of Association LN: the secret. */
    private static final int SECRET = 7;

    private AccessPolicy() {
    }

    /**
     * @param association association in use, null when none
     * @param target object accessed
     * @param index attribute index
     * @return access mode of the attribute
     */
    static AccessMode attribute(final GXDLMSAssociationLogicalName association,
            final GXDLMSObject target, final int index) {
        if (association == null || index < 1 || index > target.getAttributeCount()) {
            return AccessMode.NO_ACCESS;
        }
        if (target instanceof GXDLMSAssociationLogicalName && index == SECRET) {
            // An association's secret (LLS password / HLS secret) is never readable. Not even
            // write-only: gurux.dlms 4.0.47 checks reads only against NO_ACCESS.
            return AccessMode.NO_ACCESS;
        }
        if (Associations.isPublic(association) || !isWritable(target, index)) {
            return AccessMode.READ;
        }
        return AccessMode.READ_WRITE;
    }

    /**
     * @param association association in use, null when none
     * @param target object whose method is invoked
     * @param index method index
     * @return access mode of the method
     */
    static MethodAccessMode method(final GXDLMSAssociationLogicalName association,
            final GXDLMSObject target, final int index) {
        if (association == null || Associations.isPublic(association) || index < 1
                || index > target.getMethodCount()
                || target instanceof GXDLMSAssociationShortName) {
            // Association SN: gurux.dlms 4.0.47 ends the association on any method but 8
            // (reply_to_HLS_authentication, and HLS is LN only here).
            return MethodAccessMode.NO_ACCESS;
        }
        return MethodAccessMode.ACCESS;
    }

    private static boolean isWritable(final GXDLMSObject target, final int index) {
        switch (target.getObjectType()) {
        case CLOCK:
            return index >= 2 && index <= 9;
        case DATA:
            return index == 2 && !SecurityObjects.isInvocationCounter(target.getLogicalName());
        case REGISTER:
            return index == 2;
        case PROFILE_GENERIC:
            return index == 4;
        default:
            return false;
        }
    }
}
