package dlms.xmlclient.session;

import dlms.xmlclient.media.Link;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.wrapper.WrapperHeader;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSConfirmedServiceError;
import gurux.dlms.GXDLMSException;
import gurux.dlms.GXDLMSExceptionResponse;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.RequestTypes;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Sends the frames of one request and collects the whole reply: HDLC segments are acknowledged
 * and block-transfer blocks requested until the library says the reply is complete.
 * A frame that gets no whole answer within its try is resent, up to the retry count; every wait
 * is bounded as {@link ReplyLimits} says, whatever the meter sends, and an interruption (Ctrl-C)
 * ends the exchange within {@link ExchangeClock#SLICE_MILLIS}.
 */
final class ReplyReader {

    private final Link link;
    private final ScriptClient client;
    private final Trace trace;
    private final int waitMillis;
    private final int inactivityMillis;
    private final int retries;
    private final long maxReplyBytes;
    private final ExchangeClock clock;
    private GXByteBuffer pending = new GXByteBuffer();
    /** The sequence numbers the meter's I-frames must carry (HDLC only). */
    private final HdlcSequence sequence = new HdlcSequence();
    /** The last frame read had its final bit clear: the meter is sending a window and wants no RR yet. */
    private boolean windowOpen;
    /** The frame being read had its final bit clear. */
    private boolean notFinal;

    /** @param interruption why the run was interrupted, or null while it goes on */
    ReplyReader(Link link, ScriptClient client, Trace trace, ReplyLimits limits, Supplier<String> interruption) {
        this.link = link;
        this.client = client;
        this.trace = trace;
        this.waitMillis = limits.waitTimeMillis();
        this.inactivityMillis = limits.inactivityMillis();
        this.retries = limits.retries();
        this.maxReplyBytes = limits.maxReplyBytes();
        this.clock = new ExchangeClock(link, limits, interruption);
    }

    /** From now on every frame gets one try of at most a second: the release after an interruption. */
    void hurry() {
        clock.hurry();
    }

    ReceivedReply exchange(byte[][] frames) throws SessionException {
        return exchange(frames, false);
    }

    /** @param associationRequest the frames carry an AARQ: the trace masks parts of secrets too */
    ReceivedReply exchange(byte[][] frames, boolean associationRequest) throws SessionException {
        ReceivedReply received = new ReceivedReply(client.getInterfaceType());
        received.requestType = client.requestType();
        received.requestCommand = client.requestCommand();
        received.requestInvokeId = client.requestInvokeId();
        GXReplyData reply = received.data;
        clock.startReply();
        if (associationRequest) {
            trace.associationRequest(frames);
        }
        for (byte[] frame : frames) {
            reply.clear();
            if (!readReplyTo(frame, received, associationRequest, false)) {
                return received;
            }
        }
        while (reply.isMoreData()) {
            // The next HDLC segment (not the next block): with a window above 1 it may be here already.
            boolean segment = reply.getMoreData().contains(RequestTypes.FRAME);
            byte[] next;
            try {
                next = client.receiverReady(reply);
            } catch (Exception e) {
                trace.note("gurux.dlms cannot build the next request: " + Session.oneLine(e));
                throw new SessionException(SessionException.Kind.EXCHANGE, "cannot ask for the rest of the reply:"
                        + " the library cannot build the next request after " + received.apdus.apdus().size()
                        + " APDUs (see trace.txt)", e);
            }
            received.joined = true;
            if (!readReplyTo(next, received, false, segment)) {
                return received;
            }
        }
        if (frames.length == 1 && HdlcFrames.isSnrm(frames[0])) {
            UaParameters.requireRoomForRequests(reply.getData());
        }
        return received;
    }

    /**
     * @param segment {@code frame} is the RR for the next HDLC segment: a meter sending a window
     *                of frames has sent it, or is sending it, unless its last frame was final; the
     *                RR goes out only after the final frame (or when the window falls silent)
     * @return false when the reply ended in a service error (no more frames to ask for)
     */
    private boolean readReplyTo(byte[] frame, ReceivedReply received, boolean associationRequest, boolean segment)
            throws SessionException {
        boolean buffered = segment && (pending.available() > 0 || windowOpen);
        clock.startTry();
        boolean ranOn = false; // the try ran on for a frame still coming steadily (traced once)
        if (!buffered) {
            if (pending.available() > 0) {
                trace.note("dropped " + pending.available() + " unexpected bytes received before this request");
            }
            pending = new GXByteBuffer();
            link.discardInput(); // a late answer to an earlier request must not pass for this one's
            send(frame, associationRequest);
        }
        boolean sent = !buffered;
        GXReplyData notify = new GXReplyData();
        MisaddressedFrames misaddressed = new MisaddressedFrames(client.getClientAddress(), client.getServerAddress(),
                client.getInterfaceType());
        int resends = 0;
        boolean started = false;
        GbtReception gbt = new GbtReception(client, trace, sequence);
        while (true) {
            if (pending.available() > 0) {
                int start = pending.position();
                int control = -1;
                if (client.getInterfaceType() == InterfaceType.HDLC && !gbt.handingOver()) {
                    int meterFrame = HdlcFrames.frameFor(pending.getData(), start, pending.size(),
                            client.getClientAddress() << 1 | 1);
                    control = meterFrame < 0 ? -1 : HdlcFrames.control(pending.getData(), meterFrame, pending.size());
                    if (control >= 0 && !HdlcFrames.hasRightFcs(pending.getData(), meterFrame, pending.size())) {
                        // Checked here: after one such frame the library waits on the next ones as
                        // if they were incomplete, so a meter repeating it seemed to trickle.
                        received.badFrames++;
                        trace.note("dropped a frame with a bad frame check sequence");
                        pending.position(HdlcFrames.closingFlag(pending.getData(), meterFrame, pending.size()) + 1);
                        pending.trim();
                        continue;
                    }
                    if (control >= 0 && HdlcControl.kind(control) == HdlcControl.Kind.RNR) {
                        // Busy: the meter did not take the frame. HDLC has the sender wait; the try's
                        // end sends it again, and the final error names the condition.
                        received.notReady++;
                        trace.note("the meter is not ready to receive (HDLC RNR, N(R)="
                                + HdlcControl.receiveSequence(control) + ")");
                        pending.position(HdlcFrames.closingFlag(pending.getData(), meterFrame, pending.size()) + 1);
                        pending.trim();
                        continue;
                    }
                    String outOfSequence = control < 0 ? null : sequence.check(control);
                    if (outOfSequence != null && sequence.recoverable(control)) {
                        // Dropped as HDLC drops it; the RR that follows asks again from the N(S) expected.
                        received.outOfSequence++;
                        received.outOfSequenceText = outOfSequence;
                        trace.note("dropped an HDLC I-frame out of sequence: " + outOfSequence);
                        pending.position(HdlcFrames.closingFlag(pending.getData(), meterFrame, pending.size()) + 1);
                        pending.trim();
                        continue;
                    }
                    if (outOfSequence != null) {
                        throw new SessionException(SessionException.Kind.EXCHANGE,
                                "HDLC I-frame out of sequence: " + outOfSequence);
                    }
                    notFinal = meterFrame >= 0 && HdlcFrames.markFinal(pending.getData(), meterFrame, pending.size());
                }
                byte[] ack = gbt.take(pending, start, notFinal); // a general-block-transfer block: joined there
                if (ack != null) {
                    if (ack.length > 0) {
                        send(ack, false);
                        frame = ack; // a try that runs out sends the acknowledgement again
                    }
                    continue;
                }
                boolean complete;
                try {
                    complete = client.readFrame(pending, received.data, notify);
                } catch (GXDLMSExceptionResponse | GXDLMSConfirmedServiceError e) {
                    if (AssociationFailure.isDecipheringFailure(e) && received.data.getCommand() != Command.EXCEPTION_RESPONSE) {
                        throw undecipherable(e); // raised here, not sent by the meter
                    }
                    received.serviceError = e;
                    consumed(received, start);
                    return false;
                } catch (Exception e) {
                    if (AssociationFailure.isDecipheringFailure(e)) {
                        throw undecipherable(e);
                    }
                    if (isBadCheckSequence(e)) {
                        // HDLC discards a frame whose check sequence is wrong; the request is sent again.
                        received.badFrames++;
                        trace.note("dropped a frame with a bad frame check sequence");
                        pending = new GXByteBuffer();
                        started = false;
                        continue;
                    }
                    if (e instanceof UnreadableReply ours) {
                        throw new SessionException(SessionException.Kind.EXCHANGE,
                                "unreadable reply from the meter: " + ours.getMessage(), e);
                    }
                    trace.note("gurux.dlms cannot read the reply: " + Session.oneLine(e));
                    throw new SessionException(SessionException.Kind.EXCHANGE,
                            "unreadable reply from the meter: " + NoWholeReply.unreadable(pending, start, received,
                                    client.getInterfaceType()), e);
                }
                if (!complete && notify.getCommand() != Command.NONE) {
                    // A whole notification (event, data, information report): the library took it
                    // apart from the reply and says "not complete"; it answers nothing we sent.
                    client.notifications.arrived(pending.subArray(start, pending.position() - start), trace);
                    received.notifications++;
                    if (control >= 0) {
                        sequence.received(control); // an I-frame counts, as the library counts it
                    }
                    notify.clear();
                    pending.trim();
                    continue;
                }
                if (complete) {
                    if (control >= 0) {
                        sequence.received(control);
                    }
                    if (notify.getData().size() != 0 && received.data.getData().size() == 0
                            && received.data.getCommand() == 0) {
                        client.notifications.arrived(pending.subArray(start, pending.position() - start), trace);
                        received.notifications++;
                        notify.clear();
                        pending.trim();
                        continue;
                    }
                    if (isStale(received)) {
                        trace.note("dropped a reply with invoke id " + (received.data.getInvokeId() & 0xFF)
                                + ", expected " + received.requestInvokeId + " (a late answer to an earlier request?)");
                        received.staleReplies++;
                        received.staleInvokeId = received.data.getInvokeId() & 0xFF;
                        received.data.clear();
                        pending.trim();
                        continue;
                    }
                    received.ciphered |= received.data.getCipheredCommand() != Command.NONE;
                    consumed(received, start);
                    return true;
                }
                pending.position(start);
            }
            if (!sent && !windowOpen) { // the bytes already here do not hold the next segment: ask for it
                send(frame, associationRequest);
                sent = true;
            }
            byte[] chunk = clock.receive(started || !sent ? inactivityMillis : waitMillis);
            if (chunk == null) {
                if (clock.replyOver()) {
                    throw new SessionException(SessionException.Kind.EXCHANGE, "the reply took longer than"
                            + " --max-reply-time " + clock.maxReplyMillis() / 1000 + " s (" + received.bytes
                            + " bytes came): the meter keeps answering (raise --max-reply-time if the reply is real)");
                }
                if (started && pending.size() > 0 && clock.tryOver() && startsFrame()
                        && clock.runOnFor(received.bytes, pending.size() - pending.position())) {
                    // A real frame on a slow line (a long one at 300 baud, a large PDU over GPRS):
                    // it keeps coming at a line's rate, so the try runs on, within --max-reply-time.
                    if (!ranOn) {
                        trace.note("a frame is still coming steadily after " + clock.tryMillis() + " ms: waiting on"
                                + " for it (up to --max-reply-time)");
                        ranOn = true;
                    }
                    continue;
                }
                if (!sent) {
                    trace.note("the meter's window stopped before its final frame: asking for the rest");
                    windowOpen = false;
                    continue;
                }
                // Bytes came but none of them is left unread: dropped frames, not a reply cut short.
                boolean partial = started && pending.size() > 0;
                // The try ran out while bytes still came: trickled, or never a frame.
                boolean overran = partial && clock.tryOver();
                int limit = clock.tryMillis();
                boolean hurried = clock.hurried();
                String silence = overran ? "no whole frame within " + limit + " ms: the meter kept sending"
                        : partial ? "the reply stopped after " + pending.size() + " bytes: nothing more within "
                        + inactivityMillis + " ms" : "no reply within " + (hurried ? limit : waitMillis) + " ms";
                if (overran) {
                    received.overruns++;
                }
                if (partial && !overran) {
                    received.partialBytes = pending.size();
                }
                int allowed = hurried ? 0 : retries;
                if (resends >= allowed) {
                    throw NoWholeReply.failure(received, partial, silence, limit, hurried ? limit : waitMillis,
                            waitMillis, allowed);
                }
                resends++;
                trace.note(silence + ", resending (" + resends + "/" + allowed + ")");
                pending = new GXByteBuffer();
                started = false;
                send(frame, associationRequest);
                continue;
            }
            trace.received(chunk);
            received.bytes += chunk.length;
            if (received.bytes > maxReplyBytes) { // a meter that never ends its reply (endless blocks)
                throw new SessionException(SessionException.Kind.EXCHANGE, "the reply passed --max-reply-bytes "
                        + maxReplyBytes + ": the meter keeps sending (raise --max-reply-bytes if the reply is real)");
            }
            misaddressed.scan(chunk);
            if (misaddressed.failure() != null) { // waiting or resending cannot help: the meter answers, from elsewhere
                throw misaddressed.failure();
            }
            started = true;
            pending.set(chunk);
        }
    }

    /** Takes the bytes received after the last reply and not read (a notification that came with it). */
    byte[] takeUnread() {
        byte[] rest = pending.subArray(pending.position(), pending.available());
        pending = new GXByteBuffer();
        return rest;
    }

    /** gurux.dlms's words for a frame whose HCS or FCS is wrong. */
    private static boolean isBadCheckSequence(Exception e) {
        return e instanceof GXDLMSException && "Wrong CRC.".equals(e.getMessage());
    }

    private static SessionException undecipherable(Exception e) {
        return AssociationFailure.undecipherable(SessionException.Kind.EXCHANGE, "reply", e);
    }

    /** A complete Get/Set/Action reply whose invoke id is not the request's. */
    private static boolean isStale(ReceivedReply received) {
        int command = received.data.getCommand();
        boolean hasInvokeId = command == Command.GET_RESPONSE || command == Command.SET_RESPONSE
                || command == Command.METHOD_RESPONSE;
        return hasInvokeId && received.requestInvokeId >= 0 && !received.joined
                && (received.data.getInvokeId() & 0xFF) != received.requestInvokeId;
    }

    private void consumed(ReceivedReply received, int start) {
        received.lastFrame = pending.subArray(start, pending.position() - start);
        received.apdus.frame(received.lastFrame);
        windowOpen = notFinal;
        notFinal = false;
        pending.trim();
    }

    private void send(byte[] frame, boolean associationRequest) throws SessionException {
        if (client.getInterfaceType() == InterfaceType.HDLC) {
            sequence.sent(frame);
        }
        clock.startTry();
        if (associationRequest) {
            trace.sentAssociationRequest(frame);
        } else {
            trace.sent(frame);
        }
        try {
            link.send(frame);
        } catch (IOException e) {
            throw new SessionException(SessionException.Kind.EXCHANGE, e.getMessage(), e);
        }
    }

    /** The unread bytes start a frame: a right HDLC header check sequence, or a WRAPPER header. */
    private boolean startsFrame() {
        byte[] b = pending.getData();
        int start = pending.position();
        int end = pending.size();
        return client.getInterfaceType() == InterfaceType.HDLC ? HdlcFrames.isFrameStart(b, start, end)
                : WrapperHeader.isAt(b, start, end);
    }
}
