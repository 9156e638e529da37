package dlms.xmlclient.simulator.server;

import java.util.List;

import dlms.xmlclient.simulator.device.ProfileSelection;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.internal.GXCommon;
import gurux.dlms.objects.GXDLMSAssociationShortName;
import gurux.dlms.objects.GXDLMSObject;

/**
 * The object_list of the Association SN (attribute 2), whole or by the access selectors of the
 * Blue Book (IEC 62056-6-2, Association SN, class 12): each element {base_name long, class_id
 * long-unsigned, version unsigned, logical_name octet-string}.
 * <ul>
 * <li>selector 1, class_id: the elements of the objects of that class (an array, maybe
 * empty);</li>
 * <li>selector 2, {class_id, logical_name}: the element of that object;</li>
 * <li>selector 3, base_name: the element of the object of that base name.</li>
 * </ul>
 * An object not there is object-undefined, a parameter of another type type-unmatched, another
 * selector read-write-denied (as for the profile buffer; attribute 3 lists the selectors).
 */
final class ObjectListSelection {

    /** The selectors served, for the access_selectors of attribute 3. */
    static final int[] SELECTORS = {1, 2, 3};
    private static final int LOGICAL_NAME_SIZE = 6;

    private ObjectListSelection() {
    }

    /**
     * @param association the Association SN
     * @param selector access selector, 0 for the whole list
     * @param parameter access parameter as gurux.dlms decoded it
     * @return the encoded answer
     * @throws ProfileSelection.Refused the data-access-result to answer instead
     */
    static byte[] read(GXDLMSAssociationShortName association, int selector,
            Object parameter) throws ProfileSelection.Refused {
        List<GXDLMSObject> objects = association.getObjectList();
        switch (selector) {
        case 0:
            return array(objects, null);
        case 1:
            int classId = number(parameter);
            return array(objects, it -> it.getObjectType().getValue() == classId);
        case 2:
            if (!(parameter instanceof List) || ((List<?>) parameter).size() != 2) {
                throw typeUnmatched("object_id {class_id, logical_name}");
            }
            int type = number(((List<?>) parameter).get(0));
            Object ln = ((List<?>) parameter).get(1);
            if (!(ln instanceof byte[]) || ((byte[]) ln).length != LOGICAL_NAME_SIZE) {
                throw typeUnmatched("logical_name of 6 bytes");
            }
            String name = GXCommon.toLogicalName((byte[]) ln);
            return single(objects, it -> it.getObjectType().getValue() == type
                    && it.getLogicalName().equals(name));
        case 3:
            int baseName = number(parameter) & 0xFFFF;
            return single(objects, it -> (it.getShortName() & 0xFFFF) == baseName);
        default:
            throw new ProfileSelection.Refused(ErrorCode.READ_WRITE_DENIED,
                    "object_list has no selector " + selector);
        }
    }

    private static int number(Object parameter) throws ProfileSelection.Refused {
        if (!(parameter instanceof Number)) {
            throw typeUnmatched("a number");
        }
        return ((Number) parameter).intValue();
    }

    private static ProfileSelection.Refused typeUnmatched(String expected) {
        return new ProfileSelection.Refused(ErrorCode.UNMATCHED_TYPE,
                "object_list selection: parameter is not " + expected);
    }

    private static byte[] array(List<GXDLMSObject> objects,
            java.util.function.Predicate<GXDLMSObject> filter) {
        List<GXDLMSObject> chosen = filter == null ? objects
                : objects.stream().filter(filter).toList();
        GXByteBuffer bb = new GXByteBuffer();
        bb.setUInt8(DataType.ARRAY.getValue());
        GXCommon.setObjectCount(chosen.size(), bb);
        for (GXDLMSObject it : chosen) {
            element(bb, it);
        }
        return bb.array();
    }

    private static byte[] single(List<GXDLMSObject> objects,
            java.util.function.Predicate<GXDLMSObject> filter)
            throws ProfileSelection.Refused {
        GXDLMSObject found = objects.stream().filter(filter).findFirst().orElseThrow(
                () -> new ProfileSelection.Refused(ErrorCode.UNDEFINED_OBJECT, "no such object"));
        GXByteBuffer bb = new GXByteBuffer();
        element(bb, found);
        return bb.array();
    }

    /** Appends {base_name long, class_id long-unsigned, version unsigned, logical_name}. */
    private static void element(GXByteBuffer bb, GXDLMSObject it) {
        bb.setUInt8(DataType.STRUCTURE.getValue());
        bb.setUInt8(4);
        GXCommon.setData(null, bb, DataType.INT16, it.getShortName());
        GXCommon.setData(null, bb, DataType.UINT16, it.getObjectType().getValue());
        GXCommon.setData(null, bb, DataType.UINT8, it.getVersion());
        GXCommon.setData(null, bb, DataType.OCTET_STRING,
                GXCommon.logicalNameToBytes(it.getLogicalName()));
    }
}
