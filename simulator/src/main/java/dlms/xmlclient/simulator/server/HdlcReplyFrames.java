package dlms.xmlclient.simulator.server;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import dlms.xmlclient.wire.hdlc.LlcHeader;
import gurux.dlms.GXHdlcSettings;

/**
 * The meter's I-frames while it sends general-block-transfer blocks over HDLC (IEC 62056-46),
 * numbered here rather than by gurux.dlms (whose framing is package-private): each APDU (a block,
 * or a whole reply of a GBT association) goes after the LLC bytes E6 E7 00 in one I-frame, or in
 * several of at most the negotiated information field with the segmentation bit. One frame per
 * poll, the final bit set (a window of 1, which every client takes): the client's RR asks for the
 * next segment or the next block of a streamed window, its acknowledgement for the next window.
 * The numbers start from the frame gurux.dlms built for the request; before gurux.dlms frames again
 * its own counters are set to go on from ours (public {@link GXHdlcSettings#setSenderFrame} and
 * {@link GXHdlcSettings#setReceiverFrame}, which gurux.dlms 4.0.47 keeps as control bytes).
 */
final class HdlcReplyFrames {

    private static final int POLL_FINAL = 0x10;

    /** Information fields not sent yet, with their segmentation bit. */
    private final Deque<Segment> queue = new ArrayDeque<>();
    private HdlcAddress client;
    private HdlcAddress meter;
    /** N(S) of the meter's next I-frame. */
    private int sendNext;
    /** N(S) of the client's next I-frame: the N(R) the meter sends. */
    private int receiveNext;
    /** Frames were numbered here since gurux.dlms last framed. */
    private boolean numbered;
    /** The last I-frame sent, for a client whose RR says it did not get it. */
    private byte[] lastSent;

    private record Segment(byte[] information, boolean segmented) {
    }

    /**
     * Takes the addresses and numbers of the frame gurux.dlms built for the request (its
     * information field may be longer than HDLC allows: it is not sent).
     */
    void start(byte[] guruxFrame) {
        HdlcFrame frame = HdlcDecoder.header(guruxFrame, 0, guruxFrame.length);
        if (frame == null || frame.destination() == null || frame.source() == null) {
            throw new IllegalArgumentException("no HDLC frame with addresses of 1, 2 or 4 bytes");
        }
        client = frame.destination();
        meter = frame.source();
        sendNext = HdlcControl.sendSequence(frame.control());
        receiveNext = HdlcControl.receiveSequence(frame.control());
        queue.clear();
        numbered = true;
        lastSent = null;
    }

    /** Queues one APDU in segments of at most {@code maxInfo} bytes of information field. */
    void queue(byte[] apdu, int maxInfo) {
        byte[] information = Arrays.copyOf(LlcHeader.response(), LlcHeader.SIZE + apdu.length);
        System.arraycopy(apdu, 0, information, LlcHeader.SIZE, apdu.length);
        int size = Math.max(1, maxInfo);
        for (int at = 0; at < information.length; at += size) {
            int to = Math.min(information.length, at + size);
            queue.add(new Segment(Arrays.copyOfRange(information, at, to), to < information.length));
        }
    }

    boolean hasNext() {
        return !queue.isEmpty();
    }

    /**
     * @param receiveSequence N(R) of the client's RR
     * @return the last I-frame again when the RR asks for it (N(R) is its N(S): it did not
     *         arrive), else null
     */
    byte[] again(int receiveSequence) {
        boolean lost = lastSent != null && receiveSequence == (sendNext + 7) % 8;
        return lost ? lastSent.clone() : null;
    }

    /** The next queued segment in the next numbered I-frame, final bit set. */
    byte[] next() {
        Segment segment = queue.remove();
        int control = HdlcControl.information(sendNext, receiveNext, true);
        sendNext = (sendNext + 1) % 8;
        lastSent = HdlcEncoder.encode(client, meter, control, segment.information(), segment.segmented());
        return lastSent.clone();
    }

    /** An I-frame of the client served here (a GBT acknowledgement): the meter's next N(R) counts it. */
    void clientFrame(int control) {
        if (HdlcControl.isInformation(control)) {
            receiveNext = (HdlcControl.sendSequence(control) + 1) % 8;
        }
    }

    /**
     * Before gurux.dlms serves the client's next frame: it takes the client's next I-frame
     * (N(S) = our N(R), N(R) = our next N(S)) and numbers its reply from ours (it adds one to
     * both numbers of the frame it sent last).
     */
    void handBack(GXHdlcSettings hdlc) {
        lastSent = null; // from here gurux.dlms frames
        if (!numbered) {
            return;
        }
        numbered = false;
        queue.clear();
        hdlc.setSenderFrame(control(receiveNext, sendNext - 1));
        hdlc.setReceiverFrame(control(sendNext - 1, receiveNext - 1));
    }

    private static short control(int receiveSequence, int sendSequence) {
        return (short) ((receiveSequence & 7) << 5 | POLL_FINAL | (sendSequence & 7) << 1);
    }
}
