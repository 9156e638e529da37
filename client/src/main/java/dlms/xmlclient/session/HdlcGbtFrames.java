package dlms.xmlclient.session;

import dlms.xmlclient.wire.gbt.GbtBlock;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import dlms.xmlclient.wire.hdlc.LlcHeader;
import dlms.xmlclient.wire.wrapper.WrapperHeader;
import gurux.dlms.GXByteBuffer;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * General-block-transfer blocks over HDLC (IEC 62056-46): each block is an APDU in the
 * information field of one I-frame, or of several with the segmentation bit (the LLC bytes
 * E6 E7 00 before the first segment only). The I-frames are taken off the received bytes before
 * gurux.dlms sees them (its client acknowledges every block and joins blocks after a gap, see
 * docs/developer-notes.md); the session's {@link HdlcSequence} has checked their numbers already.
 * The link layer is kept here: after a final frame that ends no window of blocks, an RR asks for
 * the next frame (the next segment, or the next block of a streamed window); the acknowledgement
 * of a window goes in a numbered I-frame. Both are built with the wire module's encoder,
 * addressed back to where the meter's frame came from. gurux.dlms's own sequence counters are
 * set to go on from ours (see {@link GuruxHdlcCounters}), so that the requests it frames next
 * carry the right N(S) and N(R).
 * <p>
 * The joined reply is handed to gurux.dlms in a WRAPPER frame (an HDLC frame holds at most 2047
 * bytes), which {@link ScriptClient#readFrame} reads as a bare APDU.
 */
final class HdlcGbtFrames {

    private final GbtReception reception;
    private final ScriptClient client;
    private final HdlcSequence sequence;
    /** The segments of the block being received, LLC bytes taken off. */
    private final ByteArrayOutputStream block = new ByteArrayOutputStream();
    private boolean handingOver;

    HdlcGbtFrames(GbtReception reception, ScriptClient client, HdlcSequence sequence) {
        this.reception = reception;
        this.client = client;
        this.sequence = sequence;
    }

    /** See {@link GbtReception#take}; the frame at {@code start} has passed the session's HDLC checks. */
    byte[] take(GXByteBuffer pending, int start, boolean windowOpen) throws SessionException {
        byte[] bytes = pending.getData();
        int end = pending.size();
        if (handingOver) {
            return null;
        }
        int at = HdlcFrames.frameFor(bytes, start, end, client.getClientAddress() << 1 | 1);
        HdlcFrame frame = at < 0 ? null : HdlcDecoder.whole(bytes, at, end);
        if (frame == null || !HdlcControl.isInformation(frame.control()) || frame.source() == null
                || !carriesBlock(frame)) {
            return null; // not a block, or from an address we could not answer: the library's
        }
        if (block.size() == 0) {
            reception.requireGrant(); // before any RR for its next segment
        }
        int from = block.size() == 0 ? frame.informationFrom() + LlcHeader.SIZE : frame.informationFrom();
        block.write(bytes, from, frame.informationTo() - from);
        sequence.received(frame.control());
        byte[] rest = Arrays.copyOfRange(bytes, frame.closingFlag() + 1, end);
        if (frame.isSegmented()) {
            GbtReception.replace(pending, start, new byte[0], new byte[0], rest);
            return windowOpen ? new byte[0] : receiveReady(frame);
        }
        byte[] apdu = block.toByteArray();
        block.reset();
        GbtReception.Next next = reception.arrived(GbtReception.block(apdu, 0, apdu.length));
        if (next == GbtReception.Next.JOINED) {
            byte[] joined = reception.joined();
            WrapperHeader header = WrapperHeader.of(client.getServerAddress() & 0xFFFF, client.getClientAddress(),
                    joined.length);
            GbtReception.replace(pending, start, header.encode(), joined, rest);
            handingOver = true;
            client.joinedReplyFollows();
            GuruxHdlcCounters.continueClient(client.getHdlcSettings(), sequence.sendNext(), sequence.receiveNext());
            return new byte[0];
        }
        GbtReception.replace(pending, start, new byte[0], new byte[0], rest);
        if (windowOpen) {
            return new byte[0]; // the meter's frames go on: no frame of ours before its final one
        }
        return next == GbtReception.Next.READ_ON ? receiveReady(frame) : acknowledgement(frame);
    }

    /** The joined reply waits in the received bytes for the library (not an HDLC frame). */
    boolean handingOver() {
        return handingOver;
    }

    /** An I-frame whose information starts a general-block-transfer APDU, or goes on with one. */
    private boolean carriesBlock(HdlcFrame frame) {
        if (block.size() > 0) {
            return true;
        }
        int info = frame.informationFrom();
        return LlcHeader.isAt(frame.buffer(), info, frame.informationTo())
                && GbtBlock.isAt(frame.buffer(), info + LlcHeader.SIZE, frame.informationTo());
    }

    /** RR, N(R) the meter's next frame: it may send on (poll bit set). */
    private byte[] receiveReady(HdlcFrame received) {
        int control = HdlcControl.supervisory(HdlcControl.Kind.RR, sequence.receiveNext(), true);
        GuruxHdlcCounters.continueClient(client.getHdlcSettings(), sequence.sendNext(), sequence.receiveNext());
        return HdlcEncoder.encode(received.source(), received.destination(), control, null, false);
    }

    /** Our acknowledgement of the window in the next I-frame, after the LLC bytes of a command. */
    private byte[] acknowledgement(HdlcFrame received) {
        byte[] apdu = reception.acknowledgement().encode();
        byte[] information = Arrays.copyOf(LlcHeader.command(), LlcHeader.SIZE + apdu.length);
        System.arraycopy(apdu, 0, information, LlcHeader.SIZE, apdu.length);
        int control = HdlcControl.information(sequence.sendNext(), sequence.receiveNext(), true);
        GuruxHdlcCounters.continueClient(client.getHdlcSettings(), sequence.sendNext() + 1, sequence.receiveNext());
        return HdlcEncoder.encode(received.source(), received.destination(), control, information, false);
    }
}
