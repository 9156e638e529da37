package dlms.xmlclient.decode;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads one reply value in the light of what was asked for: a register value scaled by the
 * scaler_unit read in the same script, a clock as ISO 8601, capture objects and object lists named,
 * a profile's rows by their columns. Writes a comment per line it can say something about and
 * returns a one-line summary of the whole value.
 */
final class ValueReading {

    /** How deep into structures and arrays values are read (a hostile reply may nest thousands deep). */
    private static final int MAX_DEPTH = 32;

    private final Map<String, ScalerUnit> scalers;
    private final Map<Integer, String> comments;

    ValueReading(Map<String, ScalerUnit> scalers, Map<Integer, String> comments) {
        this.scalers = scalers;
        this.comments = comments;
    }

    /** @param target what the value is (null when unknown); @return its summary, or null */
    String read(XmlNode value, CosemTarget target, List<CaptureObject> columns) {
        if (target == null || target.method()) {
            return generic(value);
        }
        int c = target.classId();
        int a = target.index();
        if (a == 1 && value.name().equals("OctetString")) {
            return say(value, CosemTarget.dotted(value.value()));
        }
        if ((c == 3 || c == 4) && a == 2 || c == 5 && (a == 2 || a == 3)) {
            return scaled(value, scalers.get(target.obis()));
        }
        if ((c == 3 || c == 4) && a == 3 || c == 5 && a == 4) {
            ScalerUnit su = ScalerUnit.of(value);
            return su == null ? generic(value) : say(value, su.toString());
        }
        if (c == 8 && a == 3) {
            return timeZone(value);
        }
        if (c == 8 && a == 4 && value.value() != null) {
            Integer status = CosemTarget.number(value.value());
            String words = status == null ? null : CosemDateTime.status(status);
            return words == null ? null : say(value, words.isEmpty() ? "status ok" : words);
        }
        if (c == 7 && a == 3) {
            List<CaptureObject> listed = CaptureObject.listOf(value);
            if (listed != null) {
                for (int i = 0; i < listed.size(); i++) {
                    say(value.children().get(i), "column " + (i + 1) + ": " + listed.get(i).describe());
                }
                return listed.size() + (listed.size() == 1 ? " column" : " columns");
            }
        }
        if (c == 7 && a == 2 && value.name().equals("Array")) {
            return buffer(value, columns);
        }
        if ((c == 15 || c == 12) && a == 2 && value.name().equals("Array")) {
            return objectList(value, c == 12);
        }
        return generic(value);
    }

    private String buffer(XmlNode rows, List<CaptureObject> columns) {
        for (XmlNode row : rows.children()) {
            List<XmlNode> cells = row.children();
            for (int i = 0; i < cells.size(); i++) {
                CosemTarget column = columns != null && i < columns.size() ? columns.get(i).target() : null;
                read(cells.get(i), column, null);
            }
        }
        return rows.children().size() + (rows.children().size() == 1 ? " entry" : " entries");
    }

    private String objectList(XmlNode list, boolean shortNames) {
        for (XmlNode entry : list.children()) {
            List<XmlNode> f = entry.children();
            if (f.size() < 4) {
                continue;
            }
            Integer classId = CosemTarget.number(f.get(shortNames ? 1 : 0).value());
            String obis = CosemTarget.dotted(f.get(shortNames ? 3 : 2).value());
            if (classId == null || obis == null) {
                continue;
            }
            String description = CosemNames.obisDescription(obis);
            String base = shortNames ? " at " + shortName(f.get(0).value()) : "";
            say(entry, CosemNames.className(classId) + " " + obis + base
                    + (description == null ? "" : ": " + description));
        }
        return list.children().size() + (list.children().size() == 1 ? " object" : " objects");
    }

    private static String shortName(String value) {
        Integer n = CosemTarget.number(value);
        return n == null ? value : String.format("%04X", n & 0xFFFF);
    }

    private String scaled(XmlNode value, ScalerUnit su) {
        if (su == null || value.value() == null || value.name().equals("OctetString")) {
            return generic(value);
        }
        String text = su.scale(value.value());
        return text == null ? generic(value) : say(value, text);
    }

    private String timeZone(XmlNode value) {
        Integer minutes = CosemTarget.number(value.value());
        if (minutes == null) {
            return null;
        }
        if ((minutes & 0xFFFF) == 0x8000) {
            return say(value, "time zone not specified");
        }
        int offset = -minutes; // deviation from local time to UTC, as in a date-time
        return say(value, String.format("local time is UTC%s%02d:%02d", offset < 0 ? "-" : "+",
                Math.abs(offset) / 60, Math.abs(offset) % 60));
    }

    /** Without knowing the attribute: dates, text, logical names in object definitions. */
    private String generic(XmlNode value) {
        return generic(value, 0);
    }

    private String generic(XmlNode value, int depth) {
        if (depth > MAX_DEPTH) {
            return null; // deeper than any COSEM attribute: nothing a person would read there
        }
        switch (value.name()) {
            case "OctetString" -> {
                String hex = value.value();
                if (hex == null) {
                    return null;
                }
                String iso = CosemDateTime.iso(hex);
                if (iso != null) {
                    return say(value, iso);
                }
                String text = printable(hex);
                return text != null ? say(value, '"' + text + '"') : hex;
            }
            case "Structure" -> {
                CaptureObject definition = CaptureObject.of(value);
                if (definition != null) {
                    return say(value, definition.describe());
                }
                value.children().forEach(c -> generic(c, depth + 1));
                return null;
            }
            case "Array" -> {
                value.children().forEach(c -> generic(c, depth + 1));
                return value.children().size() + (value.children().size() == 1 ? " element" : " elements");
            }
            default -> {
                return value.value();
            }
        }
    }

    /** The text an octet string spells when every octet is printable ASCII (serial numbers, device names). */
    static String printable(String hex) {
        byte[] b;
        try {
            b = HexFormat.of().parseHex(hex.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (b.length < 2) {
            return null;
        }
        for (byte x : b) {
            if (x < 0x20 || x > 0x7E) {
                return null;
            }
        }
        return new String(b, StandardCharsets.US_ASCII);
    }

    private String say(XmlNode node, String text) {
        if (text != null && node.line() > 0) {
            comments.merge(node.line(), text, (a, b) -> a + "; " + b);
        }
        return text;
    }
}
