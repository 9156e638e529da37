package dlms.xmlclient.script;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The forms a request value must have for the Gurux translator (4.0.47) to encode what it says.
 * Left to itself the translator truncates a number out of range ({@code <UInt8 Value="300"/>}
 * goes out as 44), reads an empty value as 0, drops a non-hex digit and sends half a byte of an
 * odd-length octet string, and refuses a UInt16 above 32767; the check names the value instead.
 * The rules are about encoding only: an out-of-range date field or a reserved enum value is a
 * test a conformance engineer may mean to send.
 */
final class ValueRules {

    /** Whole numbers: the element names (lower case, as the translator reads them) and their range. */
    private static final Map<String, BigInteger[]> RANGES = Map.ofEntries(
            range("int8", -128, 127), range("uint8", 0, 255), range("enum", 0, 255), range("bcd", 0, 255),
            range("int16", -32768, 32767), range("uint16", 0, 65535),
            range("int32", Integer.MIN_VALUE, Integer.MAX_VALUE), range("uint32", 0, 4294967295L),
            Map.entry("int64", new BigInteger[] {BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)}),
            Map.entry("uint64", new BigInteger[] {BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)}),
            // descriptors and other header fields
            range("classid", 0, 65535), range("attributeid", 0, 255), range("methodid", 0, 255),
            range("invokeidandpriority", 0, 255), range("accessselector", 0, 255), range("lastblock", 0, 255),
            range("blocknumber", 0, 4294967295L));

    /** Fixed-size values in hex: their size in bytes and what they hold. */
    private static final Map<String, Object[]> SIZED = Map.of(
            "float32", new Object[] {4, "a float32 as the translator writes it"},
            "float64", new Object[] {8, "a float64 as the translator writes it"},
            "datetime", new Object[] {12, "a date-time: year(2) month day weekday hour minute second hundredths"
                    + " deviation(2) status"},
            "date", new Object[] {5, "a date: year(2) month day weekday"},
            "time", new Object[] {4, "a time: hour minute second hundredths"});

    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
    private static final Pattern HEX_BYTES = Pattern.compile("\\s*([0-9A-Fa-f]{2}\\s*)*");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]*\\.?[0-9]+([eE]-?[0-9]+)?");

    private ValueRules() {
    }

    /** True when the element carries a value these rules check. */
    static boolean checks(String tag) {
        String name = tag.toLowerCase(Locale.ROOT);
        return RANGES.containsKey(name) || SIZED.containsKey(name) || name.equals("octetstring")
                || name.equals("string") || name.equals("bitstring") || name.equals("boolean");
    }

    /** Why the value cannot be sent as written, or null when it can. */
    static String fault(String tag, String value) {
        String name = tag.toLowerCase(Locale.ROOT);
        BigInteger[] range = RANGES.get(name);
        if (range != null) {
            String expected = "expected " + range[0] + ".." + range[1];
            if (value.isEmpty()) {
                return "no value; " + expected;
            }
            if (!WHOLE.matcher(value).matches()) {
                return "not a whole number; " + expected;
            }
            BigInteger number = new BigInteger(value);
            return number.compareTo(range[0]) < 0 || number.compareTo(range[1]) > 0 ? "out of range; " + expected : null;
        }
        Object[] sized = SIZED.get(name);
        if (sized != null) {
            return sizedFault(name, value, (Integer) sized[0], (String) sized[1]);
        }
        return switch (name) {
            case "octetstring" -> hexDigits(value) < 0 ? "not bytes in hex; expected two hex digits a byte (0A1B...)"
                    : hexDigits(value) % 2 != 0 ? "an odd number of hex digits; expected two a byte (0A1B...)" : null;
            case "string" -> visibleStringFault(value);
            case "bitstring" -> value.matches("[01]*") ? null : "not bits; expected 0s and 1s (10100000)";
            case "boolean" -> value.matches("true|false|1|0") ? null : "expected true or false";
            default -> null;
        };
    }

    /** The value as the translator must be given it to encode what it says. */
    static String forTranslator(String tag, String value) {
        String name = tag.toLowerCase(Locale.ROOT);
        if (name.equals("uint16") && Integer.parseInt(value) > Short.MAX_VALUE) {
            return Integer.toString(Integer.parseInt(value) - 65536); // it reads a UInt16 as a Java short
        }
        if (name.equals("uint64")) {
            return Long.toString(new BigInteger(value).longValue()); // it reads a UInt64 as a Java long
        }
        return value;
    }

    private static String sizedFault(String name, String value, int size, String holds) {
        int digits = hexDigits(value);
        if (digits == size * 2) {
            return null;
        }
        String expected = "expected " + size + " bytes in hex, " + holds;
        if (name.startsWith("float") && DECIMAL.matcher(value.strip()).matches()) {
            double number = Double.parseDouble(value.strip());
            String hex = size == 4 ? String.format("%08X", Float.floatToIntBits((float) number))
                    : String.format("%016X", Double.doubleToLongBits(number));
            return expected + " (" + value.strip() + " is " + hex + ")";
        }
        return (digits < 0 ? "not bytes in hex; " : digits / 2 + (digits % 2 == 0 ? "" : ".5") + " bytes; ")
                + expected;
    }

    /** The number of hex digits, bytes optionally apart, or -1 when the text is not that. */
    private static int hexDigits(String value) {
        if (HEX_BYTES.matcher(value).matches()) {
            return value.replaceAll("\\s", "").length();
        }
        return value.matches("\\s*[0-9A-Fa-f]+\\s*") ? value.strip().length() : -1;
    }

    private static String visibleStringFault(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return String.format("'%s' (U+%04X) is not a visible-string character (ASCII 32..126); write other"
                        + " text as <StringUTF8>", c < 0x20 ? "?" : String.valueOf(c), (int) c);
            }
        }
        return null;
    }

    private static Map.Entry<String, BigInteger[]> range(String name, long low, long high) {
        return Map.entry(name, new BigInteger[] {BigInteger.valueOf(low), BigInteger.valueOf(high)});
    }
}
