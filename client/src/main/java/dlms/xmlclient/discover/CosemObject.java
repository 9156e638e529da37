package dlms.xmlclient.discover;

import java.util.List;

/**
 * One entry of an association's object list (Blue Book, Association LN attribute 2): the
 * object and the access the association declares to its attributes and methods.
 *
 * @param classId     the interface class
 * @param version     the class version
 * @param logicalName the OBIS code, dotted (1.0.1.8.0.255)
 * @param attributes  the attribute access items, as listed
 * @param methods     the method access items, as listed
 */
public record CosemObject(int classId, int version, String logicalName, List<AttributeAccess> attributes,
        List<MethodAccess> methods) {

    public CosemObject {
        attributes = List.copyOf(attributes);
        methods = List.copyOf(methods);
    }

    /** The profile's buffer (class 7 attribute 2): read as its first entry, never written back. */
    public static boolean isBuffer(int classId, int attribute) {
        return classId == 7 && attribute == 2;
    }

    /**
     * A buffer whose access_selectors are listed without entry_descriptor (2) is not read: the
     * whole buffer of a real meter can take hours, and a range needs its capture objects' types.
     */
    public boolean unreadableBuffer(AttributeAccess access) {
        return isBuffer(classId, access.attribute()) && !access.selectors().isEmpty()
                && !access.selectors().contains(2);
    }

    /**
     * An attribute_access_item as the association in use may exercise it.
     *
     * @param attribute the attribute_id
     * @param mode      the access_mode as listed
     * @param selectors the access_selectors, empty when none are listed
     * @param readable  the association may read it, with the protection its requests carry
     * @param writable  the association may write it, likewise
     * @param modeName  the mode in the Blue Book's words
     */
    public record AttributeAccess(int attribute, int mode, List<Integer> selectors, boolean readable, boolean writable,
            String modeName) {

        public AttributeAccess {
            selectors = List.copyOf(selectors);
        }
    }

    /**
     * A method_access_item.
     *
     * @param method  the method_id
     * @param mode    the access_mode as listed
     * @param allowed the association may invoke it, with the protection its requests carry
     */
    public record MethodAccess(int method, int mode, boolean allowed) {
    }
}
