package dlms.xmlclient.session;

import gurux.dlms.GXHdlcSettings;

/**
 * gurux.dlms 4.0.47 keeps a client's HDLC numbers as two control bytes (the public
 * {@link GXHdlcSettings#setSenderFrame} and {@link GXHdlcSettings#setReceiverFrame}): the last
 * frame it sent and the last I-frame it received, each with the poll/final bit. Its next I-frame
 * gets N(S) and N(R) one above those of the frame it sent last (it counts one frame of the meter
 * per frame of its own), and it takes a meter I-frame only with N(S) and N(R) one above those of
 * the one received last. After frames the library never saw (the I-frames of general block
 * transfer, taken off by {@link HdlcGbtFrames}, and our RRs and acknowledgements), the two bytes
 * are set so that it goes on from the session's own numbers.
 */
final class GuruxHdlcCounters {

    private static final int POLL_FINAL = 0x10;

    private GuruxHdlcCounters() {
    }

    /**
     * @param sendNext N(S) of the client's next I-frame
     * @param receiveNext N(S) of the meter's next I-frame (the N(R) the client sends)
     */
    static void continueClient(GXHdlcSettings hdlc, int sendNext, int receiveNext) {
        hdlc.setSenderFrame(control(receiveNext - 1, sendNext - 1));
        // The meter's answer to our next I-frame acknowledges it: N(R) = sendNext + 1.
        hdlc.setReceiverFrame(control(sendNext, receiveNext - 1));
    }

    private static short control(int receiveSequence, int sendSequence) {
        return (short) ((receiveSequence & 7) << 5 | POLL_FINAL | (sendSequence & 7) << 1);
    }
}
