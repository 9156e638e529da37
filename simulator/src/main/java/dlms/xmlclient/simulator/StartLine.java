package dlms.xmlclient.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;

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
        return "Simulator listening on " + meter.listening() + " ("
                + (meter.address() == null ? "" : meter.address().getHostAddress() + ", ")
                + (meter.isWrapper() ? "WRAPPER" : "HDLC") + (meter.isModeE() ? ", mode E" : "")
                + (meter.isShortNames() ? ", SN, " : ", LN, ")
                + meter.serverAddress().describe() + ", clients "
                + clients(meter.device(), meter.isShortNames())
                + (meter.fault() == null ? "" : "; fault " + meter.fault().optionName())
                + "; secrets and keys: see --help)";
    }

    /**
     * @param fleet the running fleet
     * @param options the options it was started with
     * @return e.g. "Simulator fleet of 1000 meters listening on ports 4061-5060 (127.0.0.1,
     *         HDLC, LN, server address 1 / physical SN % 10000 + 1000 / serial numbers
     *         12345678-12346677, clients ...; secrets and keys: see --help)"; with one port
     *         "... on port 4061, each meter at its server address (-n SERIAL) (..."
     */
    static String of(MeterFleet fleet, SimulatorOptions options) {
        List<FleetMeter> meters = fleet.meters();
        FleetMeter first = meters.get(0);
        FleetMeter last = meters.get(meters.size() - 1);
        MeterCore core = fleet.cores().get(0);
        MeterFault fault = core.faults().fault();
        return "Simulator fleet of " + meters.size() + " meters listening on "
                + ports(meters, options.isOnePort()) + " (" + first.host() + ", "
                + (options.isWrapper() ? "WRAPPER" : "HDLC")
                + (options.isShortNames() ? ", SN, " : ", LN, ") + "server address "
                + (options.isAnyServerAddress() ? "any (answers as 1)" : "1")
                + (options.isWrapper() ? "" : " / physical SN % 10000 + 1000")
                + " / serial numbers " + first.serialNumber()
                + (meters.size() == 1 ? "" : "-" + last.serialNumber())
                + ", clients " + clients(core.device(), options.isShortNames())
                + (fault == null ? "" : "; fault " + fault.optionName())
                + "; secrets and keys: see --help)";
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

    /** @return e.g. "1 HighGMAC ciphered / 16 public / 17 Low": the clients that may associate */
    private static String clients(GXDLMSObjectCollection device, boolean shortNames) {
        List<GXDLMSAssociationLogicalName> associations = new ArrayList<>();
        for (GXDLMSObject it : device.getObjects(ObjectType.ASSOCIATION_LOGICAL_NAME)) {
            GXDLMSAssociationLogicalName a = (GXDLMSAssociationLogicalName) it;
            // With short names: no HLS, no ciphering.
            if (!shortNames || !Associations.isCiphered(a) && a
                    .getAuthenticationMechanismName().getMechanismId().getValue()
                    <= Authentication.LOW.getValue()) {
                associations.add(a);
            }
        }
        associations.sort(Comparator.comparingInt(GXDLMSAssociationLogicalName::getClientSAP));
        StringBuilder clients = new StringBuilder();
        for (GXDLMSAssociationLogicalName a : associations) {
            if (clients.length() != 0) {
                clients.append(" / ");
            }
            clients.append(a.getClientSAP()).append(' ')
                    .append(mechanismName(a.getAuthenticationMechanismName().getMechanismId()));
            if (Associations.isCiphered(a)) {
                clients.append(" ciphered");
            }
        }
        return clients.toString();
    }

    /** @return "public", "Low", "High", "HighGMAC", "HighSHA256", ... */
    static String mechanismName(Authentication mechanism) {
        if (mechanism == Authentication.NONE) {
            return "public";
        }
        String[] words = mechanism.name().split("_");
        StringBuilder name = new StringBuilder(words[0].charAt(0)
                + words[0].substring(1).toLowerCase(Locale.ROOT));
        for (int i = 1; i != words.length; ++i) {
            name.append(words[i]);
        }
        return name.toString();
    }
}
