package dlms.xmlclient.simulator.device;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.Conformance;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.enums.ApplicationContextName;

/**
 * The meter's associations (class 15), one per client SAP: public 16 (no authentication, read
 * only), 17 (Low), 18 (High) and the ciphered 1 to 4 (HighGMAC, HighMD5, HighSHA1, HighSHA256,
 * each with its own security setup and invocation counter, see {@link SecurityObjects}). Device
 * files keep their own associations; the built-in ones are added for client SAPs a file lacks.
 */
public final class Associations {

    /** One built-in association. */
    record Definition(int clientSap, String ln, Authentication authentication, String secret,
            int securitySetup) {

        /** @return true when the association is ciphered (it has a security setup) */
        boolean ciphered() {
            return securitySetup != 0;
        }
    }

    /** Logical name through which a client reads the association it is using. */
    public static final String CURRENT = "0.0.40.0.0.255";
    static final String PUBLIC = "0.0.40.0.1.255";
    static final String MANAGEMENT = "0.0.40.0.2.255";
    public static final int PUBLIC_CLIENT = 16;
    public static final int MANAGEMENT_CLIENT = 17;
    public static final int HIGH_CLIENT = 18;
    static final int GMAC_CLIENT = 1;
    /** Low-level-security password of the management association. */
    public static final String LOW_SECRET = "00000000";
    /** Largest APDU the meter receives and sends; bigger replies use block transfer. */
    public static final int MAX_PDU_SIZE = 1024;

    /** The built-in associations, in the order --help lists them. */
    static final List<Definition> BUILT_IN = List.of(
            new Definition(PUBLIC_CLIENT, PUBLIC, Authentication.NONE, null, 0),
            new Definition(MANAGEMENT_CLIENT, MANAGEMENT, Authentication.LOW, LOW_SECRET, 0),
            new Definition(HIGH_CLIENT, "0.0.40.0.3.255", Authentication.HIGH,
                    DeviceKeys.HLS_SECRET, 0),
            new Definition(GMAC_CLIENT, "0.0.40.0.4.255", Authentication.HIGH_GMAC, null, 1),
            new Definition(2, "0.0.40.0.5.255", Authentication.HIGH_MD5, DeviceKeys.HLS_SECRET,
                    2),
            new Definition(3, "0.0.40.0.6.255", Authentication.HIGH_SHA1, DeviceKeys.HLS_SECRET,
                    3),
            new Definition(4, "0.0.40.0.7.255", Authentication.HIGH_SHA256,
                    DeviceKeys.HLS_SECRET, 4));

    private Associations() {
    }

    /**
     * Adds the built-in associations (with their security setups and invocation counters) for
     * client SAPs the device has no association for, gives every ciphered association an
     * invocation counter object, then fills what a usable association needs: an empty object
     * list becomes the whole device (a built-in association gets the view of
     * {@link #isInView}), every list gets its association and, if ciphered, its security
     * setup; an empty conformance block becomes the default one, a zero PDU size 1024.
     *
     * @param objects the device; must already hold every other object
     */
    static void addDefaults(GXDLMSObjectCollection objects) {
        List<Definition> missing = new ArrayList<>();
        for (Definition d : BUILT_IN) {
            if (forClient(objects, d.clientSap()) == null) {
                missing.add(d);
            }
        }
        // Security objects before the associations that list them: loading a device file
        // creates an object an association lists before the file defines it, and the
        // objects would come back in another order.
        for (Definition d : missing) {
            if (d.ciphered()) {
                SecurityObjects.addSecuritySetup(objects, d.securitySetup());
                SecurityObjects.addInvocationCounter(objects,
                        SecurityObjects.securitySetup(d.securitySetup()));
            }
        }
        List<GXDLMSAssociationLogicalName> added = new ArrayList<>();
        for (Definition d : missing) {
            GXDLMSAssociationLogicalName association = create(d);
            objects.add(association);
            added.add(association);
        }
        for (GXDLMSObject it : objects.getObjects(ObjectType.ASSOCIATION_LOGICAL_NAME)) {
            GXDLMSAssociationLogicalName association = (GXDLMSAssociationLogicalName) it;
            if (isCiphered(association)) {
                SecurityObjects.addInvocationCounter(objects,
                        association.getSecuritySetupReference());
            }
        }
        for (GXDLMSAssociationLogicalName association : added) {
            for (GXDLMSObject it : objects) {
                if (isInView(association, it)) {
                    association.getObjectList().add(it);
                }
            }
        }
        for (GXDLMSObject it : objects.getObjects(ObjectType.ASSOCIATION_LOGICAL_NAME)) {
            GXDLMSAssociationLogicalName association = (GXDLMSAssociationLogicalName) it;
            GXDLMSObjectCollection view = association.getObjectList();
            if (view.isEmpty()) {
                view.addAll(objects);
            }
            // gurux.dlms finds the security setup through the object list; a device file
            // does not save an association in its own list.
            if (!view.contains(association)) {
                view.add(association);
            }
            if (isCiphered(association) && view.findByLN(ObjectType.SECURITY_SETUP,
                    association.getSecuritySetupReference()) == null) {
                GXDLMSObject setup = objects.findByLN(ObjectType.SECURITY_SETUP,
                        association.getSecuritySetupReference());
                if (setup != null) {
                    view.add(setup);
                }
            }
            if (association.getXDLMSContextInfo().getConformance().isEmpty()) {
                association.getXDLMSContextInfo().setConformance(conformance());
            }
            if (association.getXDLMSContextInfo().getMaxReceivePduSize() == 0) {
                association.getXDLMSContextInfo().setMaxReceivePduSize(MAX_PDU_SIZE);
            }
            if (association.getXDLMSContextInfo().getMaxSendPduSize() == 0) {
                association.getXDLMSContextInfo().setMaxSendPduSize(MAX_PDU_SIZE);
            }
        }
    }

    /**
     * The object list (association view) of a built-in association: the metering objects
     * (all but associations, security setups and invocation counters) and the associations of
     * clients 16 and 17 (so the views of those two are the ones they had before the other
     * associations existed); besides, the association itself, for a ciphered one its security
     * setup and invocation counter, for the public one every invocation counter, which clients
     * read there before they associate ciphered. The public one does not see the payment
     * objects that take money (see {@link Prepayment#isPublic}).
     */
    static boolean isInView(GXDLMSAssociationLogicalName association,
            GXDLMSObject object) {
        if (object == association) {
            return true;
        }
        String reference = association.getSecuritySetupReference();
        boolean ciphered = isCiphered(association);
        switch (object.getObjectType()) {
        case ASSOCIATION_LOGICAL_NAME:
            int sap = ((GXDLMSAssociationLogicalName) object).getClientSAP();
            return sap == PUBLIC_CLIENT || sap == MANAGEMENT_CLIENT;
        case SECURITY_SETUP:
            return ciphered && object.getLogicalName().equals(reference);
        case DATA:
            if (SecurityObjects.isInvocationCounter(object.getLogicalName())) {
                return isPublic(association) || ciphered && object.getLogicalName()
                        .equals(SecurityObjects.invocationCounterOf(reference));
            }
            return true;
        default:
            return !isPublic(association) || Prepayment.isPublic(object);
        }
    }

    /**
     * @param objects the device
     * @param clientSap client address
     * @return the association for that client, or null when the meter does not know the client
     */
    public static GXDLMSAssociationLogicalName forClient(GXDLMSObjectCollection objects,
            int clientSap) {
        for (GXDLMSObject it : objects.getObjects(ObjectType.ASSOCIATION_LOGICAL_NAME)) {
            GXDLMSAssociationLogicalName association = (GXDLMSAssociationLogicalName) it;
            if (association.getClientSAP() == clientSap) {
                return association;
            }
        }
        return null;
    }

    /**
     * @param association an association or null
     * @return true when it is a public (no authentication) association: read only
     */
    public static boolean isPublic(GXDLMSAssociationLogicalName association) {
        return association.getAuthenticationMechanismName()
                .getMechanismId() == Authentication.NONE;
    }

    /**
     * @param association an association
     * @return true when it uses ciphering: application context "LN with ciphering" and a
     *         security setup. Only ciphered APDUs are served in such an association.
     */
    public static boolean isCiphered(GXDLMSAssociationLogicalName association) {
        String reference = association.getSecuritySetupReference();
        return association.getApplicationContextName()
                .getContextId() == ApplicationContextName.LOGICAL_NAME_WITH_CIPHERING
                && reference != null && !reference.isEmpty();
    }

    /**
     * The services every built-in association offers. The public association also offers Set
     * and Action so that a write or method call is answered with read-write-denied (its access
     * rights are read only) instead of an exception response.
     *
     * @return a new conformance set
     */
    static Set<Conformance> conformance() {
        return EnumSet.of(Conformance.GET, Conformance.SET, Conformance.ACTION,
                Conformance.SELECTIVE_ACCESS, Conformance.MULTIPLE_REFERENCES,
                Conformance.BLOCK_TRANSFER_WITH_GET_OR_READ,
                Conformance.BLOCK_TRANSFER_WITH_SET_OR_WRITE,
                Conformance.BLOCK_TRANSFER_WITH_ACTION);
    }

    /**
     * @param device a meter's objects
     * @param shortNames true for short name referencing, where HLS and ciphering are not served
     * @return the clients that may associate, by client SAP, naming their authentication, e.g.
     *         "1 HighGMAC ciphered / 16 public / 17 Low"
     */
    public static String describeClients(GXDLMSObjectCollection device, boolean shortNames) {
        List<GXDLMSAssociationLogicalName> associations = new ArrayList<>();
        for (GXDLMSObject it : device.getObjects(ObjectType.ASSOCIATION_LOGICAL_NAME)) {
            GXDLMSAssociationLogicalName a = (GXDLMSAssociationLogicalName) it;
            // With short names: no HLS, no ciphering.
            if (!shortNames || !isCiphered(a) && a
                    .getAuthenticationMechanismName().getMechanismId().getValue()
                    <= Authentication.LOW.getValue()) {
                associations.add(a);
            }
        }
        associations.sort(Comparator.comparingInt(GXDLMSAssociationLogicalName::getClientSAP));
        StringBuilder clients = new StringBuilder();
        for (GXDLMSAssociationLogicalName a : associations) {
            if (clients.length() != 0) {
                clients.append(" / ");
            }
            clients.append(a.getClientSAP()).append(' ')
                    .append(mechanismName(a.getAuthenticationMechanismName().getMechanismId()));
            if (isCiphered(a)) {
                clients.append(" ciphered");
            }
        }
        return clients.toString();
    }

    /** @return "public", "Low", "High", "HighGMAC", "HighSHA256", ... */
    private static String mechanismName(Authentication mechanism) {
        if (mechanism == Authentication.NONE) {
            return "public";
        }
        String[] words = mechanism.name().split("_");
        StringBuilder name = new StringBuilder(words[0].charAt(0)
                + words[0].substring(1).toLowerCase(Locale.ROOT));
        for (int i = 1; i != words.length; ++i) {
            name.append(words[i]);
        }
        return name.toString();
    }

    private static GXDLMSAssociationLogicalName create(Definition d) {
        GXDLMSAssociationLogicalName association = new GXDLMSAssociationLogicalName(d.ln());
        association.setClientSAP(d.clientSap());
        association.setServerSAP((short) 1);
        association.getAuthenticationMechanismName().setMechanismId(d.authentication());
        association.setSecret(d.secret() == null ? null
                : d.secret().getBytes(StandardCharsets.US_ASCII));
        if (d.ciphered()) {
            association.getApplicationContextName()
                    .setContextId(ApplicationContextName.LOGICAL_NAME_WITH_CIPHERING);
            association.setSecuritySetupReference(SecurityObjects.securitySetup(d.securitySetup()));
        }
        association.setMultipleAssociationViews(true);
        association.getXDLMSContextInfo().setConformance(conformance());
        association.getXDLMSContextInfo().setMaxReceivePduSize(MAX_PDU_SIZE);
        association.getXDLMSContextInfo().setMaxSendPduSize(MAX_PDU_SIZE);
        return association;
    }
}
