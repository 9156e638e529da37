package dlms.xmlclient.interop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.openmuc.jdlms.datatypes.DataObject;
import org.openmuc.jdlms.datatypes.DataObject.Type;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * DLMS data as the sample scripts and expected files write it (Gurux simple XML:
 * {@code <UInt32 Value="3" />}, {@code <Structure Qty="2">...</Structure>}) to and from jDLMS's
 * {@link DataObject}: the data types the samples use.
 */
final class GuruxXmlData {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** Gurux's element name of each jDLMS data type. */
    private static final Map<Type, String> NAMES = Map.ofEntries(Map.entry(Type.NULL_DATA, "None"),
            Map.entry(Type.ARRAY, "Array"), Map.entry(Type.STRUCTURE, "Structure"),
            Map.entry(Type.BOOLEAN, "Boolean"), Map.entry(Type.DOUBLE_LONG, "Int32"),
            Map.entry(Type.DOUBLE_LONG_UNSIGNED, "UInt32"),
            Map.entry(Type.OCTET_STRING, "OctetString"), Map.entry(Type.VISIBLE_STRING, "String"),
            Map.entry(Type.INTEGER, "Int8"), Map.entry(Type.LONG_INTEGER, "Int16"),
            Map.entry(Type.UNSIGNED, "UInt8"), Map.entry(Type.LONG_UNSIGNED, "UInt16"),
            Map.entry(Type.LONG64, "Int64"), Map.entry(Type.LONG64_UNSIGNED, "UInt64"),
            Map.entry(Type.ENUMERATE, "Enum"), Map.entry(Type.BIT_STRING, "BitString"),
            Map.entry(Type.UTF8_STRING, "StringUTF8"));

    private GuruxXmlData() {
    }

    /** @return the data a Gurux XML data element holds */
    static DataObject toData(Element e) {
        String value = e.getAttribute("Value");
        switch (e.getTagName()) {
        case "None":
            return DataObject.newNullData();
        case "Array":
            return DataObject.newArrayData(children(e));
        case "Structure":
            return DataObject.newStructureData(children(e));
        case "Boolean":
            return DataObject.newBoolData(Boolean.parseBoolean(value));
        case "Int8":
            return DataObject.newInteger8Data(Byte.parseByte(value));
        case "Int16":
            return DataObject.newInteger16Data(Short.parseShort(value));
        case "Int32":
            return DataObject.newInteger32Data(Integer.parseInt(value));
        case "UInt8":
            return DataObject.newUInteger8Data(Short.parseShort(value));
        case "UInt16":
            return DataObject.newUInteger16Data(Integer.parseInt(value));
        case "UInt32":
            return DataObject.newUInteger32Data(Long.parseLong(value));
        case "Enum":
            return DataObject.newEnumerateData(Integer.parseInt(value));
        case "OctetString":
            // ${now}: the client's time, as the xmlclient puts it in when it sends (UTC, deviation 0)
            return DataObject.newOctetStringData("${now}".equals(value) ? JdlmsClock.encode(java.time.Instant.now())
                    : HEX.parseHex(value));
        case "String":
            return DataObject.newVisibleStringData(value.getBytes(StandardCharsets.US_ASCII));
        default:
            throw new IllegalArgumentException("no jDLMS data for <" + e.getTagName() + ">");
        }
    }

    private static List<DataObject> children(Element e) {
        List<DataObject> list = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                list.add(toData(child));
            }
        }
        return list;
    }

    /** @return the Gurux XML of data jDLMS decoded; a type without a Gurux name keeps jDLMS's */
    static String toXml(DataObject data) {
        StringBuilder out = new StringBuilder();
        append(out, data);
        return out.toString();
    }

    private static void append(StringBuilder out, DataObject data) {
        String name = NAMES.getOrDefault(data.getType(), "jDLMS-" + data.getType());
        out.append('<').append(name);
        if (data.getType() == Type.ARRAY || data.getType() == Type.STRUCTURE) {
            List<DataObject> elements = data.getValue();
            out.append(" Qty=\"").append(elements.size()).append("\">");
            for (DataObject element : elements) {
                append(out, element);
            }
            out.append("</").append(name).append('>');
            return;
        }
        if (data.getType() != Type.NULL_DATA) {
            out.append(" Value=\"").append(escaped(value(data))).append('"');
        }
        out.append(" />");
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    /** @return the bits as Gurux writes them: 0s and 1s, bit 0 (the first octet's MSB) first */
    private static String bits(org.openmuc.jdlms.datatypes.BitString bits) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i != bits.getNumBits(); ++i) {
            text.append((bits.getBitString()[i / 8] >> (7 - i % 8) & 1) == 0 ? '0' : '1');
        }
        return text.toString();
    }

    private static String value(DataObject data) {
        switch (data.getType()) {
        case OCTET_STRING:
            return HEX.formatHex(data.<byte[]>getValue());
        case VISIBLE_STRING:
            return new String(data.<byte[]>getValue(), StandardCharsets.US_ASCII);
        case UTF8_STRING:
            return new String(data.<byte[]>getValue(), StandardCharsets.UTF_8);
        case BIT_STRING:
            return bits(data.getValue());
        case BOOLEAN:
            return data.getValue().toString();
        default:
            return data.isNumber() ? data.getValue().toString()
                    : String.valueOf(data.getRawValue());
        }
    }
}
