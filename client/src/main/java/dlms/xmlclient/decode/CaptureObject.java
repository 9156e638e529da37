package dlms.xmlclient.decode;

import java.util.ArrayList;
import java.util.List;

/** One column of a profile: an attribute (and data index) of an object, as capture_objects lists it. */
public record CaptureObject(int classId, String obis, int attribute, int dataIndex) {

    /** The capture objects an array of {class, logical name, attribute, data index} lists; null when it is not one. */
    static List<CaptureObject> listOf(XmlNode value) {
        if (value == null || !value.name().equals("Array")) {
            return null;
        }
        List<CaptureObject> columns = new ArrayList<>();
        for (XmlNode entry : value.children()) {
            CaptureObject c = of(entry);
            if (c == null) {
                return null;
            }
            columns.add(c);
        }
        return columns;
    }

    /** An object definition {UInt16 class, OctetString logical name, Int8 attribute, UInt16 data index}, or null. */
    static CaptureObject of(XmlNode entry) {
        if (!entry.name().equals("Structure") || entry.children().size() != 4) {
            return null;
        }
        List<XmlNode> f = entry.children();
        Integer classId = CosemTarget.number(f.get(0).value());
        String obis = CosemTarget.dotted(f.get(1).value());
        Integer attribute = CosemTarget.number(f.get(2).value());
        Integer dataIndex = CosemTarget.number(f.get(3).value());
        if (classId == null || obis == null || attribute == null || dataIndex == null) {
            return null;
        }
        return new CaptureObject(classId, obis, attribute, dataIndex);
    }

    CosemTarget target() {
        return new CosemTarget(classId, obis, attribute, false, 0);
    }

    /** "Clock 0.0.1.0.0.255 attribute 2 (time)", with the data index when there is one. */
    public String describe() {
        return target().describe() + (dataIndex == 0 ? "" : " [" + dataIndex + "]");
    }
}
