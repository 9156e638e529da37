package dlms.xmlclient.simulator.transport;

import java.util.Map;

import dlms.xmlclient.simulator.log.SimulatorLog;
import dlms.xmlclient.wire.hdlc.HdlcAddress;

/**
 * One TCP port for many HDLC meters, as on a multi-drop line: each frame goes to the meter whose
 * physical address (serial number % 10000 + 1000, see {@link ServerAddress}) its destination
 * address carries. A frame for no meter of the port (another physical address, the all-station
 * address, a 1- or 2-byte address) gets no answer.
 */
public final class AddressRoute implements FrameRoute {

    private final Map<Integer, MeterLane> byPhysical;
    private final SimulatorLog log;

    /**
     * @param byPhysical the port's meters by physical address
     * @param log where frames for no meter are reported (Info)
     */
    public AddressRoute(Map<Integer, MeterLane> byPhysical, SimulatorLog log) {
        this.byPhysical = Map.copyOf(byPhysical);
        this.log = log;
    }

    @Override
    public void received(TcpConnection connection, byte[] data) {
        for (byte[] frame : connection.splitter().add(data)) {
            int physical = physicalDestination(frame);
            MeterLane lane = byPhysical.get(physical);
            if (lane == null) {
                log.frame("RX", connection.peer(), frame);
                log.info((physical < 0 ? "frame without a physical address"
                        : "no meter at physical address " + physical) + " from "
                        + connection.peer() + ": no answer");
                continue;
            }
            connection.uses(lane);
            lane.frame(connection, frame);
        }
    }

    /**
     * @param frame one whole HDLC frame from a client
     * @return the physical device (lower HDLC address) of its 4-byte destination address, -1
     *         when it has another form, which names no meter of a shared port
     */
    static int physicalDestination(byte[] frame) {
        // The destination address follows the flag and the 2-byte frame format.
        HdlcAddress destination = HdlcAddress.decode(frame, 3, frame.length);
        return destination != null && destination.size() == 4 ? destination.lower() : -1;
    }
}
