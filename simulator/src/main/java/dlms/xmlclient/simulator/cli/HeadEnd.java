package dlms.xmlclient.simulator.cli;

import java.net.InetSocketAddress;

import org.apache.commons.cli.CommandLine;

/** The value of --call: the head-end's HOST:PORT, and the options that do not go with calling. */
final class HeadEnd {

    private HeadEnd() {
    }

    /**
     * @param value HOST:PORT
     * @param cl the command line, checked for options that do not go with --call
     * @param others those options' names
     * @return the head-end's address, resolved
     * @throws SimulatorCommandLine.UsageException naming --call and what is wrong
     */
    static InetSocketAddress parse(String value, CommandLine cl, String... others)
            throws SimulatorCommandLine.UsageException {
        for (String other : others) {
            if (cl.hasOption(other)) {
                throw new SimulatorCommandLine.UsageException("--call connects out to one head-end"
                        + " over TCP: not with " + (other.length() == 1 ? "-" : "--") + other);
            }
        }
        int colon = value.lastIndexOf(':');
        int port = -1;
        try {
            port = colon < 1 ? -1 : Integer.parseInt(value.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            // Reported below.
        }
        if (port < 1 || port > 0xFFFF) {
            throw new SimulatorCommandLine.UsageException("--call needs HOST:PORT (port 1..65535),"
                    + " not '" + value + "'");
        }
        InetSocketAddress address = new InetSocketAddress(value.substring(0, colon).trim(), port);
        if (address.isUnresolved()) {
            throw new SimulatorCommandLine.UsageException("--call: unknown host '"
                    + value.substring(0, colon) + "'");
        }
        return address;
    }

    /**
     * @param value --push-every's seconds
     * @param call --call's head-end, null when not calling
     * @return the seconds
     * @throws SimulatorCommandLine.UsageException naming --push-every
     */
    static int pushEvery(String value, InetSocketAddress call) throws SimulatorCommandLine.UsageException {
        if (call == null) {
            throw new SimulatorCommandLine.UsageException("--push-every pushes on the connection of"
                    + " --call: give --call HOST:PORT too");
        }
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds >= 1 && seconds <= 86_400) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // Told below.
        }
        throw new SimulatorCommandLine.UsageException("--push-every needs seconds 1..86400, not '"
                + value + "'");
    }
}
