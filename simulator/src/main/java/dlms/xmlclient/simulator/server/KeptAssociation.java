package dlms.xmlclient.simulator.server;

import gurux.dlms.ConnectionState;
import gurux.dlms.GXDLMSSettings;

/**
 * gurux.dlms 4.0.47 answers an Action on method 1 (reply_to_HLS_authentication) of any
 * Association LN object that is not itself associated by ending the association in use (its
 * failed-HLS path, taken even when the method was refused for want of access): every later
 * request is then refused. The Blue Book ends an association by a release (or by the link going
 * down), never by a method; a failed HLS pass 3 leaves a pending association unestablished,
 * which this does not touch. So an established association that a request other than a release
 * ended is put back (gurux.dlms has already logged it as refused).
 */
final class KeptAssociation {

    /** RLRE: the one APDU that answers a request ending the association. */
    private static final int RELEASE_RESPONSE = 0x63;

    private KeptAssociation() {
    }

    /**
     * @param before   the connection state before the request
     * @param replyTag the tag of the APDU answered (ciphered or not), -1 when the reply holds none
     */
    static void restore(GXDLMSSettings settings, int before, int replyTag) {
        boolean ended = (before & ConnectionState.DLMS) != 0 && (settings.getConnected() & ConnectionState.DLMS) == 0
                && (settings.getConnected() & ConnectionState.HDLC) == (before & ConnectionState.HDLC);
        if (ended && replyTag != -1 && replyTag != RELEASE_RESPONSE) {
            settings.setConnected(before);
        }
    }
}
