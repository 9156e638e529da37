package dlms.xmlclient.simulator;

/**
 * One meter of a {@link MeterFleet}, as a client reaches it.
 *
 * @param name "meter-" and the serial number, e.g. "meter-12345678"
 * @param host the address its port is bound to, as text (127.0.0.1 by default)
 * @param port its TCP port (shared by every meter with one port)
 * @param serialNumber its serial number: its HDLC physical address is this % 10000 + 1000
 * @param targetFlags the client flags that address it beyond host and port: "" with a port of
 *            its own, "-n SERIAL" when meters share a port
 */
public record FleetMeter(String name, String host, int port, long serialNumber,
        String targetFlags) {
}
