package dlms.xmlclient.interop;

import java.net.InetAddress;

import org.openmuc.jdlms.TcpConnectionBuilder;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;

/**
 * How jDLMS's client reaches the simulator over a loopback TCP socket: HDLC with the one-byte
 * server address (logical device 1 alone), HDLC with the four-byte one (logical device 1,
 * physical address from the serial number), HDLC with information fields of 128 bytes (the
 * HDLC default, so that the meter's APDUs go in segments, acknowledged by jDLMS with RR
 * frames), or the WRAPPER.
 */
enum JdlmsLink {

    HDLC_1_BYTE_ADDRESS("HDLC, 1-byte server address"),
    HDLC_4_BYTE_ADDRESS("HDLC, 4-byte server address"),
    HDLC_128_BYTE_FRAMES("HDLC, 128-byte information fields"),
    WRAPPER("WRAPPER");

    /** The management logical device, the simulator's only one. */
    private static final int LOGICAL_DEVICE = 1;
    /** The HDLC default maximum information field length (IEC 62056-46). */
    private static final int SMALL_INFORMATION_FIELD = 128;
    /** An HLS challenge short enough for client 1's AARQ to fit 128 bytes. */
    private static final int SHORT_CHALLENGE = 16;
    /** How long jDLMS waits for a reply; the simulator answers on loopback at once. */
    private static final int RESPONSE_MILLIS = 5000;

    private final String description;

    JdlmsLink(String description) {
        this.description = description;
    }

    /** @return a simulator (built-in device) with the framing this link needs, on a free port */
    MeterSimulator startMeter() throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).wrapper(this == WRAPPER));
    }

    /** @return a jDLMS connection builder for this link to the meter */
    TcpConnectionBuilder builder(MeterSimulator meter) {
        TcpConnectionBuilder builder = new TcpConnectionBuilder(InetAddress.getLoopbackAddress())
                .setPort(meter.port()).setLogicalDeviceId(LOGICAL_DEVICE)
                .setResponseTimeout(RESPONSE_MILLIS);
        switch (this) {
        case HDLC_1_BYTE_ADDRESS:
            return builder.useHdlc();
        case HDLC_4_BYTE_ADDRESS:
            return builder.useHdlc().setPhysicalDeviceAddress(meter.physicalAddress());
        case HDLC_128_BYTE_FRAMES:
            builder.setHdlcMaxInformationLength(SMALL_INFORMATION_FIELD);
            // jDLMS 1.7.1 cannot send an APDU in two segments (HdlcLayer.sendAsSegments:
            // BufferUnderflowException when the last segment is shorter than the others): a
            // 16-byte HLS challenge (the Green Book allows 8 to 64) keeps client 1's AARQ in
            // one frame. The meter's segmentation is what this link tests.
            builder.setChallengeLength(SHORT_CHALLENGE);
            return builder.useHdlc();
        default:
            return builder.useWrapper();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
