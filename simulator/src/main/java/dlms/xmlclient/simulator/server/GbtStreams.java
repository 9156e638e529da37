package dlms.xmlclient.simulator.server;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dlms.xmlclient.simulator.log.SimulatorLog;
import dlms.xmlclient.simulator.transport.Frames;
import dlms.xmlclient.wire.gbt.GbtBlock;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import gurux.dlms.GXDLMSSettings;
import gurux.dlms.GXServerReply;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.Conformance;

/**
 * General block transfer as the Green Book has it, served in gurux.dlms 4.0.47's place (WRAPPER
 * and HDLC):
 * its server sets the streaming bit on the last block of a window, never sends a lost block
 * again, and after the last block answers with what is no APDU (GuruxServerGbtDefectTest,
 * docs/developer-notes.md). Here gurux.dlms builds the
 * whole reply as one APDU (ciphered as a whole when the association ciphers), and this class
 * sends it in blocks: the first block alone (the client's window is not known before its
 * first acknowledgement), then at most the client's window of blocks per acknowledgement, from
 * the block after the one acknowledged, so that a lost block is sent again. Over HDLC the
 * blocks go in I-frames that {@link HdlcReplyFrames} numbers and segments, one per poll; there
 * gurux.dlms builds the whole reply in one frame too (its max information field raised for the
 * request), so every reply of the association is segmented there.
 */
final class GbtStreams {

    /** The largest APDU gurux.dlms builds while general block transfer is agreed (then sent in blocks). */
    private static final int WHOLE_APDU = 0xFFFF;
    /** The window the meter announces it can receive. */
    static final int OWN_WINDOW = 8;

    private final boolean wrapper;
    private final SimulatorLog log;
    private final GXDLMSSettings settings;
    /** Over HDLC: the frames the meter numbers itself. */
    private final HdlcReplyFrames hdlc = new HdlcReplyFrames();
    /** The negotiated max information field while gurux.dlms builds a whole reply (HDLC). */
    private int negotiatedInfo;
    /** Fault gbt-lost-block: one block of the first window of more than two blocks is not sent. */
    private boolean loseOneBlock;
    private boolean agreed;
    /** The negotiated max PDU while gurux.dlms builds a whole reply. */
    private int negotiatedPdu;
    /** Block-data of the stream being sent, block 1 first; empty when none. */
    private List<byte[]> blocks = List.of();
    /** A reply frame to carry each block (addresses). */
    private byte[] carrier;
    /** The client's block numbers acknowledged so far (its own blocks). */
    private int clientBlocks;

    /**
     * General block transfer is offered, so that gurux.dlms grants it to a client that proposes
     * it (the AARE has the intersection), and only to such a client.
     *
     * @param settings the server's settings, before gurux.dlms is initialised
     */
    GbtStreams(boolean wrapper, boolean loseOneBlock, SimulatorLog log, GXDLMSSettings settings) {
        this.wrapper = wrapper;
        this.loseOneBlock = loseOneBlock;
        this.log = log;
        this.settings = settings;
        settings.getProposedConformance().add(Conformance.GENERAL_BLOCK_TRANSFER);
    }

    /**
     * Answers a client's general-block-transfer acknowledgement while a stream is open.
     *
     * @return true when {@code sr} got its reply here
     */
    boolean answered(GXServerReply sr) {
        byte[] frames = answer(sr.getData());
        if (frames != null) {
            sr.setReply(frames);
        } else if (!wrapper) {
            hdlc.handBack(settings.getHdlcSettings());
        }
        return frames != null;
    }

    /**
     * After an AARE: whether the client proposed general block transfer and so got it. gurux.dlms
     * keeps ordinary block transfer; this class does the blocks.
     */
    private void associated(GXDLMSSettings settings) {
        agreed = settings.getNegotiatedConformance().remove(Conformance.GENERAL_BLOCK_TRANSFER);
        blocks = List.of();
        clientBlocks = 0;
    }

    /** Before gurux.dlms serves a request: room for the whole reply in one APDU. */
    void beforeRequest(GXDLMSSettings settings, int requestTag) {
        if (negotiatedPdu != 0) { // a request that got no reply
            restore(settings);
        }
        negotiatedPdu = 0;
        if (agreed && requestTag >= 0 && requestTag != GbtBlock.TAG && requestTag != Command.AARQ
                && requestTag != Command.RELEASE_REQUEST) {
            blocks = List.of();
            negotiatedPdu = settings.getMaxPduSize();
            settings.setMaxPduSize(WHOLE_APDU);
            negotiatedInfo = settings.getHdlcSettings().getMaxInfoTX();
            settings.getHdlcSettings().setMaxInfoTX(WHOLE_APDU + 1);
        }
    }

    private void restore(GXDLMSSettings settings) {
        settings.setMaxPduSize(negotiatedPdu);
        settings.getHdlcSettings().setMaxInfoTX(negotiatedInfo);
    }

    /**
     * After gurux.dlms served the request: a reply longer than the negotiated max PDU goes in
     * blocks.
     *
     * @return the frame to send in place of {@code reply} (its first block), or {@code reply}
     */
    byte[] afterRequest(GXDLMSSettings settings, byte[] reply) {
        if (Frames.apduTag(reply, wrapper) == Command.AARE) {
            associated(settings);
        }
        if (negotiatedPdu == 0) {
            return reply;
        }
        restore(settings);
        negotiatedPdu = 0;
        int offset = Frames.apduOffset(reply, wrapper);
        if (offset < 0 || reply.length - offset <= settings.getMaxPduSize()) {
            return wrapper || offset < 0 || Frames.apdu(reply, false).length + 3 <= negotiatedInfo ? reply
                    : segmented(reply);
        }
        byte[] apdu = Frames.apdu(reply, wrapper);
        int size = settings.getMaxPduSize() - GbtBlock.overhead(settings.getMaxPduSize());
        List<byte[]> split = new ArrayList<>();
        for (int at = 0; at < apdu.length; at += size) {
            split.add(Arrays.copyOfRange(apdu, at, Math.min(apdu.length, at + size)));
        }
        blocks = split;
        clientBlocks = 0; // a new stream: none of the client's blocks acknowledged yet
        carrier = reply;
        if (!wrapper) {
            hdlc.start(reply);
        }
        log.info("general block transfer: a reply of " + apdu.length + " bytes in " + blocks.size() + " blocks");
        return window(1, 1);
    }

    /**
     * @param request the frame received
     * @return the frames answering a client's general-block-transfer acknowledgement while a
     *         stream is open (the next window, from the block after the one acknowledged), or
     *         null when gurux.dlms is to serve the request
     */
    private byte[] answer(byte[] request) {
        int receiveReady = wrapper ? -1 : receiveReady(request);
        byte[] again = receiveReady < 0 ? null : hdlc.again(receiveReady);
        if (again != null || receiveReady >= 0 && hdlc.hasNext()) {
            // The last frame again when it did not arrive; else the next segment, or the next
            // block of a streamed window.
            return again != null ? again : hdlc.next();
        }
        if (!agreed || blocks.isEmpty() || Frames.apduTag(request, wrapper) != GbtBlock.TAG) {
            return null;
        }
        GbtBlock ack;
        try {
            byte[] apdu = Frames.apdu(request, wrapper);
            ack = GbtBlock.decode(apdu, 0, apdu.length);
        } catch (IllegalArgumentException e) {
            log.warning("general block transfer: " + e.getMessage());
            return null;
        }
        clientBlocks = ack.number();
        if (!wrapper) {
            hdlc.clientFrame(HdlcDecoder.whole(request).control());
        }
        if (ack.ack() >= blocks.size()) {
            blocks = List.of();
            return null;
        }
        return window(ack.ack() + 1, Math.max(1, ack.window()));
    }

    /** Blocks {@code first} onwards, at most {@code count}, one frame each, joined for one write. */
    private byte[] window(int first, int count) {
        int lastOfWindow = Math.min(blocks.size(), first + count - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int number = first; number <= lastOfWindow; number++) {
            boolean last = number == blocks.size();
            GbtBlock block = new GbtBlock(last, !last && number < lastOfWindow, OWN_WINDOW, number, clientBlocks,
                    blocks.get(number - 1));
            if (loseOneBlock && count > 2 && number == first + 1) {
                loseOneBlock = false;
                log.warning("fault gbt-lost-block: general block transfer block " + number + " not sent");
                continue;
            }
            if (wrapper) {
                out.writeBytes(Frames.withApdu(carrier, wrapper, block.encode()));
            } else {
                hdlc.queue(block.encode(), negotiatedInfo);
            }
        }
        return wrapper ? out.toByteArray() : hdlc.next();
    }

    /** A reply of the association longer than one HDLC frame: its segments numbered here. */
    private byte[] segmented(byte[] reply) {
        hdlc.start(reply);
        hdlc.queue(Frames.apdu(reply, false), negotiatedInfo);
        return hdlc.next();
    }

    /** @return N(R) of an HDLC RR, -1 for any other frame */
    private static int receiveReady(byte[] request) {
        HdlcFrame frame = request == null ? null : HdlcDecoder.whole(request);
        boolean rr = frame != null && HdlcControl.kind(frame.control()) == HdlcControl.Kind.RR;
        return rr ? HdlcControl.receiveSequence(frame.control()) : -1;
    }
}
