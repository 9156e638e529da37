package dlms.xmlclient.decode;

import gurux.dlms.GXDLMSClient;
import gurux.dlms.StandardObisTable;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.Unit;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.IGXDLMSBase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names a person reads beside numbers: interface class names, attribute and method names as the
 * Blue Book spells them, OBIS code descriptions (from gurux.dlms's OBIS table) and unit symbols.
 */
public final class CosemNames {

    private static final Properties MEMBERS = load("cosem-names.properties");
    private static final Properties UNITS = load("units.properties");
    /** Read on first use (10-15 ms in a fresh JVM): only when a description is asked for. */
    private static StandardObisTable table;
    /** The table could not be read: not tried again at every name (each try reads 170 KB). */
    private static boolean unreadable;
    private static final int MAX_DESCRIPTIONS = 4096;
    private static final Map<String, Optional<String>> DESCRIPTIONS = new ConcurrentHashMap<>();

    private CosemNames() {
    }

    /** "Register", "Profile generic", "Association logical name"; "class 9999" when unknown. */
    public static String className(int classId) {
        ObjectType type = ObjectType.forValue(classId);
        if (type == null || type == ObjectType.NONE) {
            return "class " + classId;
        }
        String words = type.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "time", "scaler_unit"; null when neither the Blue Book table nor gurux.dlms knows it. */
    public static String attributeName(int classId, int attribute) {
        if (attribute == 1) {
            return "logical_name";
        }
        return member(classId, 'a', attribute);
    }

    /** "adjust_to_quarter", "reset"; null when unknown. */
    public static String methodName(int classId, int method) {
        return member(classId, 'm', method);
    }

    private static String member(int classId, char kind, int index) {
        String name = MEMBERS.getProperty(classId + "." + kind + "." + index);
        if (name != null) {
            return name;
        }
        String[] gurux = guruxNames(classId, kind);
        if (gurux == null || index < 1 || index > gurux.length || gurux[index - 1] == null) {
            return null;
        }
        return gurux[index - 1].trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    private static String[] guruxNames(int classId, char kind) {
        try {
            ObjectType type = ObjectType.forValue(classId);
            GXDLMSObject object = type == null ? null : GXDLMSClient.createObject(type);
            if (!(object instanceof IGXDLMSBase base) || object.getClass() == GXDLMSObject.class) {
                return null;
            }
            return kind == 'a' ? base.getNames() : base.getMethodNames();
        } catch (RuntimeException e) {
            return null; // a class gurux.dlms cannot make: no name, the number stands alone
        }
    }

    /** The standard description of a logical name ("1.0.1.8.0.255"), or null when the table has none. */
    public static String obisDescription(String dotted) {
        // gurux.dlms searches its table of some 1,400 masks line by line: a fleet asks for the
        // same few names thousands of times. Bounded: a meter may list many names of its own.
        Optional<String> known = DESCRIPTIONS.get(dotted);
        if (known == null) {
            known = Optional.ofNullable(lookUp(dotted));
            if (DESCRIPTIONS.size() < MAX_DESCRIPTIONS) {
                DESCRIPTIONS.put(dotted, known);
            }
        }
        return known.orElse(null);
    }

    private static synchronized String lookUp(String dotted) {
        if (table == null && !unreadable) {
            try {
                table = StandardObisTable.load();
            } catch (RuntimeException e) {
                unreadable = true; // names go without descriptions, as for a code the table lacks
            }
        }
        if (table == null) {
            return null;
        }
        String[] found;
        try {
            found = table.descriptions(dotted);
        } catch (RuntimeException e) {
            return null; // gurux refuses the name (not six groups): no description
        }
        if (found == null || found.length == 0 || found[0] == null || found[0].isBlank()
                || found[0].strip().equals("Invalid")) { // gurux's word for "not in the table"
            return null;
        }
        // gurux prefixes the channel ("Ch. 0 ") and suffixes an instance ("  #1"); both say little.
        return found[0].replaceFirst("^Ch\\. 0 ", "").replaceFirst("\\s+#\\d+$", "").strip();
    }

    /** "kWh"-ready symbol of a unit code ("Wh" for 30); the number itself when unknown. */
    public static String unitSymbol(int code) {
        String symbol = UNITS.getProperty(Integer.toString(code));
        if (symbol != null) {
            return symbol;
        }
        try {
            Unit unit = Unit.forValue(code);
            return unit != null ? unit.toString() : "unit " + code;
        } catch (RuntimeException e) {
            return "unit " + code;
        }
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = CosemNames.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
