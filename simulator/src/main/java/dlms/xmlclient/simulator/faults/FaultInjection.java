package dlms.xmlclient.simulator.faults;

import java.util.concurrent.atomic.AtomicInteger;

import dlms.xmlclient.simulator.transport.Frames;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import gurux.dlms.ConnectionState;
import gurux.dlms.enums.Command;

/**
 * Puts the meter's {@link MeterFault} into its exchanges. The meter's access (the server's
 * {@code OneClientAccess}) asks what to do with the bytes received ({@link #intake}) and what
 * to send of each reply ({@link #reply}); its DLMS server ({@code MeterServer}) what to answer
 * in gurux.dlms's place ({@link #answerInstead}) and whether to reject an AARQ. Requests are
 * looked at when they come as whole frames (a client writes one frame at a time); anything
 * else is served as it is. Also counts the AARQs received, fault or not. Not thread safe but
 * for that count: the rest is called under the lock of the meter's access.
 */
public final class FaultInjection {

    /** What to do with the bytes received. */
    public enum Intake {
        /** Serve them. */
        SERVE,
        /** Neither serve nor answer them. */
        IGNORE,
        /** Close the connection without serving them. */
        HANG_UP
    }

    /** The data request of an association at which drop-connection hangs up. */
    public static final int DROPPED_REQUEST = 2;

    private static final int SNRM = HdlcControl.unnumbered(HdlcControl.Kind.SNRM, true);

    private final MeterFault fault;
    private final boolean wrapper;
    private final AtomicInteger associationRequests = new AtomicInteger();
    /** New data requests of the association so far. */
    private int dataRequests;
    /** Number of the last endless block sent. */
    private long block;

    /**
     * @param fault the fault, null for none
     * @param wrapper true for WRAPPER framing, false for HDLC
     */
    public FaultInjection(MeterFault fault, boolean wrapper) {
        this.fault = fault;
        this.wrapper = wrapper;
    }

    /** @return the fault, null for none */
    public MeterFault fault() {
        return fault;
    }

    /** @return true when the meter answers nothing (fault silent) */
    public boolean isSilent() {
        return fault == MeterFault.SILENT;
    }

    /** @return how many AARQs the meter has received */
    public int associationRequests() {
        return associationRequests.get();
    }

    /**
     * Counts an AARQ, whether or not the meter is free to serve it.
     *
     * @param data bytes received
     */
    public void received(byte[] data) {
        if (Frames.isWhole(data, wrapper) && Frames.apduTag(data, wrapper) == Command.AARQ) {
            associationRequests.incrementAndGet();
        }
    }

    /**
     * @param data bytes received from the client being served
     * @param state the connection state before them
     * @return what to do with them
     */
    public Intake intake(byte[] data, byte state) {
        int offset = Frames.isWhole(data, wrapper) ? Frames.apduOffset(data, wrapper) : -1;
        int tag = offset < 0 ? -1 : data[offset] & 0xFF;
        boolean newRequest = associated(state) && FaultApdus.isDataRequest(tag)
                && !FaultApdus.isContinuation(data, offset);
        dataRequests = associated(state) ? dataRequests + (newRequest ? 1 : 0) : 0;
        if (fault == MeterFault.SILENT || fault == MeterFault.SNRM_ONLY && !isSnrm(data)) {
            return Intake.IGNORE;
        }
        if (fault == MeterFault.DROP_CONNECTION && newRequest
                && dataRequests == DROPPED_REQUEST) {
            return Intake.HANG_UP;
        }
        return Intake.SERVE;
    }

    /** @return true for the AARQ rejected by reject-association */
    public boolean rejectsAssociation() {
        return fault == MeterFault.REJECT_ASSOCIATION;
    }

    /**
     * @param request one whole frame received
     * @param state the connection state before it
     * @return the APDU to answer instead of gurux.dlms's (which must then not act on the
     *         request), null to let gurux.dlms answer
     */
    public byte[] answerInstead(byte[] request, byte state) {
        if (fault != MeterFault.EXCEPTION_RESPONSE && fault != MeterFault.SERVICE_ERROR
                && fault != MeterFault.ENDLESS_BLOCKS || !associated(state)
                || !Frames.isWhole(request, wrapper) || Frames.isSegment(request, wrapper)) {
            return null;
        }
        int offset = Frames.apduOffset(request, wrapper);
        int tag = offset < 0 ? -1 : request[offset] & 0xFF;
        if (!FaultApdus.isDataRequest(tag)) {
            return null;
        }
        switch (fault) {
        case EXCEPTION_RESPONSE:
            return FaultApdus.exceptionResponse();
        case SERVICE_ERROR:
            return FaultApdus.serviceError(tag);
        default:
            return endlessBlock(request, offset, tag);
        }
    }

    /**
     * @return the next data block for a plain Get or Read (block 1 for a new one), null for
     *         other requests
     */
    private byte[] endlessBlock(byte[] request, int offset, int tag) {
        if (tag != Command.GET_REQUEST && tag != Command.READ_REQUEST
                || offset + 2 >= request.length) {
            return null;
        }
        block = FaultApdus.isContinuation(request, offset) ? block + 1 : 1;
        return tag == Command.GET_REQUEST ? FaultApdus.getDataBlock(request[offset + 2], block)
                : FaultApdus.readDataBlock(block);
    }

    /**
     * @param frame a whole reply frame
     * @param state the connection state after the request
     * @return what to send: the frame, or the first frame of a reply to a data request broken
     *         as the fault says
     */
    public byte[] reply(byte[] frame, byte state) {
        int tag = Frames.apduTag(frame, wrapper);
        if (fault == null || !associated(state) || !FaultApdus.isDataResponse(tag)) {
            return frame;
        }
        switch (fault) {
        case BAD_CRC:
            return FaultFrames.withBadFcs(frame);
        case WRONG_ADDRESS:
            return FaultFrames.fromOtherStation(frame, wrapper);
        case WRONG_INVOKE_ID:
            return FaultFrames.withNextInvokeId(frame, wrapper);
        case TRUNCATED:
            return FaultFrames.truncated(frame, wrapper);
        default:
            return frame;
        }
    }

    private static boolean associated(byte state) {
        return (state & ConnectionState.DLMS) != 0;
    }

    /** @return true for one whole HDLC SNRM frame */
    private boolean isSnrm(byte[] data) {
        HdlcFrame frame = wrapper ? null : HdlcDecoder.whole(data);
        return frame != null && frame.control() == SNRM;
    }
}
