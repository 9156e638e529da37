package dlms.xmlclient.simulator.cli;

import java.util.List;

import dlms.xmlclient.simulator.FleetMeter;
import dlms.xmlclient.simulator.MeterFleet;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.transport.ReplyPacing;
import dlms.xmlclient.simulator.transport.ServerAddress;

/**
 * The one line the stand-alone simulator prints once it listens: how the meter (or the fleet)
 * is reached, naming the clients, never their secrets (--help documents those of the built-in
 * device).
 */
final class StartLine {

    private StartLine() {
    }

    /**
     * @param meter the running meter
     * @return e.g. "Simulator listening on port 4061 (127.0.0.1, HDLC, LN, server address 1 /
     *         physical 6678 / serial number 12345678, clients 1 HighGMAC ciphered / ... / 16
     *         public / 17 Low / 18 High; secrets and keys: see --help)", or "... on serial
     *         /dev/pts/5 300 7E1 (HDLC, mode E, SN, ..."
     */
    static String of(MeterSimulator meter) {
        boolean calling = meter.listening().startsWith("calling");
        return "Simulator " + (calling ? "" : "listening on ") + meter.listening() + " ("
                + (meter.address() == null || calling ? "" : meter.address().getHostAddress() + ", ")
                + (meter.isWrapper() ? "WRAPPER" : "HDLC") + (meter.isModeE() ? ", mode E" : "")
                + ", " + meter.referencing().label() + ", "
                + serverAddress(meter) + ", clients " + meter.clients()
                + (meter.fault() == null ? "" : "; fault " + meter.fault().optionName())
                + pacing(meter.pacing())
                + "; secrets and keys: see --help)";
    }

    /** @return e.g. "server address 1 / physical 6678 / serial number 12345678" */
    private static String serverAddress(MeterSimulator meter) {
        int logical = ServerAddress.LOGICAL_DEVICE;
        return "server address " + (meter.isAnyServerAddress() ? "any (answers as " + logical
                + ")" : String.valueOf(logical))
                + (meter.isWrapper() ? "" : " / physical " + meter.physicalAddress())
                + " / serial number " + meter.serialNumber();
    }

    /**
     * @param fleet the running fleet
     * @param cl the command line it was started with
     * @return e.g. "Simulator fleet of 1000 meters listening on ports 4061-5060 (127.0.0.1,
     *         HDLC, LN, server address 1 / physical SN % 10000 + 1000 / serial numbers
     *         12345678-12346677, clients ...; secrets and keys: see --help)"; with one port
     *         "... on port 4061, each meter at its server address (-n SERIAL) (..."
     */
    static String of(MeterFleet fleet, SimulatorCommandLine cl) {
        List<FleetMeter> meters = fleet.meters();
        FleetMeter first = meters.get(0);
        FleetMeter last = meters.get(meters.size() - 1);
        boolean wrapper = cl.wrapper || cl.udp;
        return "Simulator fleet of " + meters.size() + " meters listening on "
                + ports(meters, cl.onePort) + " (" + first.host() + ", "
                + (wrapper ? "WRAPPER" : "HDLC")
                + ", " + cl.referencing.label() + ", server address "
                + (cl.anyServerAddress ? "any (answers as 1)" : "1")
                + (wrapper ? "" : " / physical SN % 10000 + 1000")
                + " / serial numbers " + first.serialNumber()
                + (meters.size() == 1 ? "" : "-" + last.serialNumber())
                + ", clients " + fleet.clients()
                + (cl.fault == null ? "" : "; fault " + cl.fault.optionName())
                + pacing(cl.pacing)
                + "; secrets and keys: see --help)";
    }

    /** @return e.g. "; latency 200 ms ± 50, 9600 baud", "" for replies at once */
    private static String pacing(ReplyPacing pacing) {
        return pacing.isNone() ? "" : "; " + pacing.describe();
    }

    /** @return "port 4061, ...", "ports 4061-5060", or "1000 free ports (...)" */
    private static String ports(List<FleetMeter> meters, boolean onePort) {
        int first = meters.get(0).port();
        int last = meters.get(meters.size() - 1).port();
        if (onePort) {
            return "port " + first + ", each meter at its server address (-n SERIAL)";
        }
        if (meters.size() == 1) {
            return "port " + first;
        }
        for (int i = 0; i != meters.size(); ++i) {
            if (meters.get(i).port() != first + i) {
                return meters.size() + " free ports from " + first
                        + " (--write-targets lists them)";
            }
        }
        return "ports " + first + "-" + last;
    }
}
