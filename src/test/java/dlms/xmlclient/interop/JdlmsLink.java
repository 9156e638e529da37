package dlms.xmlclient.interop;

import java.net.InetAddress;

import org.openmuc.jdlms.TcpConnectionBuilder;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;

/**
 * How jDLMS's client reaches the simulator over a loopback TCP socket: HDLC with the one-byte
 * server address (logical device 1 alone), HDLC with the four-byte one (logical device 1,
 * physical address from the serial number), or the WRAPPER.
 */
enum JdlmsLink {

    HDLC_1_BYTE_ADDRESS("HDLC, 1-byte server address"),
    HDLC_4_BYTE_ADDRESS("HDLC, 4-byte server address"),
    WRAPPER("WRAPPER");

    /** The management logical device, the simulator's only one. */
    private static final int LOGICAL_DEVICE = 1;
    /** How long jDLMS waits for a reply; the simulator answers on loopback at once. */
    private static final int RESPONSE_MILLIS = 5000;

    private final String description;

    JdlmsLink(final String description) {
        this.description = description;
    }

    /** @return a simulator (built-in device) with the framing this link needs, on a free port */
    MeterSimulator startMeter() throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).wrapper(this == WRAPPER));
    }

    /** @return a jDLMS connection builder for this link to the meter */
    TcpConnectionBuilder builder(final MeterSimulator meter) {
        TcpConnectionBuilder builder = new TcpConnectionBuilder(InetAddress.getLoopbackAddress())
                .setPort(meter.port()).setLogicalDeviceId(LOGICAL_DEVICE)
                .setResponseTimeout(RESPONSE_MILLIS);
        switch (this) {
        case HDLC_1_BYTE_ADDRESS:
            return builder.useHdlc();
        case HDLC_4_BYTE_ADDRESS:
            return builder.useHdlc().setPhysicalDeviceAddress(meter.physicalAddress());
        default:
            return builder.useWrapper();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
