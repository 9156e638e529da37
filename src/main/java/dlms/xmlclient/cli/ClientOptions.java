package dlms.xmlclient.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The xmlclient command line; short flags keep the Gurux XmlClient's meaning. */
final class ClientOptions {

    static final String HOST = "h";
    static final String PORT = "p";
    static final String AUTHENTICATION = "a";
    static final String PASSWORD = "P";
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
        o.addOption(valued(PASSWORD, "password", "PASSWORD", "password for Low, secret for High authentication"));
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
