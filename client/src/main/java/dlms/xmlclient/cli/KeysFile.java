package dlms.xmlclient.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code --keys} file: system titles and keys, so that they need not be typed on a command
 * line (where {@code ps} shows them). One {@code name = hex} per line, named as the long flags:
 * system-title, meter-system-title, authentication-key, block-cipher-key, dedicated-key.
 * {@code #} starts a comment; spaces inside the hex are allowed.
 */
final class KeysFile {

    /** Long name in the file → the flag it stands for. */
    static final Map<String, String> NAMES = Map.of(
            "system-title", ClientOptions.SYSTEM_TITLE,
            "meter-system-title", ClientOptions.METER_SYSTEM_TITLE,
            "authentication-key", ClientOptions.AUTHENTICATION_KEY,
            "block-cipher-key", ClientOptions.BLOCK_CIPHER_KEY,
            "dedicated-key", ClientOptions.DEDICATED_KEY);

    private KeysFile() {
    }

    /**
     * @param file  the keys file
     * @param flag  how the user named the file, for messages ({@code --keys} with its origin)
     * @return flag letter → hex value, with the place each came from as {@code file:line}
     */
    static Map<String, Entry> read(Path file, String flag) throws UsageException {
        List<String> lines;
        try {
            lines = TextLines.read(file);
        } catch (IOException e) {
            throw new UsageException(flag + " " + file + ": cannot be read: " + e.getMessage());
        }
        Map<String, Entry> keys = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            int hash = text.indexOf('#');
            text = (hash < 0 ? text : text.substring(0, hash)).trim();
            if (text.isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            int eq = text.indexOf('=');
            if (eq < 0) {
                // Never echo the line: it may hold a key.
                throw new UsageException(where + ": expected name = hex");
            }
            String name = text.substring(0, eq).trim();
            String letter = NAMES.get(name);
            if (letter == null) {
                // A name that could be a key (hex digits only: "KEY = name", the sides swapped) is not shown.
                String shown = name.matches("[0-9A-Fa-f ]+") ? "(" + name.length() + " hex digits, not shown: the"
                        + " name goes left of '=', the key right)" : "'" + name + "'";
                throw new UsageException(where + ": unknown name " + shown + " (expected one of "
                        + String.join(", ", NAMES.keySet().stream().sorted().toList()) + ")");
            }
            keys.put(letter, new Entry(text.substring(eq + 1).trim(), where, name));
        }
        return keys;
    }

    /**
     * One value and where it was written.
     *
     * @param place the file and line, e.g. {@code site.keys:3}
     * @param name  its name there, e.g. {@code block-cipher-key}
     */
    record Entry(String value, String place, String name) {

        /** E.g. {@code site.keys:3: block-cipher-key}, for errors. */
        String origin() {
            return place + ": " + name;
        }

        @Override
        public String toString() {
            return origin(); // never the value
        }
    }
}
