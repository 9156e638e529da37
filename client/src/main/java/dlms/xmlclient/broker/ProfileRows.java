package dlms.xmlclient.broker;

import dlms.xmlclient.decode.CosemDateTime;
import dlms.xmlclient.decode.DomElements;
import dlms.xmlclient.decode.QuietDom;
import org.w3c.dom.Element;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A profile generic's buffer, as the meter's reply XML has it, into DLMS2AMPQ's data records:
 * one record per row and value column, its DateTime the row's clock column in the reader's
 * format ({@code 12/15/2020 9:00:00.010 PM}, the meter's own local time), its Code the OBIS
 * code of the column's object (from capture_objects), its Value the value as text.
 */
public final class ProfileRows {

    private static final DateTimeFormatter SEED_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss.SSS a",
            Locale.US);
    private static final int CLOCK_CLASS = 8;

    private ProfileRows() {
    }

    /** The capture objects' logical names and classes, from the reply to attribute 3; one per column. */
    public static List<Column> columns(String replyXml) {
        Element data = data(replyXml);
        List<Column> columns = new ArrayList<>();
        for (Element structure : DomElements.children(firstChild(data))) {
            List<Element> fields = DomElements.children(structure);
            if (fields.size() >= 2) {
                int classId = Integer.parseInt(fields.get(0).getAttribute("Value"));
                columns.add(new Column(classId, obis(fields.get(1).getAttribute("Value"))));
            }
        }
        return columns;
    }

    /** The records of the buffer in the reply to attribute 2. */
    public static List<Dlms2AmpqReply.Record> records(String replyXml, List<Column> columns) {
        Element data = data(replyXml);
        List<Dlms2AmpqReply.Record> records = new ArrayList<>();
        for (Element row : DomElements.children(firstChild(data))) {
            List<Element> cells = DomElements.children(row);
            String time = "";
            for (int i = 0; i < cells.size(); i++) {
                boolean clock = i < columns.size() ? columns.get(i).classId() == CLOCK_CLASS
                        : isDateTime(cells.get(i));
                if (clock && isDateTime(cells.get(i))) {
                    time = seedTime(cells.get(i).getAttribute("Value"));
                }
            }
            for (int i = 0; i < cells.size(); i++) {
                boolean clock = i < columns.size() && columns.get(i).classId() == CLOCK_CLASS;
                if (!clock) {
                    String code = i < columns.size() ? columns.get(i).obis() : String.valueOf(i);
                    records.add(new Dlms2AmpqReply.Record(time, code, cells.get(i).getAttribute("Value")));
                }
            }
        }
        return records;
    }

    /** One column of the buffer. */
    public record Column(int classId, String obis) {
    }

    /**
     * The reply's Data element.
     *
     * @throws IllegalArgumentException with the meter's result when the reply carries no data
     */
    private static Element data(String replyXml) {
        Element root = QuietDom.parse(replyXml);
        if (root == null) {
            throw new IllegalArgumentException("the meter's reply could not be read");
        }
        Element data = DomElements.find(root, "Data");
        if (data == null) {
            Element error = DomElements.find(root, "DataAccessError");
            throw new IllegalArgumentException(error != null ? "the meter refused the read: "
                    + error.getAttribute("Value") : "the meter's reply carries no data: " + root.getTagName());
        }
        return data;
    }

    private static Element firstChild(Element e) {
        List<Element> children = DomElements.children(e);
        if (children.isEmpty()) {
            throw new IllegalArgumentException("the meter's reply has an empty Data");
        }
        return children.get(0);
    }

    private static boolean isDateTime(Element cell) {
        return (cell.getTagName().equals("OctetString") || cell.getTagName().equals("DateTime"))
                && cell.getAttribute("Value").strip().length() == 24;
    }

    private static String obis(String hex) {
        byte[] b = HexFormat.of().parseHex(hex.strip());
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(s.isEmpty() ? "" : ".").append(x & 0xFF);
        }
        return s.toString();
    }

    private static String seedTime(String hex) {
        String iso = CosemDateTime.iso(hex);
        if (iso == null) {
            return hex;
        }
        try {
            return OffsetDateTime.parse(iso).toLocalDateTime().format(SEED_TIME);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso).format(SEED_TIME);
            } catch (DateTimeParseException notIso) {
                return iso;
            }
        }
    }
}
