package dlms.xmlclient.media;

import gurux.net.enums.NetworkType;

/** Makes the {@link Link} for a {@link Medium}: gurux.net for TCP and UDP, the serial seam for a port. */
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
        return new NetLink(medium.udp() ? NetworkType.UDP : NetworkType.TCP, medium.host(), medium.port(), waitMillis);
    }
}
