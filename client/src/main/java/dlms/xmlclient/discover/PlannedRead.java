package dlms.xmlclient.discover;

import dlms.xmlclient.decode.CosemNames;

/**
 * One attribute the suite reads.
 *
 * @param object    the object, as its association lists it
 * @param attribute the attribute id
 * @param byEntry   a profile buffer read as its first entry only (entry_descriptor 1 to 1)
 */
public record PlannedRead(CosemObject object, int attribute, boolean byEntry) {

    /** E.g. "Register 1.0.1.8.0.255 attribute 2 (value)". */
    public String describe() {
        String name = CosemNames.attributeName(object.classId(), attribute);
        return CosemNames.className(object.classId()) + " " + object.logicalName() + " attribute " + attribute
                + (name == null ? "" : " (" + name + ")");
    }
}
