package dlms.xmlclient.session;

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

    private static final int WRAPPER_HEADER = 8;
    private static final int LLC = 3;

    private final InterfaceType interfaceType;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private final List<byte[]> complete = new ArrayList<>();

    public ApduAssembler(InterfaceType interfaceType) {
        this.interfaceType = interfaceType;
    }

    /** Adds one whole frame; frames without an information field (RR, UA, …) add nothing. */
    public void frame(byte[] frame) {
        if (interfaceType == InterfaceType.WRAPPER) {
            if (frame.length > WRAPPER_HEADER) {
                int length = (frame[6] & 0xFF) << 8 | (frame[7] & 0xFF); // the header's own length field
                complete.add(Arrays.copyOfRange(frame, WRAPPER_HEADER,
                        Math.min(frame.length, WRAPPER_HEADER + length)));
            }
            return;
        }
        int[] info = HdlcFrames.information(frame, 0, frame.length);
        if (info == null) {
            return;
        }
        current.write(frame, info[0], info[1] - info[0]);
        if (!HdlcFrames.isSegmented(frame, 0)) {
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
        boolean llc = info.length >= LLC && (info[0] & 0xFF) == 0xE6
                && ((info[1] & 0xFF) == 0xE6 || (info[1] & 0xFF) == 0xE7) && info[2] == 0;
        return llc ? Arrays.copyOfRange(info, LLC, info.length) : info;
    }
}
