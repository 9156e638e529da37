package dlms.xmlclient.simulator.server;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.Prepayment;
import dlms.xmlclient.simulator.device.SecurityObjects;
import gurux.dlms.enums.AccessMode;
import gurux.dlms.enums.MethodAccessMode;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSAssociationShortName;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSSecuritySetup;

/**
 * Attribute and method access rights by the association in use. A public association (no
 * authentication, client 16) reads everything and can neither write nor invoke methods. An
 * authenticated association (every other client) reads everything, writes Clock attributes
 * 2..9, the value of Data and Register objects and the capture period of a Profile generic, and
 * may invoke the methods of every object but other associations and security setups: an
 * association's methods only on itself, a security setup's only on the one it refers to. The
 * public association does not read the Token gateway or the Charges (see
 * {@link Prepayment#isPublic}). The logical name (attribute 1) is never writable; a secret
 * ({@link SecretAttributes}) is never readable; an invocation counter (0.0.43.1.e.255) is read
 * only, since only received frames may move it.
 */
final class AccessPolicy {

    private AccessPolicy() {
    }

    /**
     * @param association association in use, null when none
     * @param target object accessed
     * @param index attribute index
     * @return access mode of the attribute
     */
    static AccessMode attribute(GXDLMSAssociationLogicalName association,
            GXDLMSObject target, int index) {
        if (association == null || index < 1 || index > target.getAttributeCount()) {
            return AccessMode.NO_ACCESS;
        }
        if (SecretAttributes.isSecret(target, index)) {
            // A secret (an association's LLS password or HLS secret, see SecretAttributes) is
            // never readable. Not even write-only: gurux.dlms 4.0.47 checks reads only against
            // NO_ACCESS.
            return AccessMode.NO_ACCESS;
        }
        if (Associations.isPublic(association) && !Prepayment.isPublic(target)) {
            return AccessMode.NO_ACCESS; // gurux.dlms serves objects outside the view too
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
    static MethodAccessMode method(GXDLMSAssociationLogicalName association,
            GXDLMSObject target, int index) {
        if (association == null || Associations.isPublic(association) || index < 1
                || index > target.getMethodCount()
                || target instanceof GXDLMSAssociationShortName) {
            // Association SN: gurux.dlms 4.0.47 ends the association on any method but 8
            // (reply_to_HLS_authentication, and HLS is LN only here).
            return MethodAccessMode.NO_ACCESS;
        }
        if (target instanceof GXDLMSAssociationLogicalName && target != association) {
            // reply_to_HLS_authentication, change_HLS_secret, add/remove_object, add/remove_user
            // act on the association in use (Blue Book: "current association", reached as
            // 0.0.40.0.0.255 or by its own LN); gurux.dlms 4.0.47 lets any client change
            // another association's secret.
            return MethodAccessMode.NO_ACCESS;
        }
        if (target instanceof GXDLMSSecuritySetup
                && !target.getLogicalName().equals(association.getSecuritySetupReference())) {
            // security_activate, key transfer and agreement, key pairs and certificates: only
            // through the security setup the association refers to (its security_setup_reference).
            return MethodAccessMode.NO_ACCESS;
        }
        return MethodAccessMode.ACCESS;
    }

    private static boolean isWritable(GXDLMSObject target, int index) {
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
