package dlms.xmlclient.simulator.transport;

import java.util.Arrays;

import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import dlms.xmlclient.wire.hdlc.HdlcFormat;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import dlms.xmlclient.wire.hdlc.LlcHeader;
import dlms.xmlclient.wire.wrapper.WrapperDecoder;
import dlms.xmlclient.wire.wrapper.WrapperEncoder;
import dlms.xmlclient.wire.wrapper.WrapperHeader;

/**
 * The APDU in a frame of the meter's framing, WRAPPER or HDLC, with the wire module's codec:
 * where it starts, and the same frame carrying another one (its addresses and control field
 * kept, so that the HDLC sequence numbers stay right). The meter's server replaces a request's
 * or a reply's APDU without caring which framing carries it.
 */
public final class Frames {

    private Frames() {
    }

    /**
     * @param frame one frame, as received or about to be sent
     * @param wrapper true for a WRAPPER frame, false for HDLC
     * @return offset of the APDU's first byte when the frame starts an APDU (a WRAPPER frame,
     *         or an HDLC I-frame whose information field starts with the LLC bytes), else -1
     */
    public static int apduOffset(byte[] frame, boolean wrapper) {
        if (frame == null) {
            return -1;
        }
        if (wrapper) {
            return frame.length > WrapperHeader.SIZE ? WrapperHeader.SIZE : -1;
        }
        int control = HdlcDecoder.controlAt(frame, 0, frame.length);
        if (control < 0 || !HdlcControl.isInformation(frame[control] & 0xFF)) {
            return -1;
        }
        int info = control + 3; // after the header check sequence
        int apdu = info + LlcHeader.SIZE;
        int fcs = frame.length - 3;
        return apdu < fcs && LlcHeader.isAt(frame, info, fcs) ? apdu : -1;
    }

    /**
     * @param frame one frame
     * @param wrapper true for WRAPPER, false for HDLC
     * @return the first byte of the APDU the frame starts, -1 when it starts none
     */
    public static int apduTag(byte[] frame, boolean wrapper) {
        int offset = apduOffset(frame, wrapper);
        return offset < 0 ? -1 : frame[offset] & 0xFF;
    }

    /**
     * @param frame one whole frame that starts an APDU (see {@link #apduOffset})
     * @param wrapper true for WRAPPER, false for HDLC
     * @return the APDU bytes it carries: for HDLC up to the frame check sequence
     */
    public static byte[] apdu(byte[] frame, boolean wrapper) {
        int offset = checkedApduOffset(frame, wrapper);
        return Arrays.copyOfRange(frame, offset, wrapper ? frame.length : frame.length - 3);
    }

    /**
     * @param data bytes received in one read
     * @param wrapper true for WRAPPER, false for HDLC
     * @return true when they are exactly one whole frame
     */
    public static boolean isWhole(byte[] data, boolean wrapper) {
        return wrapper ? WrapperDecoder.isWhole(data) : HdlcDecoder.whole(data) != null;
    }

    /**
     * @param frame one whole frame
     * @param wrapper true for WRAPPER, false for HDLC
     * @return true when it is an HDLC frame with the segmentation bit: a part of an APDU
     */
    public static boolean isSegment(byte[] frame, boolean wrapper) {
        return !wrapper && HdlcFormat.isSegmented(frame, 1);
    }

    /**
     * @param frame a frame that starts an APDU (see {@link #apduOffset})
     * @param wrapper true for WRAPPER, false for HDLC
     * @param apdu the APDU to carry instead; small enough for one frame
     * @return the same frame (addresses, control field, LLC bytes) carrying {@code apdu}, in
     *         one frame (no segmentation bit)
     */
    public static byte[] withApdu(byte[] frame, boolean wrapper, byte[] apdu) {
        int offset = checkedApduOffset(frame, wrapper);
        if (wrapper) {
            return WrapperEncoder.withApdu(frame, apdu);
        }
        return hdlcWith(frame, Arrays.copyOfRange(frame, offset - LlcHeader.SIZE, offset), apdu);
    }

    /**
     * @param request a whole request frame; an HDLC one may continue an APDU (no LLC bytes),
     *            as the last segment of a request does
     * @param wrapper true for WRAPPER, false for HDLC
     * @param apdu the APDU to carry instead
     * @return the request (addresses, control field) carrying {@code apdu} after the client's
     *         LLC bytes, in one frame
     */
    public static byte[] requestWithApdu(byte[] request, boolean wrapper, byte[] apdu) {
        if (wrapper || apduOffset(request, false) >= 0) {
            return withApdu(request, wrapper, apdu);
        }
        return hdlcWith(request, LlcHeader.command(), apdu);
    }

    private static byte[] hdlcWith(byte[] frame, byte[] llc, byte[] apdu) {
        HdlcFrame header = HdlcDecoder.header(frame, 0, frame.length);
        if (header == null || header.destination() == null || header.source() == null) {
            throw new IllegalArgumentException("no HDLC frame with addresses of 1, 2 or 4 bytes");
        }
        byte[] information = Arrays.copyOf(llc, llc.length + apdu.length);
        System.arraycopy(apdu, 0, information, llc.length, apdu.length);
        return HdlcEncoder.encode(header.destination(), header.source(), header.control(),
                information, false);
    }

    private static int checkedApduOffset(byte[] frame, boolean wrapper) {
        int offset = apduOffset(frame, wrapper);
        if (offset < 0) {
            throw new IllegalArgumentException("frame carries no APDU start");
        }
        return offset;
    }
}
