package dlms.xmlclient.simulator.faults;

import java.util.Arrays;

import dlms.xmlclient.simulator.transport.Frames;
import dlms.xmlclient.wire.hdlc.Fcs16;
import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import dlms.xmlclient.wire.wrapper.WrapperEncoder;
import dlms.xmlclient.wire.wrapper.WrapperHeader;
import gurux.dlms.enums.Command;

/**
 * The broken frames of the faults, each made from a whole reply frame the meter would send
 * (HDLC or WRAPPER, written with the wire module's codec). Every frame returned is a new array.
 */
final class FaultFrames {

    /** Logical device (HDLC upper address) or wPort that wrong-address replies come from. */
    static final int OTHER_STATION = 5;

    private FaultFrames() {
    }

    /** @return the HDLC frame with both bytes of its frame check sequence inverted */
    static byte[] withBadFcs(byte[] frame) {
        byte[] out = frame.clone();
        if (HdlcDecoder.whole(out) != null) {
            out[out.length - 3] ^= (byte) 0xFF;
            out[out.length - 2] ^= (byte) 0xFF;
        }
        return out;
    }

    /**
     * @return the first half of an HDLC frame (no closing flag); a WRAPPER frame's header
     *         (whose length counts the whole APDU) and the first half of its APDU
     */
    static byte[] truncated(byte[] frame, boolean wrapper) {
        int header = WrapperHeader.SIZE;
        int keep = wrapper ? header + Math.max(1, (frame.length - header) / 2) : frame.length / 2;
        return Arrays.copyOf(frame, Math.min(keep, frame.length - 1));
    }

    /**
     * @return the frame from {@link #OTHER_STATION}: WRAPPER source wPort 5; HDLC logical
     *         device 5 in the source address, in its form (1, 2 or 4 bytes) and with its
     *         physical part
     */
    static byte[] fromOtherStation(byte[] frame, boolean wrapper) {
        if (wrapper) {
            return WrapperEncoder.withSource(frame, OTHER_STATION);
        }
        HdlcFrame whole = HdlcDecoder.whole(frame);
        HdlcAddress source = whole == null ? null : whole.source();
        if (source == null || whole.destination() == null) {
            return frame.clone();
        }
        return HdlcEncoder.withSource(frame, source.withUpper(OTHER_STATION));
    }

    /**
     * @return a Get, Set or Action response with the invoke id of its invoke-id-and-priority
     *         byte one higher (mod 16, priority and service class kept); other frames as they
     *         are (a ciphered response cannot be changed)
     */
    static byte[] withNextInvokeId(byte[] frame, boolean wrapper) {
        int offset = Frames.apduOffset(frame, wrapper);
        if (offset < 0 || offset + 2 >= frame.length) {
            return frame.clone();
        }
        int tag = frame[offset] & 0xFF;
        if (tag != Command.GET_RESPONSE && tag != Command.SET_RESPONSE
                && tag != Command.METHOD_RESPONSE) {
            return frame.clone();
        }
        byte[] out = frame.clone();
        int id = out[offset + 2] & 0xFF;
        out[offset + 2] = (byte) (id & 0xF0 | (id + 1) & 0x0F);
        if (!wrapper) {
            Fcs16.put(out, 1, out.length - 3); // the header, and so its HCS, is unchanged
        }
        return out;
    }
}
