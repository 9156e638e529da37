package dlms.xmlclient.simulator;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.Conformance;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;

/**
 * The meter's associations (class 15): the public client 16 (no authentication, read only) and
 * the management client 17 (Low authentication, read, write and methods). Device files keep
 * their own associations; the two defaults are added for client SAPs the file lacks.
 */
final class Associations {

    /** Logical name through which a client reads the association it is using. */
    static final String CURRENT = "0.0.40.0.0.255";
    static final String PUBLIC = "0.0.40.0.1.255";
    static final String MANAGEMENT = "0.0.40.0.2.255";
    static final int PUBLIC_CLIENT = 16;
    static final int MANAGEMENT_CLIENT = 17;
    /** Low-level-security password of the management association. */
    static final String LOW_SECRET = "00000000";
    /** Largest APDU the meter receives and sends; bigger replies use block transfer. */
    static final int MAX_PDU_SIZE = 1024;

    private Associations() {
    }

    /**
     * Adds the default associations for client SAPs 16 and 17 unless the device has an
     * association for them, then fills what a usable association needs: an empty object list
     * becomes the whole device, an empty conformance block the default one, a zero PDU size 1024.
     *
     * @param objects the device; must already hold every other object
     */
    static void addDefaults(final GXDLMSObjectCollection objects) {
        if (forClient(objects, PUBLIC_CLIENT) == null) {
            objects.add(create(PUBLIC, PUBLIC_CLIENT, Authentication.NONE, null));
        }
        if (forClient(objects, MANAGEMENT_CLIENT) == null) {
            objects.add(create(MANAGEMENT, MANAGEMENT_CLIENT, Authentication.LOW,
                    LOW_SECRET.getBytes(StandardCharsets.US_ASCII)));
        }
        for (GXDLMSObject it : objects.getObjects(ObjectType.ASSOCIATION_LOGICAL_NAME)) {
            GXDLMSAssociationLogicalName association = (GXDLMSAssociationLogicalName) it;
            if (association.getObjectList().isEmpty()) {
                association.getObjectList().addAll(objects);
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
     * @param objects the device
     * @param clientSap client address
     * @return the association for that client, or null when the meter does not know the client
     */
    static GXDLMSAssociationLogicalName forClient(final GXDLMSObjectCollection objects,
            final int clientSap) {
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
    static boolean isPublic(final GXDLMSAssociationLogicalName association) {
        return association.getAuthenticationMechanismName()
                .getMechanismId() == Authentication.NONE;
    }

    /**
     * The services both default associations offer. The public association also offers Set and
     * Action so that a write or method call is answered with read-write-denied (its access
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

    private static GXDLMSAssociationLogicalName create(final String ln, final int clientSap,
            final Authentication authentication, final byte[] secret) {
        GXDLMSAssociationLogicalName association = new GXDLMSAssociationLogicalName(ln);
        association.setClientSAP(clientSap);
        association.setServerSAP((short) 1);
        association.getAuthenticationMechanismName().setMechanismId(authentication);
        association.setSecret(secret);
        association.setMultipleAssociationViews(true);
        association.getXDLMSContextInfo().setConformance(conformance());
        association.getXDLMSContextInfo().setMaxReceivePduSize(MAX_PDU_SIZE);
        association.getXDLMSContextInfo().setMaxSendPduSize(MAX_PDU_SIZE);
        return association;
    }
}
