package dlms.xmlclient.session;

import dlms.xmlclient.media.Medium;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;

/**
 * Who to talk to and how: the medium, the addresses and the association parameters.
 *
 * @param medium           TCP/UDP address or serial port
 * @param interfaceType    HDLC or WRAPPER
 * @param logicalNames     true for logical-name referencing, false for short names
 * @param clientAddress    client SAP, e.g. 16 (public) or 17 (management)
 * @param serverAddress    server address: logical device, with the physical address on HDLC
 * @param authentication   authentication mechanism
 * @param password         LLS password or HLS secret; never printed
 * @param security         ciphering, keys and invocation counter; keys never printed
 * @param hdlc             window size and frame size proposed in the SNRM
 * @param limits           how long and how much to wait for replies
 * @param findings         whether the meter's deviations from the standard fail or warn
 * @param gbtWindow        general block transfer: the window the client can receive (1..63), proposed in the
 *                         AARQ's conformance; 0: not proposed
 */
public record ConnectionSettings(
        Medium medium,
        InterfaceType interfaceType,
        boolean logicalNames,
        int clientAddress,
        int serverAddress,
        Authentication authentication,
        String password,
        SecuritySettings security,
        HdlcParameters hdlc,
        ReplyLimits limits,
        FindingPolicy findings,
        int gbtWindow) {

    /** The block-control's window field has 6 bits (Green Book, general-block-transfer). */
    public static final int MAX_GBT_WINDOW = 63;

    /** Settings without general block transfer. */
    public ConnectionSettings(Medium medium, InterfaceType interfaceType, boolean logicalNames, int clientAddress,
            int serverAddress, Authentication authentication, String password, SecuritySettings security,
            HdlcParameters hdlc, ReplyLimits limits, FindingPolicy findings) {
        this(medium, interfaceType, logicalNames, clientAddress, serverAddress, authentication, password, security,
                hdlc, limits, findings, 0);
    }

    public String host() {
        return medium.host();
    }

    public int port() {
        return medium.port();
    }

    /** The meter as shown in messages: medium and addresses, never the password. */
    public String describeTarget() {
        return medium.describe() + " (" + interfaceType + ", " + (logicalNames ? "" : "SN, ") + "client "
                + clientAddress + ", server " + ServerAddresses.describe(serverAddress, interfaceType)
                + ", " + SecuritySettings.name(authentication) + (security.ciphered() ? ", " + security : "") + ")";
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + describeTarget() + "]";
    }

    /** The public client (16, no authentication, no ciphering) of the same meter. */
    public ConnectionSettings publicClient() {
        return new ConnectionSettings(medium, interfaceType, logicalNames, 16, serverAddress,
                Authentication.NONE, null, SecuritySettings.NONE, hdlc, limits, findings, gbtWindow);
    }

    public ConnectionSettings withMedium(Medium newMedium) {
        return new ConnectionSettings(newMedium, interfaceType, logicalNames, clientAddress, serverAddress,
                authentication, password, security, hdlc, limits, findings, gbtWindow);
    }
}
