package dlms.xmlclient.simulator.server;

import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSIECLocalPortSetup;
import gurux.dlms.objects.GXDLMSNtpSetup;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSPppSetup;

/**
 * The attributes that hold a secret, which no client may read by any service (Get normal, with
 * list, with selective access, block transfer, Access, SN Read): an Association LN's secret
 * (attribute 7, LLS password or HLS secret), an IEC local port setup's passwords (7, 8, 9), a
 * PPP setup's authentication (5, user name and password) and an NTP setup's symmetric keys (6).
 * gurux.dlms 4.0.47 serves each of them as a plain value. The secret of an Association SN and
 * the keys of a security setup are not attributes there (only methods change them).
 */
final class SecretAttributes {

    private SecretAttributes() {
    }

    /**
     * @param target an object, null for none
     * @param index attribute index
     * @return true when the attribute holds a secret
     */
    static boolean isSecret(GXDLMSObject target, int index) {
        if (target instanceof GXDLMSAssociationLogicalName) {
            return index == 7;
        }
        if (target instanceof GXDLMSIECLocalPortSetup) {
            return index >= 7 && index <= 9;
        }
        if (target instanceof GXDLMSPppSetup) {
            return index == 5;
        }
        if (target instanceof GXDLMSNtpSetup) {
            return index == 6;
        }
        return false;
    }
}
