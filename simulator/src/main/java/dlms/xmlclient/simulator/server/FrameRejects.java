package dlms.xmlclient.simulator.server;

import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import gurux.dlms.ConnectionState;
import gurux.dlms.GXDLMSSettings;
import gurux.dlms.GXServerReply;

/**
 * The frame reject (FRMR) of IEC 62056-46, which gurux.dlms 4.0.47 never sends: on a link that
 * is up, a frame from its client, without HCS or FCS error, whose control field is not a command
 * the secondary station implements (W), or an I-frame whose information field is longer than the
 * negotiated maximum (Y), is answered FRMR and not handed to gurux.dlms. (gurux.dlms answers the
 * first with an I-frame holding an exception-response and no LLC bytes, counting it as an
 * I-frame received; the second it drops, and then answers no frame of that connection.)
 * Frames with a check sequence error, for another address or from another client go on to
 * gurux.dlms, which ignores them, as the standard says.
 */
final class FrameRejects {

    /** The FRMR reason bits of ISO/IEC 13239 (basic format, third byte of the information field). */
    static final int W = 0x01;
    static final int Y = 0x04;

    private FrameRejects() {
    }

    /** @return true when the request was answered FRMR: it is not to be served */
    static boolean answered(GXServerReply sr, GXDLMSSettings settings, boolean wrapper) {
        byte[] request = sr.getData();
        HdlcFrame frame = wrapper || request == null ? null : HdlcDecoder.whole(request);
        if (frame == null || !frame.hasRightHcs() || !frame.hasRightFcs()
                || (settings.getConnected() & ConnectionState.HDLC) == 0 || !fromLinkClient(frame, settings)) {
            return false;
        }
        int control = frame.control();
        int reason;
        if (!implementedCommand(control)) {
            reason = W;
        } else if (HdlcControl.isInformation(control)
                && frame.information().length > settings.getHdlcSettings().getMaxInfoRX()) {
            reason = Y;
        } else {
            return false;
        }
        sr.setReply(frameReject(frame, control, reason, settings));
        return true;
    }

    /** The commands a secondary station of IEC 62056-46 acts on: I, RR, RNR, SNRM, DISC, UI. */
    static boolean implementedCommand(int control) {
        return switch (HdlcControl.kind(control)) {
            case I, RR, RNR, SNRM, DISC, UI -> true;
            default -> false;
        };
    }

    private static boolean fromLinkClient(HdlcFrame frame, GXDLMSSettings settings) {
        HdlcAddress to = frame.destination();
        HdlcAddress from = frame.source();
        return to != null && from != null && from.value() == settings.getClientAddress()
                && to.value() == settings.getServerAddress();
    }

    /**
     * FRMR, F set, with its three bytes: the rejected control field; V(S), C/R = 0 (a command was
     * rejected) and V(R); the reason bits.
     */
    private static byte[] frameReject(HdlcFrame frame, int control, int reason, GXDLMSSettings settings) {
        // gurux.dlms keeps the control fields of the last I-frames sent and received: the
        // states are one past their N(S).
        int sendState = nextSequence(settings.getHdlcSettings().getSenderFrame() >> 1);
        int receiveState = nextSequence(settings.getHdlcSettings().getReceiverFrame() >> 1);
        byte[] info = {(byte) control, (byte) (receiveState << 5 | sendState << 1), (byte) reason};
        return HdlcEncoder.encode(frame.source(), frame.destination(),
                HdlcControl.unnumbered(HdlcControl.Kind.FRMR, true), info, false);
    }

    private static int nextSequence(int sent) {
        return (sent + 1) & 0x07;
    }
}
