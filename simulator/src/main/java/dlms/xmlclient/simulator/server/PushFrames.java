package dlms.xmlclient.simulator.server;

import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import dlms.xmlclient.wire.hdlc.LlcHeader;
import dlms.xmlclient.wire.wrapper.WrapperEncoder;

/**
 * A push's DATA-NOTIFICATION framed for the client the meter is talking to, between its addresses
 * as the reply just sent has them: in WRAPPER the reply's wPorts; in HDLC an unnumbered UI frame
 * (final bit set, the LLC header of a response), which leaves the I-frame sequence numbers of the
 * connection as they are (IEC 62056-46: UI frames carry data outside the numbered exchange).
 */
final class PushFrames {

    private PushFrames() {
    }

    /**
     * @param reply a frame the meter has just sent to the client
     * @param wrapper WRAPPER framing, else HDLC
     * @param apdu the DATA-NOTIFICATION
     * @return the frame to send, or null when the reply is no frame to take addresses from
     */
    static byte[] after(byte[] reply, boolean wrapper, byte[] apdu) {
        if (wrapper) {
            return WrapperEncoder.withApdu(reply, apdu);
        }
        HdlcFrame frame = HdlcDecoder.whole(reply);
        if (frame == null) {
            return null;
        }
        byte[] llc = LlcHeader.response();
        byte[] information = new byte[llc.length + apdu.length];
        System.arraycopy(llc, 0, information, 0, llc.length);
        System.arraycopy(apdu, 0, information, llc.length, apdu.length);
        return HdlcEncoder.encode(frame.destination(), frame.source(),
                HdlcControl.unnumbered(HdlcControl.Kind.UI, true), information, false);
    }
}
