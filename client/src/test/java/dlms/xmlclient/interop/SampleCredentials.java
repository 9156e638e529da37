package dlms.xmlclient.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The credentials the sample scripts use, read from the sample files themselves: the Low
 * password from messages/xmlclient.options (-P), keys and system title from
 * messages/secure/simulator.keys. So the interoperability tests show that what the project
 * documents works with a client nobody here wrote.
 */
final class SampleCredentials {

    private static final Path MESSAGES = Path.of("messages");

    private SampleCredentials() {
    }

    /** @return the management client's Low password (-P of messages/xmlclient.options) */
    static byte[] lowPassword() {
        String password = flag(MESSAGES.resolve("xmlclient.options"), "-P");
        if (password == null) {
            throw new IllegalStateException("messages/xmlclient.options has no -P");
        }
        return password.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the word after a flag in an options file, null when the flag is not there */
    private static String flag(Path options, String name) {
        List<String> words = Arrays.asList(String.join(" ", lines(options)).trim().split("\\s+"));
        int at = words.indexOf(name);
        return at < 0 || at + 1 >= words.size() ? null : words.get(at + 1);
    }

    /**
     * @param script a script under messages/, e.g. "public/set-clock-denied.xml"
     * @return the client SAP (-c) of the nearest xmlclient.options from the script's folder up
     */
    static int clientOf(String script) {
        for (Path folder = MESSAGES.resolve(script).getParent(); folder.startsWith(MESSAGES);
                folder = folder.getParent()) {
            Path options = folder.resolve("xmlclient.options");
            if (Files.isRegularFile(options)) {
                String sap = flag(options, "-c");
                if (sap != null) {
                    return Integer.parseInt(sap);
                }
            }
        }
        throw new IllegalStateException("no xmlclient.options with -c for " + script);
    }

    /** @return a key of messages/secure/simulator.keys, e.g. "block-cipher-key" */
    static byte[] key(String name) {
        String hex = keys().get(name);
        if (hex == null) {
            throw new IllegalStateException("messages/secure/simulator.keys has no " + name);
        }
        return HexFormat.of().parseHex(hex);
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new HashMap<>();
        for (String line : lines(MESSAGES.resolve("secure/simulator.keys"))) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                keys.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return keys;
    }

    /** @return the lines of a sample file without comments */
    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.trim().startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
