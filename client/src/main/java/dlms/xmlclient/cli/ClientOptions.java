package dlms.xmlclient.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The xmlclient command line; short flags keep the Gurux XmlClient's meaning. */
final class ClientOptions {

    static final String HOST = "h";
    static final String PORT = "p";
    static final String SERIAL = "S";
    static final String IEC = "i";
    static final String UDP = "U";
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
    static final String LOGICAL_SERVER = "l";
    static final String SERIAL_NUMBER = "n";
    static final String WINDOW_SIZE = "window-size";
    static final String FRAME_SIZE = "frame-size";
    static final String GBT_WINDOW = "W";
    static final String INACTIVITY = "inactivity";
    static final String MAX_REPLY_BYTES = "max-reply-bytes";
    static final String MAX_REPLY_TIME = "max-reply-time";
    static final String REFERENCING = "r";
    static final String WRAPPER = "w";
    static final String TRACE = "t";
    static final String NO_TRACE = "no-trace";
    static final String MESSAGES = "x";
    static final String OUT = "o";
    static final String EXPECTED = "e";
    static final String STRICT = "strict";
    static final String MISSING_EXPECTED = "missing-expected";
    static final String FAIL_FAST = "fail-fast";
    static final String RECORD = "record";
    static final String WAIT_TIME = "wait-time";
    static final String RETRIES = "retries";
    static final String HELP = "help";
    static final String TARGETS = "targets";
    static final String PARALLEL = "parallel";
    static final String PROGRESS = "progress";
    static final String EXCLUDE = "exclude";
    static final String FINDINGS = "findings";
    static final String BROKER = "broker";
    static final String QUEUE = "queue";
    static final String BROKER_TIMEOUT = "broker-timeout";

    private ClientOptions() {
    }

    static Options definitions() {
        Options o = new Options();
        o.addOption(valued(HOST, "host", "HOST", "meter host name or IP address; without it the built-in simulator is started"));
        o.addOption(valued(PORT, "port", "PORT", "meter TCP or UDP port (needed with -h; DLMS/COSEM's registered port is 4059)"));
        o.addOption(valued(SERIAL, "serial", "PORT:BAUD:8None1", "meter on a serial port, e.g. /dev/ttyUSB0:9600:8None1"
                + " or COM1:9600:8None1 (a pseudo-terminal from socat works too)"));
        o.addOption(Option.builder(IEC).longOpt("mode-e").desc("start with the IEC 62056-21 sign-on at 300 baud 7E1 and switch"
                + " to HDLC mode E at the rate the meter proposes (with -S)").build());
        o.addOption(Option.builder(UDP).longOpt("udp").desc("WRAPPER frames over UDP instead of TCP (implies -w)").build());
        o.addOption(valued(AUTHENTICATION, "authentication", "LEVEL",
                "None (default), Low, High, HighMD5, HighSHA1, HighSHA256, HighGMAC"));
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
        o.addOption(valued(SERVER, "server", "ADDRESS", "server address (default 1); with -l, the physical address"));
        o.addOption(valued(LOGICAL_SERVER, "logical-server", "ADDRESS", "logical device address; -s is then the"
                + " physical address (HDLC)"));
        o.addOption(valued(SERIAL_NUMBER, "serial-number", "N", "server address from the meter's serial number"
                + " (DLMS formula: physical = N % 10000 + 1000, logical 1 or -l)"));
        o.addOption(valued(null, WINDOW_SIZE, "N", "HDLC window size proposed in the SNRM, 1-7 (default 1)"));
        o.addOption(valued(null, FRAME_SIZE, "BYTES", "HDLC max information field proposed in the SNRM, TX and RX,"
                + " 32-2030 (default 128)"));
        o.addOption(valued(GBT_WINDOW, "gbt-window", "N", "propose general block transfer in the AARQ's conformance,"
                + " receiving up to N blocks a window, 1-63 (default: not proposed; ordinary block transfer)"));
        o.addOption(valued(REFERENCING, "referencing", "ln|sn", "logical name (default) or short name referencing"));
        o.addOption(Option.builder(WRAPPER).longOpt("wrapper").desc("use the WRAPPER profile (default HDLC)").build());
        o.addOption(valued(TRACE, "trace", "LEVEL", "Error, Warning, Info (default) or Verbose (every frame on the console)"));
        o.addOption(Option.builder().longOpt(NO_TRACE).desc("write no " + "trace.txt and no trace excerpts in the"
                + " reports: each frame is then not written in hex with a time stamp (with --targets: for every meter)").build());
        o.addOption(valued(MESSAGES, "messages", "PATH", "message file, or folder of them (searched recursively)"));
        o.addOption(valued(EXPECTED, "expected", "DIR", "expected replies: DIR/<path below -x> for each message file"));
        o.addOption(Option.builder().longOpt(MISSING_EXPECTED).hasArg().argName("fail|not-checked")
                .desc("with -e, a script that has no expected file: fail (default), naming the file looked for, or"
                        + " not-checked (a folder that mixes checked and unchecked scripts)").build());
        o.addOption(Option.builder().longOpt(STRICT).desc("a reply with no expected reply fails (default: not checked)").build());
        o.addOption(Option.builder().longOpt(FAIL_FAST).desc("stop after the first script that fails or breaks off"
                + " (the rest are reported as not run)").build());
        o.addOption(Option.builder().longOpt(RECORD).hasArg().optionalArg(true).argName("update")
                .desc("write the replies as expected files in -e DIR where none exists (existing files stay as they"
                        + " are); --record=update also updates existing files: values that no longer match get the"
                        + " new value (each change printed), placeholders that still match and comments stay").build());
        o.addOption(valued(null, FINDINGS, "fail|warn", "what the meter's encoding findings and other deviations from"
                + " the standard do: fail the request (default) or only warn (for a known quirk of one meter)"));
        o.addOption(valued(OUT, "out", "DIR", "output folder (default out)"));
        o.addOption(valued(null, WAIT_TIME, "MS", "how long to wait for a reply to start, in ms (default 5000); a frame's"
                + " whole answer must be in within the longer of --wait-time and --inactivity (unless it is still"
                + " coming at 20 bytes a second or more), whatever else the meter sends, or the frame is sent again"));
        o.addOption(valued(null, INACTIVITY, "MS", "how long a reply may pause once started, in ms (default: --wait-time)"));
        o.addOption(valued(null, RETRIES, "N", "resends of an unanswered frame (default 3): one frame exchange lasts"
                + " at most max(--wait-time, --inactivity) × (N + 1)"));
        o.addOption(valued(null, MAX_REPLY_BYTES, "BYTES", "the most one reply may take, all its frames and blocks"
                + " (default 16777216, 16 MiB): a meter that keeps sending is cut off there"));
        o.addOption(valued(null, MAX_REPLY_TIME, "S", "the longest one reply may take, all its frames and blocks, in"
                + " seconds (default 600): a meter that keeps answering, however slowly, is cut off there"));
        o.addOption(valued(null, TARGETS, "FILE", "a fleet: CSV of meters, one per line: name,host,port[,flags] (flags such"
                + " as -s, -n, -P for that meter); each meter runs every script, into <out>/<name>"));
        o.addOption(valued(null, EXCLUDE, "GLOB", "leave out the message files whose path below -x matches, e.g."
                + " 'sn/**' (may be repeated)"));
        o.addOption(valued(null, PARALLEL, "N", "with --targets, how many meters run at once (default 8; up to "
                + "100000: thousands for meters far away, each waiting on a virtual thread)"));
        o.addOption(valued(null, PROGRESS, "S", "with --targets, a progress line every S seconds: meters done, passing"
                + " and not, in flight, rate, time left (default 10; 0: none)"));
        o.addOption(valued(null, BROKER, "URI", "with --targets, publish each meter as a job to a RabbitMQ broker,"
                + " amqp://user:password@host:port/vhost, for xmlclient worker processes on any host to run, and"
                + " gather their results into the console, junit.xml and exit code (docs/broker.md)"));
        o.addOption(valued(null, QUEUE, "NAME", "with --broker, the queue of jobs the workers take from (default "
                + WorkerOptions.DEFAULT_QUEUE + ")"));
        o.addOption(valued(null, BROKER_TIMEOUT, "S", "with --broker, give up on meters no worker has reported after S"
                + " seconds (default " + BrokerPlans.DEFAULT_TIMEOUT_SECONDS + "): they are errors"));
        o.addOption(Option.builder().longOpt(HELP).desc("show this help").build());
        return o;
    }

    private static Option valued(String shortName, String longName, String argName, String description) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(argName).desc(description).build();
    }
}
