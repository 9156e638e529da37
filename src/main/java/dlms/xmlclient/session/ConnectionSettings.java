package dlms.xmlclient.session;

import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;

/**
 * Who to talk to and how: the target meter and the association parameters.
 *
 * @param host            meter host name or address
 * @param port            meter TCP port
 * @param interfaceType   HDLC or WRAPPER
 * @param logicalNames    true for logical-name referencing, false for short names
 * @param clientAddress   client SAP, e.g. 16 (public) or 17 (management)
 * @param serverAddress   server (logical device) address
 * @param authentication  authentication mechanism
 * @param password        LLS password or HLS secret; never printed
 * @param security        ciphering, keys and invocation counter; keys never printed
 * @param waitTimeMillis  how long to wait for each reply (and for the TCP connect)
 * @param retries         how many times a request is resent when no reply arrives
 */
public record ConnectionSettings(
        String host,
        int port,
        InterfaceType interfaceType,
        boolean logicalNames,
        int clientAddress,
        int serverAddress,
        Authentication authentication,
        String password,
        SecuritySettings security,
        int waitTimeMillis,
        int retries) {

    /** The meter as shown in messages: address and SAPs, never the password. */
    public String describeTarget() {
        return host + ":" + port + " (" + interfaceType + ", client " + clientAddress
                + ", server " + serverAddress + ", " + SecuritySettings.name(authentication)
                + (security.ciphered() ? ", " + security : "") + ")";
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + describeTarget() + "]";
    }

    /** The public client (16, no authentication, no ciphering) of the same meter. */
    public ConnectionSettings publicClient() {
        return new ConnectionSettings(host, port, interfaceType, logicalNames, 16, serverAddress,
                Authentication.NONE, null, SecuritySettings.NONE, waitTimeMillis, retries);
    }

    public ConnectionSettings withPort(String newHost, int newPort) {
        return new ConnectionSettings(newHost, newPort, interfaceType, logicalNames, clientAddress,
                serverAddress, authentication, password, security, waitTimeMillis, retries);
    }
}
