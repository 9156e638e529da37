package dlms.xmlclient.media;

import dlms.xmlclient.wire.line.LinkTrace;

/** Makes the {@link Link} for a {@link Medium}: a socket for TCP, a datagram channel for UDP, the serial seam for a port. */
public final class Links {

    private Links() {
    }

    /**
     * @param waitMillis how long to wait for a TCP connection or a mode-E identification
     * @param trace      where a serial link notes its handshake and line switches
     */
    public static Link forMedium(Medium medium, int waitMillis, LinkTrace trace) {
        if (medium.serial() != null) {
            return new SerialLink(medium.serial(), medium.modeE(), waitMillis, trace);
        }
        if (medium.udp()) {
            return new UdpLink(medium.host(), medium.port());
        }
        return new TcpLink(medium.host(), medium.port(), waitMillis);
    }
}
