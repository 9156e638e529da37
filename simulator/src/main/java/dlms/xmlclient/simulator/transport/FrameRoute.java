package dlms.xmlclient.simulator.transport;

/**
 * Where the bytes read from a TCP connection go: to the one meter of its port, or (one port for
 * many meters) to the meter each frame is addressed to. Called on the selector thread only.
 */
public interface FrameRoute {

    /**
     * @param connection the connection the bytes came from
     * @param data bytes read, a new array
     */
    void received(TcpConnection connection, byte[] data);

    /**
     * @param lane the meter of a port
     * @return the route that gives every byte read to that meter, as read
     */
    static FrameRoute to(MeterLane lane) {
        return (connection, data) -> {
            connection.uses(lane);
            lane.frame(connection, data);
        };
    }
}
