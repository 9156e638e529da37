package dlms.xmlclient.cli;

import dlms.xmlclient.session.SecuritySettings;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.Security;
import gurux.dlms.objects.enums.SecuritySuite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The security flags: password (-P, --password-file, XMLCLIENT_PASSWORD), ciphering (-C -V),
 * system titles and keys (-T -M -A -B -D, --keys) and the invocation counter (-F -v). Errors
 * name the flag or file line and never repeat a secret.
 */
final class SecurityOptions {

    static final String PASSWORD_VARIABLE = "XMLCLIENT_PASSWORD";
    private static final Pattern LOGICAL_NAME = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){5}");

    private SecurityOptions() {
    }

    /**
     * The LLS password or HLS secret: -P or --password-file on the command line, else the
     * environment variable (set for this run, like a hidden -P), else -P or --password-file
     * from the options files.
     *
     * @return the password, or null when none is given and none is needed
     */
    static String password(FlagValues line, Authentication authentication, Map<String, String> env)
            throws UsageException {
        if (line.has(ClientOptions.PASSWORD) && line.has(ClientOptions.PASSWORD_FILE)) {
            throw new UsageException(line.flag(ClientOptions.PASSWORD) + " and "
                    + line.flag(ClientOptions.PASSWORD_FILE) + ": give one of them, not both");
        }
        String password;
        boolean typed = line.onCommandLine(ClientOptions.PASSWORD) || line.onCommandLine(ClientOptions.PASSWORD_FILE);
        if (!typed && env.get(PASSWORD_VARIABLE) != null) {
            password = env.get(PASSWORD_VARIABLE);
        } else if (line.has(ClientOptions.PASSWORD)) {
            password = line.get(ClientOptions.PASSWORD);
        } else if (line.has(ClientOptions.PASSWORD_FILE)) {
            password = readPasswordFile(line);
        } else {
            password = null;
        }
        if ((password == null || password.isEmpty()) && needsPassword(authentication)) {
            throw new UsageException(line.flag(ClientOptions.AUTHENTICATION) + " " + name(authentication)
                    + " needs the " + (authentication == Authentication.LOW ? "password" : "secret")
                    + ": -P, --password-file FILE or the " + PASSWORD_VARIABLE + " environment variable");
        }
        // A level without a password ignores one from an options file above: it is not sent,
        // so it is not masked in the trace either (a password like 00000000 would hide data).
        if (password == null || password.isEmpty() || !needsPassword(authentication)) {
            return null;
        }
        String where = line.onCommandLine(ClientOptions.PASSWORD) || line.onCommandLine(ClientOptions.PASSWORD_FILE)
                || env.get(PASSWORD_VARIABLE) == null ? passwordFlag(line) : PASSWORD_VARIABLE;
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(password)) {
            throw new UsageException(where + ": the password has characters outside ASCII, which DLMS cannot carry");
        }
        if (authentication == Authentication.HIGH && password.length() > 16) {
            // Mechanism 2 uses the secret as an AES-128 key; gurux.dlms fails with an array index error.
            throw new UsageException(where + ": a High (mechanism 2) secret is an AES-128 key: at most 16"
                    + " characters, not " + password.length());
        }
        return password;
    }

    private static String passwordFlag(FlagValues line) {
        return line.has(ClientOptions.PASSWORD) ? line.flag(ClientOptions.PASSWORD)
                : line.flag(ClientOptions.PASSWORD_FILE);
    }

    private static String readPasswordFile(FlagValues line) throws UsageException {
        String flag = line.flag(ClientOptions.PASSWORD_FILE);
        Path file = Path.of(line.get(ClientOptions.PASSWORD_FILE));
        List<String> lines;
        try {
            lines = TextLines.read(file);
        } catch (IOException e) {
            throw new UsageException(flag + " " + file + ": cannot be read: " + e.getMessage());
        }
        String first = lines.isEmpty() ? "" : lines.get(0);
        if (first.isEmpty()) {
            throw new UsageException(flag + " " + file + ": the first line is empty");
        }
        return first;
    }

    private static boolean needsPassword(Authentication a) {
        return a == Authentication.LOW || a == Authentication.HIGH || a == Authentication.HIGH_MD5
                || a == Authentication.HIGH_SHA1 || a == Authentication.HIGH_SHA256;
    }

    static SecuritySettings from(FlagValues line, Authentication authentication) throws UsageException {
        Security security = security(line);
        SecuritySuite suite = suite(line);
        boolean needsKeys = security != Security.NONE || authentication == Authentication.HIGH_GMAC;
        if (authentication == Authentication.HIGH_ECDSA) {
            throw new UsageException(line.flag(ClientOptions.AUTHENTICATION)
                    + " HighECDSA is not supported: gurux.dlms 4.0.47 prints the private signing key on standard"
                    + " output whenever it signs an HLS challenge");
        }
        if (!needsKeys) {
            if (line.has(ClientOptions.DEDICATED_KEY)) {
                throw new UsageException(line.flag(ClientOptions.DEDICATED_KEY)
                        + " is used only with ciphering: add -C AuthenticationEncryption (or another level)");
            }
            return SecuritySettings.NONE;
        }
        Map<String, KeysFile.Entry> file = line.has(ClientOptions.KEYS)
                ? KeysFile.read(Path.of(line.get(ClientOptions.KEYS)), line.flag(ClientOptions.KEYS))
                : Map.of();
        if (line.has(ClientOptions.DEDICATED_KEY) && security != Security.ENCRYPTION
                && security != Security.AUTHENTICATION_ENCRYPTION) {
            // The key travels in the xDLMS InitiateRequest, which only these levels encrypt.
            throw new UsageException(line.flag(ClientOptions.DEDICATED_KEY) + " needs -C Encryption or"
                    + " AuthenticationEncryption: with -C " + name(security) + " the key would travel in clear");
        }
        int keyLength = suite == SecuritySuite.SUITE_2 ? 32 : 16;
        String clientTitle = hex(line, file, ClientOptions.SYSTEM_TITLE, 8);
        String meterTitle = hex(line, file, ClientOptions.METER_SYSTEM_TITLE, 8);
        String authenticationKey = hex(line, file, ClientOptions.AUTHENTICATION_KEY, keyLength);
        String blockCipherKey = hex(line, file, ClientOptions.BLOCK_CIPHER_KEY, keyLength);
        String dedicatedKey = hex(line, file, ClientOptions.DEDICATED_KEY, keyLength);
        List<String> missing = new ArrayList<>();
        if (clientTitle == null) {
            missing.add("-T (client system title)");
        }
        if (authenticationKey == null) {
            missing.add("-A (authentication key)");
        }
        if (blockCipherKey == null) {
            missing.add("-B (block cipher key)");
        }
        if (!missing.isEmpty()) {
            String why = security != Security.NONE ? line.flag(ClientOptions.SECURITY) + " " + name(security)
                    : line.flag(ClientOptions.AUTHENTICATION) + " HighGMAC";
            throw new UsageException(why + " needs " + String.join(", ", missing)
                    + ", as flags or in --keys FILE");
        }
        return new SecuritySettings(security, suite, clientTitle, meterTitle, authenticationKey, blockCipherKey,
                dedicatedKey, invocationCounter(line), invocationCounterObject(line));
    }

    private static Security security(FlagValues line) throws UsageException {
        String value = line.get(ClientOptions.SECURITY);
        if (value == null) {
            return Security.NONE;
        }
        switch (value.replace("_", "").toLowerCase(Locale.ROOT)) {
            case "none":
                return Security.NONE;
            case "authentication":
                return Security.AUTHENTICATION;
            case "encryption":
            case "encrypted":
                return Security.ENCRYPTION;
            case "authenticationencryption":
            case "authenticatedencryption":
                return Security.AUTHENTICATION_ENCRYPTION;
            default:
                throw new UsageException(line.flag(ClientOptions.SECURITY) + " " + value
                        + ": expected None, Authentication, Encryption or AuthenticationEncryption");
        }
    }

    private static SecuritySuite suite(FlagValues line) throws UsageException {
        String value = line.get(ClientOptions.SUITE);
        if (value == null) {
            return SecuritySuite.SUITE_0;
        }
        switch (value.replace("_", "").toLowerCase(Locale.ROOT)) {
            case "0":
            case "suite0":
                return SecuritySuite.SUITE_0;
            case "1":
            case "suite1":
                return SecuritySuite.SUITE_1;
            case "2":
            case "suite2":
                return SecuritySuite.SUITE_2;
            default:
                throw new UsageException(line.flag(ClientOptions.SUITE) + " " + value + ": expected 0, 1 or 2");
        }
    }

    /** A flag's hex value, else the keys file's; checked for length. The value is never echoed. */
    private static String hex(FlagValues line, Map<String, KeysFile.Entry> file, String letter, int bytes)
            throws UsageException {
        String value;
        String where;
        if (line.has(letter)) {
            value = line.get(letter);
            where = line.flag(letter);
        } else if (file.containsKey(letter)) {
            value = file.get(letter).value();
            where = file.get(letter).origin();
        } else {
            return null;
        }
        String hex = value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("([0-9A-F]{2})+")) {
            throw new UsageException(where + ": not hex bytes (e.g. 000102...)");
        }
        if (hex.length() != bytes * 2) {
            throw new UsageException(where + ": " + hex.length() / 2 + " bytes, expected " + bytes);
        }
        return hex;
    }

    private static long invocationCounter(FlagValues line) throws UsageException {
        String value = line.get(ClientOptions.INVOCATION_COUNTER);
        if (value == null) {
            return -1;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0 && parsed <= 0xFFFFFFFFL) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException(line.flag(ClientOptions.INVOCATION_COUNTER) + " " + value
                + ": expected a whole number 0..4294967295");
    }

    private static String invocationCounterObject(FlagValues line) throws UsageException {
        String value = line.get(ClientOptions.INVOCATION_COUNTER_OBJECT);
        if (value == null) {
            return null;
        }
        String ln = value.trim();
        if (!LOGICAL_NAME.matcher(ln).matches()
                || List.of(ln.split("\\.")).stream().anyMatch(p -> Integer.parseInt(p) > 255)) {
            throw new UsageException(line.flag(ClientOptions.INVOCATION_COUNTER_OBJECT) + " " + value
                    + ": expected a logical name such as 0.0.43.1.1.255");
        }
        return ln;
    }

    static String name(Authentication a) {
        return SecuritySettings.name(a);
    }

    static String name(Security s) {
        return SecuritySettings.name(s);
    }
}
