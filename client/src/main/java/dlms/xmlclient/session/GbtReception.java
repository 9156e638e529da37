package dlms.xmlclient.session;

import dlms.xmlclient.wire.gbt.GbtBlock;
import dlms.xmlclient.wire.wrapper.WrapperHeader;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.enums.InterfaceType;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * Receives one reply that the meter sends in general-block-transfer APDUs (WRAPPER, or HDLC
 * through {@link HdlcGbtFrames}), in gurux.dlms 4.0.47's place: its client acknowledges every
 * block whatever the window and never asks again for a lost one (see docs/developer-notes.md).
 * Blocks are acknowledged per window: when a block comes without the streaming bit, or the last
 * block came but one before it is missing; the acknowledgement's block-number-ack names the last
 * block received in order, so that the meter sends again from the block after it (Green Book,
 * general-block-transfer). Blocks after a gap are not kept: the meter sends them again, and a
 * reply joined before they come again would leave them for the next request. When every block
 * is in, their block-data joined (the reply APDU, ciphered as the meter ciphered it) takes the
 * last block's place in the received bytes, for the library to read as a reply that came in one
 * frame. A meter that breaks the rules is named: expected vs arrived.
 */
final class GbtReception {

    private final ScriptClient client;
    private final Trace trace;
    private final TreeMap<Integer, byte[]> blocks = new TreeMap<>();
    /** Over HDLC: the I-frames that carry the blocks. */
    private final HdlcGbtFrames hdlc;
    /** The block-number-ack of our last acknowledgement (0 before the first). */
    private int acknowledged;
    /** The block-number of our last acknowledgement. */
    private int ourBlocks;
    /** The number of the block that had the last-block bit, 0 while none came. */
    private int lastBlock;
    /** The highest block number received since our last acknowledgement. */
    private int highest;

    GbtReception(ScriptClient client, Trace trace, HdlcSequence sequence) {
        this.client = client;
        this.trace = trace;
        this.hdlc = new HdlcGbtFrames(this, client, sequence);
    }

    /**
     * @param pending received bytes; a whole frame starts at {@code start} when this takes it
     * @param windowOpen the frame at {@code start} came with its final bit clear (HDLC: the
     *                   meter sends more frames before it waits for ours)
     * @return null when no general-block-transfer block starts there (the library reads what
     *         is there); else an empty array when the block was taken (read on), or the frame
     *         to send: the acknowledgement, or over HDLC the RR for the next frame
     * @throws SessionException when the meter breaks the general-block-transfer rules
     */
    byte[] take(GXByteBuffer pending, int start, boolean windowOpen) throws SessionException {
        if (client.getInterfaceType() == InterfaceType.HDLC) {
            return hdlc.take(pending, start, windowOpen);
        }
        byte[] bytes = pending.getData();
        int end = pending.size();
        if (client.getInterfaceType() != InterfaceType.WRAPPER || !WrapperHeader.isAt(bytes, start, end)) {
            return null;
        }
        WrapperHeader header = WrapperHeader.decode(bytes, start, end);
        int frameEnd = start + WrapperHeader.SIZE + header.length();
        if (frameEnd > end || !GbtBlock.isAt(bytes, start + WrapperHeader.SIZE, frameEnd)) {
            return null; // not whole yet, or another APDU
        }
        Next next = arrived(block(bytes, start + WrapperHeader.SIZE, frameEnd));
        byte[] rest = Arrays.copyOfRange(bytes, frameEnd, end);
        if (next == Next.JOINED) {
            byte[] joined = joined();
            replace(pending, start, header.withLength(joined.length).encode(), joined, rest);
            return new byte[0];
        }
        replace(pending, start, new byte[0], new byte[0], rest);
        if (next == Next.READ_ON) {
            return new byte[0];
        }
        byte[] apdu = acknowledgement().encode();
        WrapperHeader reply = WrapperHeader.of(header.destination(), header.source(), apdu.length);
        byte[] frame = new byte[WrapperHeader.SIZE + apdu.length];
        reply.put(frame, 0);
        System.arraycopy(apdu, 0, frame, WrapperHeader.SIZE, apdu.length);
        return frame;
    }

    /** The joined reply is in the received bytes, for the library to read (HDLC: see {@link HdlcGbtFrames}). */
    boolean handingOver() {
        return hdlc.handingOver();
    }

    /** What the receiver does after a block. */
    enum Next {
        /** More blocks of the meter's window follow. */
        READ_ON,
        /** The meter's window ended: acknowledge (asking again from a gap, if there is one). */
        ACKNOWLEDGE,
        /** Every block is in: {@link #joined()} is the reply. */
        JOINED
    }

    /** Decodes a block-transfer APDU, a malformed one named as the meter's deviation. */
    static GbtBlock block(byte[] bytes, int from, int to) throws SessionException {
        try {
            return GbtBlock.decode(bytes, from, to);
        } catch (IllegalArgumentException e) {
            throw deviation(e.getMessage());
        }
    }

    /** Keeps the block when it comes in order, and says what comes next. */
    Next arrived(GbtBlock block) throws SessionException {
        trace.note("received " + block.describe());
        requireGrant();
        check(block);
        if (block.number() == inOrder() + 1) { // after a gap the meter sends again from the gap
            blocks.put(block.number(), block.data());
        }
        highest = Math.max(highest, block.number());
        if (block.last()) {
            lastBlock = block.number();
        }
        int inOrder = inOrder();
        if (lastBlock != 0 && inOrder == lastBlock) {
            return Next.JOINED;
        }
        if (block.streaming() && !block.last()) {
            return Next.READ_ON;
        }
        if (inOrder < highest) {
            trace.note("general block transfer: block " + (inOrder + 1) + " missing (received up to " + highest
                    + "): asking again from it");
        }
        return Next.ACKNOWLEDGE;
    }

    /** A general-block-transfer APDU (or its first HDLC segment) arrived: the AARE must have granted it. */
    void requireGrant() throws SessionException {
        if (window() == 0) {
            throw deviation("a general-block-transfer APDU arrived, but the AARE did not grant general block"
                    + " transfer (expected an ordinary reply)");
        }
    }

    /** Block numbers must go up within a window, stay within our window, and stop at the last. */
    private void check(GbtBlock block) throws SessionException {
        int n = block.number();
        if (lastBlock != 0 && n > lastBlock) {
            throw deviation("a block after the last: block " + lastBlock + " had the last-block bit, arrived block "
                    + n);
        }
        if (n <= acknowledged) {
            throw deviation("block numbers went back: we acknowledged up to block " + acknowledged
                    + ", so expected block " + (acknowledged + 1) + " or later, arrived block " + n);
        }
        if (n <= highest) {
            throw deviation("block numbers went back: expected a block after block " + highest + ", arrived block "
                    + n);
        }
        if (n > acknowledged + window()) {
            throw deviation("window exceeded: our window " + window() + " after block-number-ack " + acknowledged
                    + " allows blocks " + (acknowledged + 1) + ".." + (acknowledged + window()) + ", arrived block "
                    + n);
        }
    }

    /** The window we proposed, 0 when general block transfer is not in use. */
    private int window() {
        return client.gbtWindow();
    }

    /** The last block received in order: every block from 1 up to it is here. */
    private int inOrder() {
        int n = acknowledged;
        while (blocks.containsKey(n + 1)) {
            n++;
        }
        return n;
    }

    /** Our acknowledgement: every block received in order, the meter to send from the one after. */
    GbtBlock acknowledgement() {
        int inOrder = inOrder();
        acknowledged = inOrder;
        highest = inOrder;
        ourBlocks++;
        GbtBlock ack = new GbtBlock(true, false, window(), ourBlocks, inOrder, new byte[0]);
        trace.note("acknowledging: " + ack.describe());
        return ack;
    }

    /** The blocks' data joined: the reply APDU (at most 65535 bytes, one WRAPPER frame). */
    byte[] joined() throws SessionException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        blocks.values().forEach(out::writeBytes);
        byte[] joined = out.toByteArray();
        if (joined.length > 0xFFFF) {
            throw new SessionException(SessionException.Kind.EXCHANGE, "a general-block-transfer reply of "
                    + joined.length + " bytes: more than the client joins (65535, one WRAPPER frame)");
        }
        trace.note("general block transfer: " + lastBlock + " blocks joined into one APDU of " + joined.length
                + " bytes");
        return joined;
    }

    /** Puts {@code head} and {@code body} where the block's frame was, before the bytes after it. */
    static void replace(GXByteBuffer pending, int start, byte[] head, byte[] body, byte[] rest) {
        pending.size(start);
        pending.set(head);
        pending.set(body);
        pending.set(rest);
        pending.position(start);
    }

    private static SessionException deviation(String what) {
        return new SessionException(SessionException.Kind.EXCHANGE, "the meter breaks general block transfer: "
                + what);
    }
}
