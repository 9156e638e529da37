package dlms.xmlclient.wire.wrapper;

import java.util.Arrays;

/** Writes WRAPPER frames (IEC 62056-47): an 8-byte {@link WrapperHeader}, then the APDU. */
public final class WrapperEncoder {

    private WrapperEncoder() {
    }

    /** @return a frame of version 1 carrying {@code apdu} from wPort {@code source} to {@code destination} */
    public static byte[] encode(int source, int destination, byte[] apdu) {
        return frame(WrapperHeader.of(source, destination, apdu.length), apdu);
    }

    /**
     * @param frame a frame, at least its header
     * @return a new frame with the same version and wPorts carrying {@code apdu}
     */
    public static byte[] withApdu(byte[] frame, byte[] apdu) {
        return frame(header(frame).withLength(apdu.length), apdu);
    }

    /**
     * @param frame a frame
     * @return a copy with the source wPort {@code wPort}; a copy as it is when it has no whole header
     */
    public static byte[] withSource(byte[] frame, int wPort) {
        byte[] out = frame.clone();
        WrapperHeader header = WrapperHeader.decode(frame, 0, frame.length);
        if (header != null) {
            header.withSource(wPort).put(out, 0);
        }
        return out;
    }

    private static byte[] frame(WrapperHeader header, byte[] apdu) {
        byte[] out = Arrays.copyOf(header.encode(), WrapperHeader.SIZE + apdu.length);
        System.arraycopy(apdu, 0, out, WrapperHeader.SIZE, apdu.length);
        return out;
    }

    private static WrapperHeader header(byte[] frame) {
        WrapperHeader header = WrapperHeader.decode(frame, 0, frame.length);
        if (header == null) {
            throw new IllegalArgumentException("no WRAPPER header: " + frame.length + " bytes");
        }
        return header;
    }
}
