package dlms.xmlclient.simulator.server;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map.Entry;
import java.util.Set;

import gurux.dlms.GXDLMSSettings;
import gurux.dlms.enums.Security;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSSecuritySetup;
import gurux.dlms.objects.enums.AssociationStatus;
import gurux.dlms.objects.enums.SecurityPolicy;
import gurux.dlms.objects.enums.SecuritySuite;
import gurux.dlms.secure.GXCiphering;

/**
 * What an association's or security setup's method may change, taken before gurux.dlms runs
 * the method and put back when the method answers an error: a refused method changes nothing.
 * gurux.dlms 4.0.47 does not: its security_activate stores the new security_policy, then fails
 * (answered inconsistent-class) with the policy changed; its add_object adds the object to the
 * association and to the server's objects, then refuses 0.0.40.0.0.255 (undefined-object).
 */
final class MethodSnapshot {

    private final GXDLMSObject target;
    private final GXDLMSSettings settings;
    private Security security;
    private byte[] blockCipherKey;
    private byte[] authenticationKey;
    private Set<SecurityPolicy> policy;
    private SecuritySuite suite;
    private byte[] guek;
    private byte[] gbek;
    private byte[] gak;
    private byte[] kek;
    private byte[] clientSystemTitle;
    private byte[] serverSystemTitle;
    private byte[] secret;
    private AssociationStatus status;
    private List<GXDLMSObject> objectList;
    /** The server's objects: gurux.dlms's add_object adds to them before it checks. */
    private List<GXDLMSObject> items;
    private List<Entry<Byte, String>> userList;

    private MethodSnapshot(GXDLMSObject target, GXDLMSSettings settings) {
        this.target = target;
        this.settings = settings;
    }

    /**
     * @param target the object whose method is invoked
     * @param settings the server's settings (the ciphering in use)
     * @return its state, or null for an object whose methods the meter handles itself
     */
    static MethodSnapshot of(GXDLMSObject target, GXDLMSSettings settings) {
        MethodSnapshot s = new MethodSnapshot(target, settings);
        if (settings.getCipher() instanceof GXCiphering) {
            GXCiphering c = (GXCiphering) settings.getCipher();
            s.security = c.getSecurity();
            s.blockCipherKey = c.getBlockCipherKey();
            s.authenticationKey = c.getAuthenticationKey();
        }
        if (target instanceof GXDLMSSecuritySetup) {
            GXDLMSSecuritySetup setup = (GXDLMSSecuritySetup) target;
            s.policy = setup.getSecurityPolicy() == null ? null
                    : setup.getSecurityPolicy().isEmpty() ? EnumSet.noneOf(SecurityPolicy.class)
                    : EnumSet.copyOf(setup.getSecurityPolicy());
            s.suite = setup.getSecuritySuite();
            s.guek = setup.getGuek();
            s.gbek = setup.getGbek();
            s.gak = setup.getGak();
            s.kek = setup.getKek();
            s.clientSystemTitle = setup.getClientSystemTitle();
            s.serverSystemTitle = setup.getServerSystemTitle();
            return s;
        }
        if (target instanceof GXDLMSAssociationLogicalName) {
            GXDLMSAssociationLogicalName association = (GXDLMSAssociationLogicalName) target;
            s.secret = association.getSecret();
            s.status = association.getAssociationStatus();
            s.objectList = new ArrayList<>(association.getObjectList());
            s.items = new ArrayList<>(settings.getObjects());
            s.userList = association.getUserList() == null ? null
                    : new ArrayList<>(association.getUserList());
            return s;
        }
        return null;
    }

    /** Puts the object (and the ciphering in use) back as it was. */
    void restore() {
        if (settings.getCipher() instanceof GXCiphering) {
            GXCiphering c = (GXCiphering) settings.getCipher();
            c.setSecurity(security);
            c.setBlockCipherKey(blockCipherKey);
            c.setAuthenticationKey(authenticationKey);
        }
        if (target instanceof GXDLMSSecuritySetup) {
            GXDLMSSecuritySetup setup = (GXDLMSSecuritySetup) target;
            setup.setSecuritySuite(suite);
            setup.setSecurityPolicy(policy);
            setup.setGuek(guek);
            setup.setGbek(gbek);
            setup.setGak(gak);
            setup.setKek(kek);
            setup.setClientSystemTitle(clientSystemTitle);
            setup.setServerSystemTitle(serverSystemTitle);
        } else {
            GXDLMSAssociationLogicalName association = (GXDLMSAssociationLogicalName) target;
            association.setSecret(secret);
            association.setAssociationStatus(status);
            association.getObjectList().clear();
            association.getObjectList().addAll(objectList);
            settings.getObjects().clear();
            settings.getObjects().addAll(items);
            if (userList != null) {
                association.getUserList().clear();
                association.getUserList().addAll(userList);
            }
        }
    }
}
