package dlms.xmlclient.simulator.server;

import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import gurux.dlms.ConnectionState;
import gurux.dlms.GXDLMSSettings;
import gurux.dlms.GXServerReply;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The HDLC secondary station's answers to frames it cannot act on, which gurux.dlms 4.0.47 does
 * not give (IEC 62056-46, with ISO/IEC 13239's procedures). A frame with an HCS or FCS error,
 * for another server or from a client the meter does not know never gets here with an answer:
 * gurux.dlms ignores it, as the standard says. Of the others:
 * <ul>
 * <li>link up, from its client: a control field that is not a command the station implements is
 * answered FRMR with the W bit, an RR or RNR with an information field W and X, an I-frame
 * whose information field is longer than negotiated
 * FRMR with the Y bit (gurux.dlms answers the first with an I-frame holding an
 * exception-response and no LLC bytes, counting it as an I-frame received; the second it drops
 * without a word, yet counts it received). Until SNRM or DISC comes, every further frame
 * gets the same FRMR: the frame reject condition.</li>
 * <li>link down: a command with the poll bit, other than SNRM, DISC and UI, is answered DM, one
 * without it not at all (gurux.dlms answers an exception-response in an I-frame, or an RR).</li>
 * </ul>
 */
final class FrameRejects {

    /** The FRMR reason bits of ISO/IEC 13239 (basic format, third byte of the information field). */
    static final int W = 0x01;
    static final int X = 0x02;
    static final int Y = 0x04;

    /** The FRMR of each server in the frame reject condition. */
    private static final Map<MeterServer, byte[]> REJECTED = Collections.synchronizedMap(new WeakHashMap<>());

    private FrameRejects() {
    }

    /** @return true when the request was answered here: it is not to be served */
    static boolean answered(GXServerReply sr, MeterServer server, boolean wrapper) {
        byte[] request = sr.getData();
        HdlcFrame frame = wrapper || request == null ? null : HdlcDecoder.whole(request);
        if (frame == null || !frame.hasRightHcs() || !frame.hasRightFcs() || frame.destination() == null
                || frame.source() == null) {
            return false;
        }
        GXDLMSSettings settings = server.getSettings();
        int control = frame.control();
        HdlcControl.Kind kind = HdlcControl.kind(control);
        boolean modeSetting = kind == HdlcControl.Kind.SNRM || kind == HdlcControl.Kind.DISC;
        if ((settings.getConnected() & ConnectionState.HDLC) == 0 || modeSetting) {
            REJECTED.remove(server);
        }
        if ((settings.getConnected() & ConnectionState.HDLC) == 0) {
            if (modeSetting || kind == HdlcControl.Kind.UI
                    || !server.isTarget(frame.destination().value(), frame.source().value())) {
                return false;
            }
            // Without the poll bit the secondary may not answer at all.
            sr.setReply(HdlcControl.isPollFinal(control)
                    ? reply(frame, HdlcControl.unnumbered(HdlcControl.Kind.DM, true), null) : null);
            return true;
        }
        if (!fromLinkClient(frame, settings) || modeSetting) {
            return false;
        }
        byte[] reject = REJECTED.get(server);
        if (reject == null) {
            int reason;
            if (!implementedCommand(control)) {
                reason = W;
            } else if (HdlcControl.isSupervisory(control) && frame.hasInformation()) {
                reason = W | X; // an RR or RNR has no information field; X goes with W
            } else if (HdlcControl.isInformation(control)
                    && frame.information().length > settings.getHdlcSettings().getMaxInfoRX()) {
                reason = Y;
            } else {
                return false;
            }
            reject = reply(frame, HdlcControl.unnumbered(HdlcControl.Kind.FRMR, true),
                    rejectInformation(control, reason, settings));
            REJECTED.put(server, reject);
        }
        sr.setReply(reject.clone());
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
        return from.value() == settings.getClientAddress() && to.value() == settings.getServerAddress();
    }

    /** The FRMR information field: the rejected control field; V(S), C/R = 0 (a command), V(R); the reason. */
    private static byte[] rejectInformation(int control, int reason, GXDLMSSettings settings) {
        // gurux.dlms keeps the control fields of the last I-frames sent and received: the
        // states are one past their N(S).
        int sendState = nextSequence(settings.getHdlcSettings().getSenderFrame() >> 1);
        int receiveState = nextSequence(settings.getHdlcSettings().getReceiverFrame() >> 1);
        return new byte[] {(byte) control, (byte) (receiveState << 5 | sendState << 1), (byte) reason};
    }

    private static byte[] reply(HdlcFrame request, int control, byte[] info) {
        return HdlcEncoder.encode(request.source(), request.destination(), control, info, false);
    }

    private static int nextSequence(int sent) {
        return (sent + 1) & 0x07;
    }
}
