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

    /**
     * An attribute_access_item: attribute_id, access_mode (Blue Book: 0 no-access, 1 read-only,
     * 2 write-only, 3 read-and-write, 4 authenticated-read-only, 5 authenticated-write-only,
     * 6 authenticated-read-and-write) and the selective access selectors, if listed.
     */
    public record AttributeAccess(int attribute, int mode, List<Integer> selectors) {

        public AttributeAccess {
            selectors = List.copyOf(selectors);
        }

        /** The association may read it (authenticated modes included: the association is the one in use). */
        public boolean readable() {
            return mode == 1 || mode == 3 || mode == 4 || mode == 6;
        }

        public boolean writable() {
            return mode == 2 || mode == 3 || mode == 5 || mode == 6;
        }

        /** The access mode's name in the Blue Book's words. */
        public String modeName() {
            return switch (mode) {
                case 0 -> "no-access";
                case 1 -> "read-only";
                case 2 -> "write-only";
                case 3 -> "read-and-write";
                case 4 -> "authenticated-read-only";
                case 5 -> "authenticated-write-only";
                case 6 -> "authenticated-read-and-write";
                default -> "access mode " + mode;
            };
        }
    }

    /**
     * A method_access_item: method_id and access_mode (version 0 of the association: a boolean,
     * here 0 or 1; later versions: 0 no-access, 1 access, 2 authenticated-access).
     */
    public record MethodAccess(int method, int mode) {

        public boolean allowed() {
            return mode != 0;
        }
    }
}
