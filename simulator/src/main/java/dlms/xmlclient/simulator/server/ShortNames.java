package dlms.xmlclient.simulator.server;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.ProfileSelection;
import dlms.xmlclient.simulator.device.SecurityObjects;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.Conformance;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.internal.GXCommon;
import gurux.dlms.internal.GXDataInfo;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSAssociationShortName;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSProfileGeneric;

/**
 * Short name referencing ({@code -r sn}): the metering objects of the device served through one
 * Association SN (class 12, 0.0.40.0.0.255, base name 0xFA00) that lists them all, itself
 * included. Base names are given by gurux.dlms when the server is initialised
 * (GXDLMSServerBase.updateShortNames): in device order from 0xA0, each object taking 8 per
 * attribute, or for a class with methods its first method's offset plus 8 per method; so those
 * of a device are fixed, and --help lists the built-in device's. Every short name a device file
 * brings is cleared first: gurux.dlms does not move past an object that already has one, and
 * gives the next object the same base name.
 * <p>
 * Not served: the LN associations, security setups and invocation counters. HLS and ciphering
 * are LN only; the clients' LN associations stay their profiles (authentication, secret, access
 * rights), so clients 16 (public) and 17 (Low) work as in LN.
 * <p>
 * What gurux.dlms 4.0.47 answers wrongly to a ReadRequest is answered here: the object list
 * (attribute 2) gives every object version 0, the access rights list (attribute 3) is built from
 * attribute settings the meter does not use (all empty), a value the meter encoded itself
 * (the clock's time) is encoded again as an octet string, since its SN read path ignores
 * {@link ValueEventArgs#isByteArray()}, and selective access to the object list is served as
 * a plain read (see {@link ObjectListSelection} for the selectors served). A method invoked by a ReadRequest with
 * parameterized-access (the Green Book's way to call a method that returns data) goes to the
 * meter's own behaviours, as one invoked by a WriteRequest does: gurux.dlms would call its own
 * invoke, which refuses the disconnect control's methods. The results of a block-transferred
 * ReadResponse are put in the Green Book's form by {@link ReadResponseBlocks}.
 */
final class ShortNames {

    /** Base name of the Association SN. */
    static final int ASSOCIATION_BASE_NAME = 0xFA00;
    /** The selectors a profile buffer serves: range and entry (see {@link ProfileSelection}). */
    private static final int[] PROFILE_SELECTORS = {1, 2};

    private ShortNames() {
    }

    /** @return the services the meter offers with SN referencing */
    static Set<Conformance> conformance() {
        return EnumSet.of(Conformance.READ, Conformance.WRITE, Conformance.PARAMETERIZED_ACCESS,
                Conformance.MULTIPLE_REFERENCES, Conformance.BLOCK_TRANSFER_WITH_GET_OR_READ,
                Conformance.BLOCK_TRANSFER_WITH_SET_OR_WRITE);
    }

    /**
     * @param device the whole device
     * @return the objects to serve, short names cleared for gurux.dlms to assign, then the
     *         Association SN, whose empty object list gurux.dlms fills with all of them
     */
    static List<GXDLMSObject> served(GXDLMSObjectCollection device) {
        List<GXDLMSObject> served = new ArrayList<>();
        for (GXDLMSObject it : device) {
            ObjectType type = it.getObjectType();
            if (type != ObjectType.ASSOCIATION_LOGICAL_NAME
                    && type != ObjectType.ASSOCIATION_SHORT_NAME
                    && type != ObjectType.SECURITY_SETUP
                    && !SecurityObjects.isInvocationCounter(it.getLogicalName())) {
                it.setShortName(0);
                served.add(it);
            }
        }
        served.add(new GXDLMSAssociationShortName(Associations.CURRENT, ASSOCIATION_BASE_NAME));
        return served;
    }

    /**
     * Answers, after the objects' own read behaviours, what gurux.dlms would answer wrongly.
     *
     * @param e a read of a ReadRequest
     * @param client the association of the client reading (its profile)
     */
    static void read(ValueEventArgs e, GXDLMSAssociationLogicalName client) {
        GXDLMSObject target = e.getTarget();
        if (target == null) {
            // A short name of no object: the access check has set object-undefined.
            e.setHandled(true);
        } else if (e.isAction()) {
            return; // a method invoked by a ReadRequest: its result is the method's
        } else if (target instanceof GXDLMSAssociationShortName && e.getIndex() == 2) {
            try {
                handled(e, ObjectListSelection.read((GXDLMSAssociationShortName) target,
                        e.getSelector(), e.getParameters()));
            } catch (ProfileSelection.Refused refused) {
                e.setError(refused.result());
                e.setHandled(true);
            }
        } else if (target instanceof GXDLMSAssociationShortName && e.getSelector() != 0) {
            // No access selector served for the other attributes (attribute 3 lists none).
            e.setError(ErrorCode.READ_WRITE_DENIED);
            e.setHandled(true);
        } else if (target instanceof GXDLMSAssociationShortName && e.getIndex() == 3) {
            handled(e, accessRights((GXDLMSAssociationShortName) target, client));
        } else if (e.getHandled() && e.isByteArray() && e.getValue() instanceof byte[]
                && ((byte[]) e.getValue()).length != 0) {
            DataType declared = target.getDataType(e.getIndex());
            if (declared != DataType.ARRAY && declared != DataType.STRUCTURE) {
                // gurux.dlms encodes the value again (arrays and structures it writes as they
                // are): hand it the decoded value instead.
                e.setValue(GXCommon.getData(e.getSettings(),
                        new GXByteBuffer((byte[]) e.getValue()), new GXDataInfo()));
                e.setByteArray(false);
            }
        }
    }

    private static void handled(ValueEventArgs e, byte[] value) {
        e.setValue(value);
        e.setByteArray(true);
        e.setHandled(true);
    }

    /**
     * @return array of {base_name, array of {attribute_id, access_mode, access_selectors},
     *         array of {method_id, access_mode}}, the rights of the client reading
     */
    private static byte[] accessRights(GXDLMSAssociationShortName association,
            GXDLMSAssociationLogicalName client) {
        GXByteBuffer bb = new GXByteBuffer();
        array(bb, association.getObjectList().size());
        for (GXDLMSObject it : association.getObjectList()) {
            element(bb, 3, it);
            array(bb, it.getAttributeCount());
            for (int index = 1; index <= it.getAttributeCount(); ++index) {
                accessItem(bb, index, AccessPolicy.attribute(client, it, index).getValue(), 3);
                accessSelectors(bb, it, index);
            }
            array(bb, it.getMethodCount());
            for (int index = 1; index <= it.getMethodCount(); ++index) {
                accessItem(bb, index, AccessPolicy.method(client, it, index).getValue(), 2);
            }
        }
        return bb.array();
    }

    private static void array(GXByteBuffer bb, int count) {
        bb.setUInt8(DataType.ARRAY.getValue());
        GXCommon.setObjectCount(count, bb);
    }

    /** Starts a structure of {@code fields} fields, the first the object's base name. */
    private static void element(GXByteBuffer bb, int fields, GXDLMSObject it) {
        bb.setUInt8(DataType.STRUCTURE.getValue());
        bb.setUInt8(fields);
        GXCommon.setData(null, bb, DataType.INT16, it.getShortName());
    }

    /**
     * Starts a structure of {@code fields} fields: {id, access_mode} of a method, or of an
     * attribute, whose access_selectors follow.
     */
    private static void accessItem(GXByteBuffer bb, int index, int mode,
            int fields) {
        bb.setUInt8(DataType.STRUCTURE.getValue());
        bb.setUInt8(fields);
        GXCommon.setData(null, bb, DataType.INT8, index);
        GXCommon.setData(null, bb, DataType.ENUM, mode);
    }

    /**
     * Appends the access_selectors served for the attribute: those of the object list and of a
     * profile buffer, null for the others.
     */
    private static void accessSelectors(GXByteBuffer bb, GXDLMSObject it,
            int index) {
        int[] selectors = index != 2 ? null
                : it instanceof GXDLMSAssociationShortName ? ObjectListSelection.SELECTORS
                : it instanceof GXDLMSProfileGeneric ? PROFILE_SELECTORS : null;
        if (selectors == null) {
            bb.setUInt8(DataType.NONE.getValue());
            return;
        }
        array(bb, selectors.length);
        for (int selector : selectors) {
            GXCommon.setData(null, bb, DataType.INT8, selector);
        }
    }

    /**
     * @param e a read or write of a ReadRequest or WriteRequest
     * @return true when its short name is of no object: gurux.dlms 4.0.47 then goes on with no
     *         target (and fails on it); the read is answered object-undefined instead
     */
    static boolean undefined(ValueEventArgs e) {
        if (e.getTarget() != null) {
            return false;
        }
        e.setError(ErrorCode.UNDEFINED_OBJECT);
        return true;
    }
}
