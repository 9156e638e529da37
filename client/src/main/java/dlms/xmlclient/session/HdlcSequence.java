package dlms.xmlclient.session;

import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcControl.Kind;

/**
 * The HDLC sequence numbers the meter must use, derived from the frames we sent (IEC 62056-46,
 * normal response mode): its I-frames carry N(S) = the N(R) we last sent, counting up within a
 * window, and N(R) = the N(S) of our next I-frame. A frame with a right check sequence and other
 * numbers is named (expected and got), not dropped until the reply times out.
 */
final class HdlcSequence {

    /** N(S) the meter's next I-frame must have. */
    private int receiveNext;
    /** N(S) of our next I-frame: the N(R) the meter must send. */
    private int sendNext;

    /** Takes note of a frame we sent (its control field is the one after the two addresses). */
    void sent(byte[] frame) {
        int control = HdlcFrames.control(frame, 0, frame.length);
        if (control < 0) {
            return;
        }
        Kind kind = HdlcControl.kind(control);
        if (kind == Kind.SNRM || kind == Kind.DISC) {
            receiveNext = 0;
            sendNext = 0;
        } else if (kind == Kind.I) {
            sendNext = (ns(control) + 1) % 8;
            receiveNext = nr(control);
        } else if (kind == Kind.RR) {
            receiveNext = nr(control);
        }
    }

    /**
     * @param control the control field of a whole frame from the meter
     * @return null when its numbers are right (or it is not an I-frame), else what was expected
     *         and what came ("expected N(S)=1 N(R)=2, got …")
     */
    String check(int control) {
        if (!HdlcControl.isInformation(control)) {
            return null; // S- and U-frames carry no N(S)
        }
        if (ns(control) == receiveNext && nr(control) == sendNext) {
            return null;
        }
        return "expected N(S)=" + receiveNext + " N(R)=" + sendNext + ", got N(S)="
                + ns(control) + " N(R)=" + nr(control) + (ns(control) != receiveNext
                        ? " (a segment missing or numbered wrong)"
                        : " (the meter does not acknowledge our last frame)");
    }

    /**
     * A frame with another N(S) but the right N(R) may follow a frame lost on the line: HDLC drops
     * it and asks again from the N(S) it expects (the RR), so it is not an error at once.
     */
    boolean recoverable(int control) {
        return HdlcControl.isInformation(control) && nr(control) == sendNext && ns(control) != receiveNext;
    }

    /** A right I-frame was taken: the next one of a window counts on. */
    void received(int control) {
        if (HdlcControl.isInformation(control)) {
            receiveNext = (ns(control) + 1) % 8;
        }
    }

    /** N(S) of our next I-frame. */
    int sendNext() {
        return sendNext;
    }

    /** N(S) the meter's next I-frame must have: the N(R) of our next frame. */
    int receiveNext() {
        return receiveNext;
    }

    private static int ns(int control) {
        return HdlcControl.sendSequence(control);
    }

    private static int nr(int control) {
        return HdlcControl.receiveSequence(control);
    }
}
