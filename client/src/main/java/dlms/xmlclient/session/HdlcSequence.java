package dlms.xmlclient.session;

/**
 * The HDLC sequence numbers the meter must use, derived from the frames we sent (IEC 62056-46,
 * normal response mode): its I-frames carry N(S) = the N(R) we last sent, counting up within a
 * window, and N(R) = the N(S) of our next I-frame. A frame with a right check sequence and other
 * numbers is named (expected and got), not dropped until the reply times out.
 */
final class HdlcSequence {

    /** SNRM and DISC without their poll bit. */
    private static final int SNRM = 0x83;
    private static final int DISC = 0x43;
    private static final int RR = 0x01;

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
        int c = control & ~0x10; // the poll bit does not matter here
        if (c == SNRM || c == DISC) {
            receiveNext = 0;
            sendNext = 0;
        } else if ((c & 0x01) == 0) { // I-frame
            sendNext = (ns(c) + 1) % 8;
            receiveNext = nr(c);
        } else if ((c & 0x0F) == RR) {
            receiveNext = nr(c);
        }
    }

    /**
     * @param control the control field of a whole frame from the meter
     * @return null when its numbers are right (or it is not an I-frame), else what was expected
     *         and what came ("expected N(S)=1 N(R)=2, got …")
     */
    String check(int control) {
        if ((control & 0x01) != 0) {
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
        return (control & 0x01) == 0 && nr(control) == sendNext && ns(control) != receiveNext;
    }

    /** A right I-frame was taken: the next one of a window counts on. */
    void received(int control) {
        if ((control & 0x01) == 0) {
            receiveNext = (ns(control) + 1) % 8;
        }
    }

    private static int ns(int control) {
        return control >> 1 & 0x07;
    }

    private static int nr(int control) {
        return control >> 5 & 0x07;
    }
}
