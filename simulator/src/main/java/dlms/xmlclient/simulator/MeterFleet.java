package dlms.xmlclient.simulator;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DeviceTemplate;
import dlms.xmlclient.simulator.log.SimulatorLog;
import dlms.xmlclient.simulator.transport.AddressRoute;
import dlms.xmlclient.simulator.transport.FrameRoute;
import dlms.xmlclient.simulator.transport.MeterLane;
import dlms.xmlclient.simulator.transport.MeterPort;
import dlms.xmlclient.simulator.transport.TcpHub;
import gurux.dlms.objects.GXDLMSObjectCollection;

/**
 * Many simulated meters in one JVM ({@code -N COUNT}), each with its own serial number (the
 * options' + 0, + 1, ...), objects and state: each on its own TCP port (the options' + 0, + 1,
 * ..., or any free port each with port 0), or all on one port ({@code -X}), where each HDLC
 * frame goes to the meter its server address names (see {@link AddressRoute}). HDLC or WRAPPER
 * with a port each; HDLC with one port. TCP only.
 * <p>
 * Every port and connection is on one selector thread and the meters' work on a few worker
 * threads (see {@link TcpHub}), so a thousand meters cost sockets and heap, not threads.
 *
 * <pre>
 * try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(20))) {
 *     for (FleetMeter m : fleet.meters()) { connect to m.host():m.port() ... }
 * }
 * </pre>
 */
public final class MeterFleet implements AutoCloseable {

    /** Worker threads: the meters' work is short, and the clients share the cores. */
    private static final int WORKERS = Math.max(2,
            Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final TcpHub hub;
    private final List<MeterCore> cores;
    private final List<FleetMeter> meters;
    private final String origin;
    private final Referencing referencing;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MeterFleet(TcpHub hub, List<MeterCore> cores,
            List<FleetMeter> meters, String origin, Referencing referencing) {
        this.hub = hub;
        this.cores = cores;
        this.meters = Collections.unmodifiableList(meters);
        this.origin = origin;
        this.referencing = referencing;
    }

    /**
     * Builds the meters and starts listening.
     *
     * @param options how to start; {@link SimulatorOptions#count} and
     *            {@link SimulatorOptions#onePort} say how many meters and where (1 and false:
     *            a fleet of one)
     * @return the running fleet, already listening
     * @throws IllegalArgumentException when options do not go together
     * @throws Exception when the device file cannot be loaded or a port cannot be opened
     *             (BindException when it is in use)
     */
    public static MeterFleet start(SimulatorOptions options) throws Exception {
        options.check();
        SimulatorLog log = new SimulatorLog(options.getTraceOut(), options.getLogOut(),
                options.getLogLevel());
        List<MeterCore> cores = new ArrayList<>(options.getCount());
        TcpHub hub = null;
        try {
            List<GXDLMSObjectCollection> devices = DeviceTemplate.of(options.getDeviceFile())
                    .createAll(options.getSerialNumber(), options.getCount());
            for (int i = 0; i != devices.size(); ++i) {
                cores.add(new MeterCore(options, devices.get(i), options.getSerialNumber() + i,
                        log));
            }
            hub = new TcpHub(log, Math.min(WORKERS, options.getCount()));
            hub.pace(options.getPacing());
            List<FleetMeter> meters = options.isOnePort() ? onePort(hub, cores, options, log)
                    : portEach(hub, cores, options, log);
            hub.start(MeterPort.THREAD_PREFIX + meters.get(0).port() + " fleet ");
            return new MeterFleet(hub, cores, meters, origin(options), options.getReferencing());
        } catch (Exception | Error e) {
            if (hub != null) {
                hub.close();
            }
            cores.forEach(MeterCore::close);
            throw e;
        }
    }

    private static List<FleetMeter> portEach(TcpHub hub, List<MeterCore> cores,
            SimulatorOptions options, SimulatorLog log) throws IOException {
        List<FleetMeter> meters = new ArrayList<>(cores.size());
        for (int i = 0; i != cores.size(); ++i) {
            MeterCore core = cores.get(i);
            String name = name(core);
            MeterLane lane = new MeterLane(core.access(), log, hub.workers(), name);
            int port = options.getPort() == 0 ? 0 : options.getPort() + i;
            InetSocketAddress local;
            try {
                local = hub.listen(options.getBind(), port, FrameRoute.to(lane));
            } catch (BindException e) {
                BindException which = new BindException("port " + port + ": " + e.getMessage());
                which.initCause(e);
                throw which;
            }
            meters.add(new FleetMeter(name, local.getAddress().getHostAddress(), local.getPort(),
                    core.address().serialNumber(), ""));
        }
        return meters;
    }

    private static List<FleetMeter> onePort(TcpHub hub, List<MeterCore> cores,
            SimulatorOptions options, SimulatorLog log) throws IOException {
        Map<Integer, MeterLane> byPhysical = new HashMap<>();
        for (MeterCore core : cores) {
            byPhysical.put(core.address().physical(),
                    new MeterLane(core.access(), log, hub.workers(), name(core)));
        }
        InetSocketAddress local = hub.listen(options.getBind(), options.getPort(),
                new AddressRoute(byPhysical, log));
        List<FleetMeter> meters = new ArrayList<>(cores.size());
        for (MeterCore core : cores) {
            long serialNumber = core.address().serialNumber();
            meters.add(new FleetMeter(name(core), local.getAddress().getHostAddress(),
                    local.getPort(), serialNumber, "-n " + serialNumber));
        }
        return meters;
    }

    private static String name(MeterCore core) {
        return "meter-" + core.address().serialNumber();
    }

    /** @return e.g. "bin/simulator -N 1000 -X" */
    private static String origin(SimulatorOptions options) {
        return "bin/simulator -N " + options.getCount() + (options.isOnePort() ? " -X" : "");
    }

    /** @return the meters, in serial-number order */
    public List<FleetMeter> meters() {
        return meters;
    }

    /**
     * Writes the targets file the client's {@code --targets FILE} reads: a comment line, then
     * {@code name,host,port,flags} a meter. Atomically: a reader sees the old file or the new
     * one, never a part.
     *
     * @param csv the file to (over)write
     * @throws IOException when it cannot be written
     */
    public void writeTargets(Path csv) throws IOException {
        FleetTargets.write(csv, meters, origin);
    }

    /**
     * @return the clients that may associate with every meter, e.g. "1 HighGMAC ciphered / 16
     *         public / 17 Low" (with short names, those without HLS or ciphering)
     */
    public String clients() {
        return Associations.describeClients(cores.get(0).device(),
                referencing == Referencing.SHORT_NAMES);
    }

    /**
     * Stops listening, closes every connection and waits for the fleet's threads. Calling it
     * again does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cores.forEach(core -> core.access().close());
            hub.close();
            cores.forEach(MeterCore::close);
        }
    }
}
