package dlms.xmlclient.simulator.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import dlms.xmlclient.simulator.faults.MeterFault;
import dlms.xmlclient.simulator.Referencing;
import dlms.xmlclient.simulator.SimulatorOptions;
import dlms.xmlclient.simulator.transport.ReplyPacing;
import dlms.xmlclient.simulator.transport.ServerAddress;
import dlms.xmlclient.wire.line.SerialSettings;
import gurux.common.enums.TraceLevel;

/** The simulator's command line: option definitions and their parsed values. */
final class SimulatorCommandLine {

    /** A command line the simulator cannot run; the message names the option. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static final String PORT = "p";
    private static final String BIND = "b";
    private static final String WRAPPER = "w";
    private static final String DEVICE = "x";
    private static final String TRACE = "t";
    private static final String SAVE_DEVICE = "save-device";
    private static final String HELP = "help";
    private static final String SERIAL = "S";
    private static final String MODE_E = "i";
    private static final String UDP = "U";
    private static final String REFERENCING = "r";
    private static final String SERIAL_NUMBER = "serial-number";
    private static final String ANY_SERVER_ADDRESS = "any-server-address";
    private static final String IEC_BAUD = "iec-baud";
    private static final String ECHO = "echo";
    private static final String FAULT = "fault";
    private static final String COUNT = "N";
    private static final String ONE_PORT = "X";
    private static final String WRITE_TARGETS = "write-targets";
    private static final String CALL = "call";
    private static final String PUSH_EVERY = "push-every";

    final boolean help;
    final Path saveDevice;
    final int port;
    final InetAddress bind;
    final boolean wrapper;
    final Path device;
    final TraceLevel trace;
    final SerialSettings serial;
    final boolean modeE;
    final boolean udp;
    final Referencing referencing;
    final long serialNumber;
    final boolean anyServerAddress;
    final Character iecBaud;
    final boolean echo;
    final MeterFault fault;
    final int count;
    final boolean onePort;
    final Path writeTargets;
    /** --call: the head-end to connect to instead of listening, or null. */
    final InetSocketAddress call;
    /** --push-every in seconds, 0 for none. */
    final int pushEvery;
    /** --latency and --baud. */
    final ReplyPacing pacing;

    private SimulatorCommandLine(CommandLine cl) throws UsageException {
        help = cl.hasOption(HELP);
        saveDevice = cl.hasOption(SAVE_DEVICE) ? path(cl, SAVE_DEVICE, "--save-device") : null;
        port = cl.hasOption(PORT) ? port(cl.getOptionValue(PORT)) : SimulatorOptions.DEFAULT_PORT;
        bind = cl.hasOption(BIND) ? address(cl.getOptionValue(BIND))
                : InetAddress.getLoopbackAddress();
        wrapper = cl.hasOption(WRAPPER);
        device = cl.hasOption(DEVICE) ? path(cl, DEVICE, "-x/--device") : null;
        trace = cl.hasOption(TRACE) ? traceLevel(cl.getOptionValue(TRACE)) : TraceLevel.ERROR;
        serial = cl.hasOption(SERIAL) ? serialSettings(cl.getOptionValue(SERIAL)) : null;
        modeE = cl.hasOption(MODE_E);
        udp = cl.hasOption(UDP);
        referencing = cl.hasOption(REFERENCING) ? referencing(cl.getOptionValue(REFERENCING))
                : Referencing.BOTH;
        serialNumber = cl.hasOption(SERIAL_NUMBER) ? serialNumber(cl.getOptionValue(SERIAL_NUMBER))
                : ServerAddress.DEFAULT_SERIAL_NUMBER;
        anyServerAddress = cl.hasOption(ANY_SERVER_ADDRESS);
        iecBaud = cl.hasOption(IEC_BAUD) ? iecBaud(cl.getOptionValue(IEC_BAUD)) : null;
        echo = cl.hasOption(ECHO);
        fault = cl.hasOption(FAULT) ? fault(cl.getOptionValue(FAULT)) : null;
        count = cl.hasOption(COUNT) ? count(cl.getOptionValue(COUNT)) : 1;
        onePort = cl.hasOption(ONE_PORT);
        writeTargets = cl.hasOption(WRITE_TARGETS)
                ? path(cl, WRITE_TARGETS, "--write-targets") : null;
        if (writeTargets != null && (serial != null || udp)) {
            throw new UsageException("--write-targets lists TCP meters: not with "
                    + (udp ? "-U/--udp" : "-S/--serial"));
        }
        call = cl.hasOption(CALL) ? HeadEnd.parse(cl.getOptionValue(CALL), cl, PORT, BIND, SERIAL, UDP, COUNT,
                WRITE_TARGETS) : null;
        pushEvery = cl.hasOption(PUSH_EVERY) ? HeadEnd.pushEvery(cl.getOptionValue(PUSH_EVERY), call) : 0;
        pacing = LinePacing.parse(cl);
        if (serial != null && (cl.hasOption(PORT) || cl.hasOption(BIND))) {
            throw new UsageException((cl.hasOption(PORT) ? "-p/--port" : "-b/--bind")
                    + " does not apply to a serial port (-S/--serial)");
        }
    }

    /**
     * @return the options the command line asks for, without trace and log
     * @throws UsageException when options do not go together
     */
    SimulatorOptions options() throws UsageException {
        SimulatorOptions options = new SimulatorOptions().port(port).bind(bind).wrapper(wrapper)
                .deviceFile(device).udp(udp).referencing(referencing).serialNumber(serialNumber)
                .anyServerAddress(anyServerAddress).serial(serial).modeE(modeE).echo(echo)
                .fault(fault).count(count).onePort(onePort)
                .latency(pacing.latencyMillis(), pacing.jitterMillis()).baud(pacing.baud());
        if (iecBaud != null) {
            options.iecBaud(iecBaud);
        }
        try {
            options.check();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return options;
    }

    static Options definitions() {
        Options o = new Options();
        o.addOption(valued(PORT, "port", "N",
                "TCP (with -U UDP) port to listen on (default 4061; 0 = any free port)"));
        o.addOption(valued(BIND, "bind", "ADDRESS",
                "local address to listen on (default 127.0.0.1; 0.0.0.0 = every interface)"));
        o.addOption(Option.builder(WRAPPER).longOpt("wrapper")
                .desc("use the WRAPPER profile (default HDLC)").build());
        o.addOption(Option.builder(UDP).longOpt("udp")
                .desc("serve the WRAPPER profile over UDP on the port of -p (implies -w)").build());
        o.addOption(valued(SERIAL, "serial", "PORT:BAUD:8None1",
                "serve HDLC on a serial port instead of the network, e.g. /dev/ttyUSB0:9600:8None1"));
        o.addOption(Option.builder(MODE_E).longOpt("mode-e").desc("with -S: open with the"
                + " IEC 62056-21 mode E handshake at 300 baud 7E1, then HDLC").build());
        o.addOption(valued(null, IEC_BAUD, "C", "with -i: baud rate character proposed in the"
                + " identification (default 5 = 9600; 0 300 .. 6 19200)"));
        o.addOption(Option.builder().longOpt(ECHO)
                .desc("with -i: echo every byte received during the handshake").build());
        o.addOption(valued(COUNT, "count", "COUNT", "simulate COUNT meters (1.."
                + SimulatorOptions.MAX_COUNT + "), serial numbers N, N + 1, ... on ports -p,"
                + " -p + 1, ... (see Many meters below)"));
        o.addOption(Option.builder(ONE_PORT).longOpt("one-port").desc("with -N: every meter on"
                + " the port of -p, each HDLC frame to the meter of its server address"
                + " (a client's -n SERIAL)").build());
        o.addOption(valued(null, WRITE_TARGETS, "FILE", "once listening, write the meters as"
                + " name,host,port,flags lines for the client's --targets FILE"));
        o.addOption(valued(null, CALL, "HOST:PORT", "call the head-end instead of listening: connect"
                + " to HOST:PORT and serve it over that connection, HDLC or WRAPPER (see Calling"
                + " the head-end below)"));
        o.addOption(valued(null, PUSH_EVERY, "S", "with --call: push the Push setup 0.0.25.9.0.255's"
                + " DataNotification on the connection every S seconds (1..86400)"));
        LinePacing.define(o);
        o.addOption(valued(REFERENCING, "referencing", "ln|sn|both",
                "logical name or short name referencing only; by default both, each association"
                        + " the one its AARQ's application context names"));
        o.addOption(valued(null, SERIAL_NUMBER, "N", "the meter's serial number (default 12345678);"
                + " its HDLC physical address is N % 10000 + 1000"));
        o.addOption(Option.builder().longOpt(ANY_SERVER_ADDRESS).desc("answer frames sent to any"
                + " server address, replying from the meter's own").build());
        o.addOption(valued(null, FAULT, "NAME", "misbehave, to show how a client reports a broken"
                + " meter: " + MeterFault.optionNames() + " (see Faults below)"));
        o.addOption(valued(DEVICE, "device", "FILE",
                "serve the objects of a device file (GXDLMSObjectCollection XML) instead of the built-in meter"));
        o.addOption(valued(null, SAVE_DEVICE, "FILE", "write the built-in device to FILE and exit"));
        o.addOption(valued(TRACE, "trace", "LEVEL",
                "Error (default), Warning, Info (connections) or Verbose (also every frame in hex)"));
        o.addOption(Option.builder().longOpt(HELP).desc("show this help").build());
        return o;
    }

    /**
     * @param args command line arguments
     * @return the parsed command line
     * @throws UsageException when an option is unknown, misses its value or has a bad one
     */
    static SimulatorCommandLine parse(String[] args) throws UsageException {
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(definitions(), args);
        } catch (ParseException e) {
            throw new UsageException(e.getMessage());
        }
        if (!cl.getArgList().isEmpty()) {
            throw new UsageException("unexpected argument '" + cl.getArgList().get(0) + "'");
        }
        return new SimulatorCommandLine(cl);
    }

    private static Option valued(String shortName, String longName,
            String argName, String description) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(argName)
                .desc(description).build();
    }

    private static SerialSettings serialSettings(String value) throws UsageException {
        try {
            return SerialSettings.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageException("-S/--serial: " + e.getMessage());
        }
    }

    private static Referencing referencing(String value) throws UsageException {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "ln":
            return Referencing.LOGICAL_NAMES;
        case "sn":
            return Referencing.SHORT_NAMES;
        case "both":
            return Referencing.BOTH;
        default:
            throw new UsageException("-r/--referencing must be ln, sn or both, not '" + value
                    + "'");
        }
    }

    private static long serialNumber(String value) throws UsageException {
        try {
            long number = Long.parseLong(value.trim());
            if (number >= 0 && number <= ServerAddress.MAX_SERIAL_NUMBER) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException("--serial-number needs a number 0.."
                + ServerAddress.MAX_SERIAL_NUMBER + ", not '" + value + "'");
    }

    private static int count(String value) throws UsageException {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1 && number <= SimulatorOptions.MAX_COUNT) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException("-N/--count needs a number 1.." + SimulatorOptions.MAX_COUNT
                + ", not '" + value + "'");
    }

    private static MeterFault fault(String value) throws UsageException {
        try {
            return MeterFault.forOptionName(value.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--fault: " + e.getMessage());
        }
    }

    private static char iecBaud(String value) throws UsageException {
        if (value.length() != 1) {
            throw new UsageException("--iec-baud needs one character (0 300 .. 6 19200), not '"
                    + value + "'");
        }
        return value.charAt(0);
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 0xFFFF) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException("-p/--port needs a port number 0..65535, not '" + value + "'");
    }

    private static InetAddress address(String value) throws UsageException {
        if (value == null || value.isBlank()) {
            throw new UsageException("-b/--bind needs an address");
        }
        try {
            return InetAddress.getByName(value.trim());
        } catch (UnknownHostException | SecurityException e) {
            throw new UsageException("-b/--bind: unknown address '" + value + "'");
        }
    }

    private static Path path(CommandLine cl, String option, String name)
            throws UsageException {
        String value = cl.getOptionValue(option);
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " needs a file name");
        }
        try {
            return Paths.get(value);
        } catch (RuntimeException e) {
            throw new UsageException(name + ": bad file name '" + value + "'");
        }
    }

    private static TraceLevel traceLevel(String value) throws UsageException {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "off":
            return TraceLevel.OFF;
        case "error":
            return TraceLevel.ERROR;
        case "warning":
            return TraceLevel.WARNING;
        case "info":
            return TraceLevel.INFO;
        case "verbose":
            return TraceLevel.VERBOSE;
        default:
            throw new UsageException(
                    "-t/--trace must be Error, Warning, Info or Verbose, not '" + value + "'");
        }
    }
}
