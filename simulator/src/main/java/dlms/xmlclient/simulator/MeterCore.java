package dlms.xmlclient.simulator;

import java.time.Clock;

import dlms.xmlclient.simulator.device.MeterClock;
import dlms.xmlclient.simulator.faults.FaultInjection;
import dlms.xmlclient.simulator.log.SimulatorLog;
import dlms.xmlclient.simulator.server.OneClientAccess;
import dlms.xmlclient.simulator.server.ReferencingServers;
import dlms.xmlclient.simulator.transport.MeterAccess;
import dlms.xmlclient.simulator.transport.ServerAddress;
import gurux.dlms.objects.GXDLMSObjectCollection;

/**
 * One meter without its port: the device, its address and fault, the DLMS server and the access
 * that serves one client at a time. A port (TCP, UDP, serial) or a fleet's shared TCP side
 * feeds it bytes through {@link #access()}.
 */
final class MeterCore implements AutoCloseable {

    private final GXDLMSObjectCollection device;
    private final ServerAddress address;
    private final FaultInjection faults;
    private final ReferencingServers server;
    private final MeterAccess access;

    /**
     * @param options the meter's framing, referencing, address options and fault
     * @param device its objects, the serial number already set
     * @param serialNumber its serial number
     * @param log where its events and frames go
     */
    MeterCore(SimulatorOptions options, GXDLMSObjectCollection device,
            long serialNumber, SimulatorLog log) {
        this.device = device;
        this.address = new ServerAddress(serialNumber, options.isWrapper(),
                options.isAnyServerAddress());
        this.faults = new FaultInjection(options.getFault(), options.isWrapper());
        MeterClock clock = new MeterClock(Clock.systemUTC());
        Referencing referencing = options.getReferencing();
        this.server = new ReferencingServers(device, address, referencing.logicalNames(),
                referencing.shortNames(), clock, log, faults);
        this.access = new OneClientAccess(server, address, log, faults);
    }

    GXDLMSObjectCollection device() {
        return device;
    }

    ServerAddress address() {
        return address;
    }

    FaultInjection faults() {
        return faults;
    }

    MeterAccess access() {
        return access;
    }

    /** Refuses every later client and stops the served objects. */
    @Override
    public void close() {
        access.close();
        try {
            server.close();
        } catch (Exception e) {
            // Stopping the objects cannot fail for the objects served here.
        }
    }
}
