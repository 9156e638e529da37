package dlms.xmlclient.simulator.server;

import java.io.ByteArrayOutputStream;

import dlms.xmlclient.simulator.transport.Frames;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import dlms.xmlclient.wire.wrapper.WrapperHeader;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.ErrorCode;

/**
 * Keeps a request whose data nest deeper than {@link NestingGuard#MAX_DEPTH} from gurux.dlms,
 * whose recursive parser overflows the stack on it, and answers it as the Green Book lets a
 * server answer a request it cannot serve: a Set, Action or Get normal with the service's own
 * result type-unmatched (no attribute or parameter has such a type); any other LN service with
 * exception-response service-not-allowed / operation-not-possible; an SN Read or Write with
 * confirmed-service-error service / other. A request split over HDLC segments is followed from
 * its first segment; when gurux.dlms holds some of them already, the connection is closed after
 * the answer (see {@link #takeHangUp}). Not thread safe: used by one {@link MeterServer}.
 */
final class DeepRequests {

    private final boolean wrapper;
    private final RefusalLog refusals;
    /** The APDU so far of a request arriving in HDLC segments; null when none is. */
    private ByteArrayOutputStream segments;
    /** Set when the connection is to be closed after the reply (see {@link #takeHangUp}). */
    private boolean hangUp;

    /**
     * @param wrapper true for WRAPPER framing, false for HDLC
     * @param refusals where a refused request is logged
     */
    DeepRequests(boolean wrapper, RefusalLog refusals) {
        this.wrapper = wrapper;
        this.refusals = refusals;
    }

    /**
     * @param request one frame received
     * @return the answer to a request nesting too deep, null to let it through
     */
    byte[] refusal(byte[] request) {
        if (!Frames.isWhole(request, wrapper)) {
            return null; // a frame over several reads: left to OneClientAccess's guard
        }
        int from = WrapperHeader.SIZE;
        int to = request.length;
        if (!wrapper) {
            HdlcFrame frame = HdlcDecoder.whole(request);
            to = frame.informationTo();
            if (!HdlcControl.isInformation(frame.control())) {
                segments = null; // SNRM, DISC, RR: no APDU in progress
                return null;
            }
            boolean more = frame.isSegmented();
            if (segments == null) {
                from = Frames.apduOffset(request, false);
                if (from < 0) {
                    return null;
                }
                if (more) {
                    segments = new ByteArrayOutputStream();
                    segments.write(request, from, to - from);
                }
            } else if (frame.hasInformation()) {
                segments.write(request, frame.informationFrom(),
                        frame.informationTo() - frame.informationFrom());
            }
            if (segments != null) {
                byte[] received = segments.toByteArray();
                if (!more) {
                    segments = null;
                }
                if (!NestingGuard.tooDeep(received, 0, received.length)) {
                    return null;
                }
                segments = null;
                hangUp = true;
                return refusals.refused("request nesting deeper than " + NestingGuard.MAX_DEPTH
                        + " levels (HDLC segments; connection closed)", answer(received, 0));
            }
        }
        if (!NestingGuard.tooDeep(request, from, to)) {
            return null;
        }
        return refusals.refused("request nesting deeper than " + NestingGuard.MAX_DEPTH
                + " levels", answer(request, from));
    }

    /** @return the answer to the (too deep) request APDU at {@code from} */
    private static byte[] answer(byte[] apdu, int from) {
        int tag = apdu[from] & 0xFF;
        int type = from + 1 < apdu.length ? apdu[from + 1] & 0xFF : 0;
        byte invoke = from + 2 < apdu.length ? apdu[from + 2] : 0;
        int typeUnmatched = ErrorCode.UNMATCHED_TYPE.getValue();
        if (tag == Command.SET_REQUEST && type == 1) {
            return new byte[] {(byte) Command.SET_RESPONSE, 1, invoke, (byte) typeUnmatched};
        }
        if (tag == Command.METHOD_REQUEST && type == 1) {
            return new byte[] {(byte) Command.METHOD_RESPONSE, 1, invoke, (byte) typeUnmatched,
                0};
        }
        if (tag == Command.GET_REQUEST && type == 1) {
            return new byte[] {(byte) Command.GET_RESPONSE, 1, invoke, 1, (byte) typeUnmatched};
        }
        if (tag == Command.READ_REQUEST || tag == Command.WRITE_REQUEST) {
            return new byte[] {(byte) Command.CONFIRMED_SERVICE_ERROR,
                (byte) (tag == Command.READ_REQUEST ? 5 : 6), 3, 0};
        }
        return ExceptionResponses.operationNotPossible();
    }

    /**
     * @return true (once) when the connection is to be closed after the reply just made: a
     *         request was refused after gurux.dlms had taken a part of it
     */
    boolean takeHangUp() {
        boolean was = hangUp;
        hangUp = false;
        return was;
    }
}
