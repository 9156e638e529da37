package dlms.xmlclient.simulator.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import dlms.xmlclient.simulator.transport.ReplyPacing;

/** The options --latency MS[:JITTER] and --baud N: how every meter's replies are held back. */
final class LinePacing {

    static final String LATENCY = "latency";
    static final String BAUD = "baud";

    private LinePacing() {
    }

    /** @param o the simulator's options, to which --latency and --baud are added */
    static void define(Options o) {
        o.addOption(Option.builder().longOpt(LATENCY).hasArg().argName("MS[:JITTER]")
                .desc("every meter starts each reply MS ms (0.." + ReplyPacing.MAX_LATENCY_MILLIS
                        + ") after the request's last byte, ± JITTER ms (uniform, never before"
                        + " the request): the round trip of a GPRS or LTE link (see Latency and"
                        + " line speed below)").build());
        o.addOption(Option.builder().longOpt(BAUD).hasArg().argName("N")
                .desc("every meter's replies leave at the rate of an N baud serial line, N / 10"
                        + " bytes a second (" + ReplyPacing.MIN_BAUD + ".." + ReplyPacing.MAX_BAUD
                        + "), over TCP and UDP too").build());
    }

    /**
     * @param cl the command line
     * @return the pacing it asks for, {@link ReplyPacing#NONE} without --latency and --baud
     * @throws SimulatorCommandLine.UsageException naming the option with a bad value
     */
    static ReplyPacing parse(CommandLine cl) throws SimulatorCommandLine.UsageException {
        ReplyPacing pacing = ReplyPacing.NONE;
        if (cl.hasOption(LATENCY)) {
            String value = cl.getOptionValue(LATENCY).trim();
            int colon = value.indexOf(':');
            int millis = number(colon < 0 ? value : value.substring(0, colon));
            int jitter = colon < 0 ? 0 : number(value.substring(colon + 1));
            if (millis < 0 || jitter < 0 || millis > ReplyPacing.MAX_LATENCY_MILLIS
                    || jitter > ReplyPacing.MAX_LATENCY_MILLIS) {
                throw new SimulatorCommandLine.UsageException("--latency needs MS or MS:JITTER,"
                        + " each 0.." + ReplyPacing.MAX_LATENCY_MILLIS + " ms, not '"
                        + cl.getOptionValue(LATENCY) + "'");
            }
            pacing = pacing.withLatency(millis, jitter);
        }
        if (cl.hasOption(BAUD)) {
            int baud = number(cl.getOptionValue(BAUD).trim());
            if (baud < ReplyPacing.MIN_BAUD || baud > ReplyPacing.MAX_BAUD) {
                throw new SimulatorCommandLine.UsageException("--baud needs a line rate "
                        + ReplyPacing.MIN_BAUD + ".." + ReplyPacing.MAX_BAUD + ", not '"
                        + cl.getOptionValue(BAUD) + "'");
            }
            pacing = pacing.withBaud(baud);
        }
        return pacing;
    }

    /** @return the decimal number, -1 when it is none */
    private static int number(String text) {
        try {
            return text.matches("[0-9]{1,9}") ? Integer.parseInt(text) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
