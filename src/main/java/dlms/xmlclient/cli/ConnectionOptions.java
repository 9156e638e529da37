package dlms.xmlclient.cli;

import dlms.xmlclient.session.ConnectionSettings;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;

import java.util.Locale;
import java.util.Map;

/** Turns the association and target flags into {@link ConnectionSettings}, naming the flag on error. */
final class ConnectionOptions {

    private ConnectionOptions() {
    }

    /** @param env the environment, for {@code XMLCLIENT_PASSWORD} */
    static ConnectionSettings from(FlagValues line, Map<String, String> env) throws UsageException {
        String host = line.get(ClientOptions.HOST);
        int port = 0;
        if (line.has(ClientOptions.PORT)) {
            port = integer(line, ClientOptions.PORT, 1, 65535, 0);
            if (host == null) {
                throw new UsageException("-p " + port + " needs -h, the meter's host (without -h the built-in"
                        + " simulator is used, on a free port)");
            }
        } else if (host != null) {
            throw new UsageException("-h " + host + " needs -p, the meter's TCP port (DLMS/COSEM's registered port is 4059)");
        }
        boolean logicalNames = true;
        if (line.has(ClientOptions.REFERENCING)) {
            String r = line.get(ClientOptions.REFERENCING).trim().toLowerCase(Locale.ROOT);
            if (!r.equals("ln") && !r.equals("sn")) {
                throw new UsageException(line.flag(ClientOptions.REFERENCING) + " " + r + ": expected ln or sn");
            }
            logicalNames = r.equals("ln");
        }
        Authentication authentication = authentication(line, line.get(ClientOptions.AUTHENTICATION, "None"));
        return new ConnectionSettings(
                host,
                port,
                line.has(ClientOptions.WRAPPER) ? InterfaceType.WRAPPER : InterfaceType.HDLC,
                logicalNames,
                integer(line, ClientOptions.CLIENT, 0, 0x7F, 16),
                integer(line, ClientOptions.SERVER, 0, 0x3FFF, 1),
                authentication,
                SecurityOptions.password(line, authentication, env),
                SecurityOptions.from(line, authentication),
                integer(line, ClientOptions.WAIT_TIME, 1, 3_600_000, 5000),
                integer(line, ClientOptions.RETRIES, 0, 100, 3));
    }

    /** Accepts the Gurux spellings: None, Low, High, HighMD5, HighSHA1, HighSHA256, HighGMAC, HighECDSA. */
    static Authentication authentication(FlagValues line, String value) throws UsageException {
        String wanted = value.replace("_", "").toLowerCase(Locale.ROOT);
        for (Authentication a : Authentication.values()) {
            if (a.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                return a;
            }
        }
        throw new UsageException(line.flag(ClientOptions.AUTHENTICATION) + " " + value
                + ": expected None, Low, High, HighMD5, HighSHA1, HighSHA256, HighGMAC or HighECDSA");
    }

    private static int integer(FlagValues line, String option, int min, int max, int fallback)
            throws UsageException {
        String value = line.get(option);
        if (value == null) {
            return fallback;
        }
        String flag = line.flag(option);
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " " + value + ": not a whole number");
        }
        if (parsed < min || parsed > max) {
            throw new UsageException(flag + " " + value + ": must be between " + min + " and " + max);
        }
        return parsed;
    }
}
