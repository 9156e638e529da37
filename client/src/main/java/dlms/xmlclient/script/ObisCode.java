package dlms.xmlclient.script;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logical name (OBIS code) as engineers write it, read into the 6 bytes the Gurux translator
 * wants as hex: {@code 0100010800FF}, {@code 1.0.1.8.0.255}, {@code 1-0:1.8.0.255} or
 * {@code 1-0:1.8.0*255} (IEC 62056-6-1's A-B:C.D.E*F). The translator takes any even run of hex
 * digits, so a dotted code used to go out as 2 bytes and the meter answered read-write-denied.
 */
public final class ObisCode {

    /** The forms, as said in a message. */
    public static final String FORMS = "6 bytes in hex (0100010800FF), 1.0.1.8.0.255 or 1-0:1.8.0*255";

    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{12}");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})"
            + "\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern REDUCED = Pattern.compile("(\\d{1,3})-(\\d{1,3}):(\\d{1,3})\\.(\\d{1,3})"
            + "\\.(\\d{1,3})[.*](\\d{1,3})");

    private ObisCode() {
    }

    /** The code as 12 hex digits, upper case, or empty when the text is none of the forms. */
    public static Optional<String> hex(String text) {
        String value = text.strip().replace(" ", "");
        if (HEX.matcher(value).matches()) {
            return Optional.of(value.toUpperCase(Locale.ROOT));
        }
        for (Pattern form : new Pattern[] {DOTTED, REDUCED}) {
            Matcher m = form.matcher(value);
            if (m.matches()) {
                StringBuilder b = new StringBuilder();
                for (int group = 1; group <= 6; group++) {
                    int part = Integer.parseInt(m.group(group));
                    if (part > 255) {
                        return Optional.empty();
                    }
                    b.append(String.format("%02X", part));
                }
                return Optional.of(b.toString());
            }
        }
        return Optional.empty();
    }
}
