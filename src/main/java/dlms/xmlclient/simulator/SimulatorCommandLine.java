package dlms.xmlclient.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import gurux.common.enums.TraceLevel;

/** The simulator's command line: option definitions and their parsed values. */
final class SimulatorCommandLine {

    /** A command line the simulator cannot run; the message names the option. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(final String message) {
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

    final boolean help;
    final Path saveDevice;
    final int port;
    final InetAddress bind;
    final boolean wrapper;
    final Path device;
    final TraceLevel trace;

    private SimulatorCommandLine(final CommandLine cl) throws UsageException {
        help = cl.hasOption(HELP);
        saveDevice = cl.hasOption(SAVE_DEVICE) ? path(cl, SAVE_DEVICE, "--save-device") : null;
        port = cl.hasOption(PORT) ? port(cl.getOptionValue(PORT)) : SimulatorOptions.DEFAULT_PORT;
        bind = cl.hasOption(BIND) ? address(cl.getOptionValue(BIND))
                : InetAddress.getLoopbackAddress();
        wrapper = cl.hasOption(WRAPPER);
        device = cl.hasOption(DEVICE) ? path(cl, DEVICE, "-x/--device") : null;
        trace = cl.hasOption(TRACE) ? traceLevel(cl.getOptionValue(TRACE)) : TraceLevel.ERROR;
    }

    static Options definitions() {
        Options o = new Options();
        o.addOption(valued(PORT, "port", "N", "TCP port to listen on (default 4061; 0 = any free port)"));
        o.addOption(valued(BIND, "bind", "ADDRESS",
                "local address to listen on (default 127.0.0.1; 0.0.0.0 = every interface)"));
        o.addOption(Option.builder(WRAPPER).longOpt("wrapper")
                .desc("use the WRAPPER profile (default HDLC)").build());
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
    static SimulatorCommandLine parse(final String[] args) throws UsageException {
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

    private static Option valued(final String shortName, final String longName,
            final String argName, final String description) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(argName)
                .desc(description).build();
    }

    private static int port(final String value) throws UsageException {
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

    private static InetAddress address(final String value) throws UsageException {
        if (value == null || value.isBlank()) {
            throw new UsageException("-b/--bind needs an address");
        }
        try {
            return InetAddress.getByName(value.trim());
        } catch (UnknownHostException | SecurityException e) {
            throw new UsageException("-b/--bind: unknown address '" + value + "'");
        }
    }

    private static Path path(final CommandLine cl, final String option, final String name)
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

    private static TraceLevel traceLevel(final String value) throws UsageException {
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
