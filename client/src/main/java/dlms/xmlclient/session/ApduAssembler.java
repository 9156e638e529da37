package dlms.xmlclient.session;

import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import dlms.xmlclient.wire.hdlc.LlcHeader;
import dlms.xmlclient.wire.wrapper.WrapperHeader;
import gurux.dlms.enums.InterfaceType;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The APDUs of a stream of frames, byte for byte as they were on the wire: HDLC information
 * fields joined until a frame without the segmentation bit (the LLC header taken off), or the
 * payload of each WRAPPER frame. Kept so that the session can judge the meter's encoding itself
 * rather than what the library made of it.
 */
public final class ApduAssembler {

    private final InterfaceType interfaceType;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private final List<byte[]> complete = new ArrayList<>();

    public ApduAssembler(InterfaceType interfaceType) {
        this.interfaceType = interfaceType;
    }

    /** Adds one whole frame; frames without an information field (RR, UA, …) add nothing. */
    public void frame(byte[] frame) {
        // Over HDLC too: the joined reply of general block transfer is handed on in a WRAPPER frame.
        if (interfaceType == InterfaceType.WRAPPER || WrapperHeader.isAt(frame, 0, frame.length)) {
            if (frame.length > WrapperHeader.SIZE) {
                int length = WrapperHeader.decode(frame, 0, frame.length).length(); // the header's own length field
                complete.add(Arrays.copyOfRange(frame, WrapperHeader.SIZE,
                        Math.min(frame.length, WrapperHeader.SIZE + length)));
            }
            return;
        }
        HdlcFrame f = HdlcDecoder.whole(frame, 0, frame.length);
        if (f == null || !f.hasInformation()) {
            return;
        }
        current.write(frame, f.informationFrom(), f.informationTo() - f.informationFrom());
        if (!f.isSegmented()) {
            complete.add(withoutLlc(current.toByteArray()));
            current.reset();
        }
    }

    /** Segments of an APDU have come, its last segment not yet. */
    boolean midApdu() {
        return current.size() > 0;
    }

    /** The APDUs completed so far, in order. */
    public List<byte[]> apdus() {
        return List.copyOf(complete);
    }

    /** The one APDU a request's frames carry (the LLC header taken off), or null. */
    static byte[] ofRequest(byte[][] frames, InterfaceType interfaceType) {
        ApduAssembler a = new ApduAssembler(interfaceType);
        for (byte[] f : frames) {
            if (f != null) {
                a.frame(f);
            }
        }
        return a.complete.isEmpty() ? null : a.complete.get(0);
    }

    /** E6 E6 00 (to the meter) or E6 E7 00 (from it) starts an APDU on HDLC (IEC 62056-46). */
    private static byte[] withoutLlc(byte[] info) {
        return LlcHeader.isAt(info, 0, info.length) ? Arrays.copyOfRange(info, LlcHeader.SIZE, info.length) : info;
    }
}
