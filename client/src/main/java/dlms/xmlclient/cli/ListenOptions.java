package dlms.xmlclient.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.util.Set;

/**
 * The {@code listen} command line: the run's options as the main command has them, without
 * those that say where the meter is (it calls us), and the listener's own.
 */
final class ListenOptions {

    static final String PORT = "p";
    static final String BIND = "b";
    static final String METERS = "meters";
    static final String LISTEN_TIME = "listen-time";
    static final String IDENTIFY = "identify";
    /** Default and bound of --listen-time, in seconds. */
    static final int DEFAULT_LISTEN_SECONDS = 600;
    static final int MAX_LISTEN_SECONDS = 86_400;

    /** The main command's options that name a meter's place, record (a listener records nothing), --no-trace. */
    private static final Set<String> NOT_HERE = Set.of(ClientOptions.HOST, ClientOptions.PORT, ClientOptions.SERIAL,
            ClientOptions.IEC, ClientOptions.UDP, ClientOptions.TARGETS, ClientOptions.RECORD, ClientOptions.NO_TRACE,
            ClientOptions.BROKER, ClientOptions.QUEUE, ClientOptions.BROKER_TIMEOUT);
    /** The listener's own options, not the scripts' settings. */
    private static final Set<String> OWN = Set.of(PORT, BIND, METERS, LISTEN_TIME, IDENTIFY, ClientOptions.PARALLEL,
            ClientOptions.PROGRESS);

    private ListenOptions() {
    }

    static Options definitions() {
        Options o = new Options();
        o.addOption(valued(PORT, "port", "PORT", "TCP port to listen on for meters that call in (required; 0 = any free"
                + " port, printed when listening)"));
        o.addOption(valued(BIND, "bind", "ADDRESS", "local address to listen on (default 0.0.0.0, every interface: meters"
                + " call in from the network; 127.0.0.1 for this host only)"));
        o.addOption(valued(null, METERS, "N", "stop after N meters have called in and been run (default: no limit, until"
                + " --listen-time)"));
        o.addOption(valued(null, LISTEN_TIME, "S", "stop taking calls after S seconds, 1-" + MAX_LISTEN_SECONDS
                + " (default " + DEFAULT_LISTEN_SECONDS + "); meters already called in run to their end"));
        o.addOption(valued(null, IDENTIFY, "serial|name|peer", "name each meter's out folder by its serial number"
                + " (0.0.96.1.0.255, default) or logical device name (0.0.42.0.0.255), read by the public client 16"
                + " before the scripts, or by the address it called from (peer: nothing read)"));
        o.addOption(valued(null, ClientOptions.PARALLEL, "N", "how many meters are run at once (default 8); later calls"
                + " wait, connected, for their turn"));
        o.addOption(valued(null, ClientOptions.PROGRESS, "S", "a progress line every S seconds: meters done, passing"
                + " and not, in flight, rate (default 10; 0: none)"));
        for (Option option : ClientOptions.definitions().getOptions()) {
            String key = option.getOpt() != null ? option.getOpt() : option.getLongOpt();
            if (!NOT_HERE.contains(key) && !OWN.contains(key)) {
                o.addOption(option);
            }
        }
        return o;
    }

    /** The scripts' settings of the command line: every option but the listener's own. */
    static CommandLine scriptFlags(CommandLine line) {
        CommandLine.Builder flags = CommandLine.builder();
        for (Option option : line.getOptions()) {
            String key = option.getOpt() != null ? option.getOpt() : option.getLongOpt();
            if (!OWN.contains(key)) {
                flags.addOption(option);
            }
        }
        return flags.build();
    }

    private static Option valued(String shortName, String longName, String argName, String description) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(argName).desc(description).build();
    }
}
