package dlms.xmlclient.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The xmlclient command line; short flags keep the Gurux XmlClient's meaning. */
final class ClientOptions {

    static final String HOST = "h";
    static final String PORT = "p";
    static final String AUTHENTICATION = "a";
    static final String PASSWORD = "P";
    static final String PASSWORD_FILE = "password-file";
    static final String SECURITY = "C";
    static final String SUITE = "V";
    static final String SYSTEM_TITLE = "T";
    static final String METER_SYSTEM_TITLE = "M";
    static final String AUTHENTICATION_KEY = "A";
    static final String BLOCK_CIPHER_KEY = "B";
    static final String DEDICATED_KEY = "D";
    static final String INVOCATION_COUNTER = "F";
    static final String INVOCATION_COUNTER_OBJECT = "v";
    static final String KEYS = "keys";
    static final String CLIENT = "c";
    static final String SERVER = "s";
    static final String REFERENCING = "r";
    static final String WRAPPER = "w";
    static final String TRACE = "t";
    static final String MESSAGES = "x";
    static final String OUT = "o";
    static final String EXPECTED = "e";
    static final String STRICT = "strict";
    static final String RECORD = "record";
    static final String WAIT_TIME = "wait-time";
    static final String RETRIES = "retries";
    static final String HELP = "help";

    private ClientOptions() {
    }

    static Options definitions() {
        Options o = new Options();
        o.addOption(valued(HOST, "host", "HOST", "meter host name or IP address; without it the built-in simulator is started"));
        o.addOption(valued(PORT, "port", "PORT", "meter TCP port (needed with -h; DLMS/COSEM's registered port is 4059)"));
        o.addOption(valued(AUTHENTICATION, "authentication", "LEVEL",
                "None (default), Low, High, HighMD5, HighSHA1, HighSHA256, HighGMAC, HighECDSA"));
        o.addOption(valued(PASSWORD, "password", "PASSWORD", "password for Low, secret for High, HighMD5, HighSHA1"
                + " and HighSHA256 (visible in ps: prefer --password-file or XMLCLIENT_PASSWORD)"));
        o.addOption(valued(null, PASSWORD_FILE, "FILE", "read the password from the first line of FILE"));
        o.addOption(valued(SECURITY, "security", "LEVEL",
                "ciphering: None (default), Authentication, Encryption, AuthenticationEncryption"));
        o.addOption(valued(SUITE, "security-suite", "N", "security suite 0 (default), 1 or 2"));
        o.addOption(valued(SYSTEM_TITLE, "system-title", "HEX", "the client's system title, 8 bytes"));
        o.addOption(valued(METER_SYSTEM_TITLE, "meter-system-title", "HEX",
                "the meter's system title; when given, the AARE must carry it"));
        o.addOption(valued(AUTHENTICATION_KEY, "authentication-key", "HEX", "authentication key"));
        o.addOption(valued(BLOCK_CIPHER_KEY, "block-cipher-key", "HEX", "global unicast block cipher key"));
        o.addOption(valued(DEDICATED_KEY, "dedicated-key", "HEX", "dedicated key: ciphers with ded- services"));
        o.addOption(valued(INVOCATION_COUNTER, "invocation-counter", "N",
                "first invocation counter (frame counter) to send (default 0)"));
        o.addOption(valued(INVOCATION_COUNTER_OBJECT, "invocation-counter-object", "LN",
                "read the meter's invocation counter (e.g. 0.0.43.1.1.255) through the public client 16"
                        + " and continue from its value + 1"));
        o.addOption(valued(null, KEYS, "FILE", "system titles and keys from FILE (lines: name = hex, with the"
                + " long names of -T -M -A -B -D); flags override it"));
        o.addOption(valued(CLIENT, "client", "SAP", "client address (default 16, the public client)"));
        o.addOption(valued(SERVER, "server", "ADDRESS", "server address (default 1)"));
        o.addOption(valued(REFERENCING, "referencing", "ln|sn", "logical name (default) or short name referencing"));
        o.addOption(Option.builder(WRAPPER).longOpt("wrapper").desc("use the WRAPPER profile (default HDLC)").build());
        o.addOption(valued(TRACE, "trace", "LEVEL", "Error, Warning, Info (default) or Verbose (every frame on the console)"));
        o.addOption(valued(MESSAGES, "messages", "PATH", "message file, or folder of them (searched recursively)"));
        o.addOption(valued(EXPECTED, "expected", "DIR", "expected replies: DIR/<path below -x> for each message file"));
        o.addOption(Option.builder().longOpt(STRICT).desc("a reply with no expected reply fails (default: not checked)").build());
        o.addOption(Option.builder().longOpt(RECORD).desc("write the replies as the expected files in -e DIR").build());
        o.addOption(valued(OUT, "out", "DIR", "output folder (default out)"));
        o.addOption(valued(null, WAIT_TIME, "MS", "how long to wait for each reply, in ms (default 5000)"));
        o.addOption(valued(null, RETRIES, "N", "resends of an unanswered frame (default 3)"));
        o.addOption(Option.builder().longOpt(HELP).desc("show this help").build());
        return o;
    }

    private static Option valued(String shortName, String longName, String argName, String description) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(argName).desc(description).build();
    }
}
