package dlms.xmlclient.cli;

import dlms.xmlclient.media.Medium;
import dlms.xmlclient.wire.line.SerialSettings;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.FindingPolicy;
import dlms.xmlclient.session.HdlcParameters;
import dlms.xmlclient.session.ReplyLimits;
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
        Medium medium = medium(line);
        boolean logicalNames = true;
        if (line.has(ClientOptions.REFERENCING)) {
            String r = line.get(ClientOptions.REFERENCING).trim().toLowerCase(Locale.ROOT);
            if (!r.equals("ln") && !r.equals("sn")) {
                throw new UsageException(line.flag(ClientOptions.REFERENCING) + " " + r + ": expected ln or sn");
            }
            logicalNames = r.equals("ln");
        }
        InterfaceType interfaceType = line.has(ClientOptions.WRAPPER) || medium.udp()
                ? InterfaceType.WRAPPER : InterfaceType.HDLC;
        if (interfaceType == InterfaceType.WRAPPER && medium.serial() != null) {
            throw new UsageException(line.flag(ClientOptions.WRAPPER) + ": WRAPPER is for TCP and UDP; a serial port"
                    + " carries HDLC (leave out -w)");
        }
        Authentication authentication = authentication(line, line.get(ClientOptions.AUTHENTICATION, "None"));
        int waitTime = integer(line, ClientOptions.WAIT_TIME, 1, 3_600_000, 5000);
        return new ConnectionSettings(
                medium,
                interfaceType,
                logicalNames,
                integer(line, ClientOptions.CLIENT, 0, 0x7F, 16),
                ServerAddressOptions.from(line, interfaceType),
                authentication,
                SecurityOptions.password(line, authentication, env),
                SecurityOptions.from(line, authentication),
                hdlc(line, interfaceType),
                new ReplyLimits(waitTime,
                        integer(line, ClientOptions.INACTIVITY, 1, 3_600_000, waitTime),
                        integer(line, ClientOptions.RETRIES, 0, 100, 3),
                        integer(line, ClientOptions.MAX_REPLY_BYTES, 1024, Integer.MAX_VALUE,
                                (int) ReplyLimits.DEFAULT_MAX_REPLY_BYTES),
                        1000L * integer(line, ClientOptions.MAX_REPLY_TIME, 1, 86_400,
                                (int) (ReplyLimits.DEFAULT_MAX_REPLY_MILLIS / 1000))),
                findings(line),
                integer(line, ClientOptions.GBT_WINDOW, 1, ConnectionSettings.MAX_GBT_WINDOW, 0));
    }

    private static FindingPolicy findings(FlagValues line) throws UsageException {
        String value = line.get(ClientOptions.FINDINGS, "fail").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "fail" -> FindingPolicy.FAIL;
            case "warn" -> FindingPolicy.WARN;
            default -> throw new UsageException(line.flag(ClientOptions.FINDINGS) + " " + value
                    + ": expected fail or warn");
        };
    }

    /** -h/-p, -U or -S (with -i); neither -h nor -S: the built-in simulator, started later. */
    private static Medium medium(FlagValues line) throws UsageException {
        String host = line.get(ClientOptions.HOST);
        boolean udp = line.has(ClientOptions.UDP);
        if (line.has(ClientOptions.SERIAL)) {
            String text = line.get(ClientOptions.SERIAL);
            if (host != null || line.has(ClientOptions.PORT)) {
                throw new UsageException("-S " + text + " and -h/-p: a meter is on a serial port or on the network,"
                        + " not both");
            }
            if (udp) {
                throw new UsageException("-U/--udp is for the network; -S " + text + " is a serial port");
            }
            try {
                return new Medium(null, 0, false, SerialSettings.parse(text), line.has(ClientOptions.IEC));
            } catch (IllegalArgumentException e) {
                throw new UsageException("-S " + text + ": " + e.getMessage() + " (expected PORT:BAUD:8None1)");
            }
        }
        if (line.has(ClientOptions.IEC)) {
            throw new UsageException("-i (the IEC 62056-21 sign-on) needs -S: it is a serial-port handshake");
        }
        int port = 0;
        if (line.has(ClientOptions.PORT)) {
            port = integer(line, ClientOptions.PORT, 1, 65535, 0);
            if (host == null) {
                throw new UsageException("-p " + port + " needs -h, the meter's host (without -h the built-in"
                        + " simulator is used, on a free port)");
            }
        } else if (host != null) {
            throw new UsageException("-h " + host + " needs -p, the meter's " + (udp ? "UDP" : "TCP")
                    + " port (DLMS/COSEM's registered port is 4059)");
        }
        return new Medium(host, port, udp, null, false);
    }

    private static HdlcParameters hdlc(FlagValues line, InterfaceType interfaceType) throws UsageException {
        for (String option : new String[] {ClientOptions.WINDOW_SIZE, ClientOptions.FRAME_SIZE}) {
            if (line.has(option) && interfaceType != InterfaceType.HDLC) {
                throw new UsageException(line.flag(option) + " is an HDLC link parameter; WRAPPER has no such link");
            }
        }
        return new HdlcParameters(
                integer(line, ClientOptions.WINDOW_SIZE, 1, HdlcParameters.MAX_WINDOW, HdlcParameters.DEFAULT.windowSize()),
                integer(line, ClientOptions.FRAME_SIZE, HdlcParameters.MIN_INFO, HdlcParameters.MAX_INFO,
                        HdlcParameters.DEFAULT.maxInfo()));
    }

    /** Accepts the Gurux spellings (HighECDSA too, so that SecurityOptions can say why it is refused). */
    static Authentication authentication(FlagValues line, String value) throws UsageException {
        String wanted = value.replace("_", "").toLowerCase(Locale.ROOT);
        for (Authentication a : Authentication.values()) {
            if (a.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                return a;
            }
        }
        throw new UsageException(line.flag(ClientOptions.AUTHENTICATION) + " " + value
                + ": expected None, Low, High, HighMD5, HighSHA1, HighSHA256 or HighGMAC");
    }

    static int integer(FlagValues line, String option, int min, int max, int fallback)
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
