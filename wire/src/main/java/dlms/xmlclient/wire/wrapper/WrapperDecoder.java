package dlms.xmlclient.wire.wrapper;

import dlms.xmlclient.wire.FrameException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds WRAPPER frames (IEC 62056-47): an 8-byte {@link WrapperHeader} and the APDU whose
 * length it gives. Frames from client and server have the same format.
 */
public final class WrapperDecoder {

    private WrapperDecoder() {
    }

    /**
     * @return true when {@code data} is exactly one frame: a header whose length counts the
     *         bytes after it (its version is not checked)
     */
    public static boolean isWhole(byte[] data) {
        WrapperHeader header = WrapperHeader.decode(data, 0, data.length);
        return header != null && header.length() == data.length - WrapperHeader.SIZE;
    }

    /**
     * Takes a captured stream apart: frames one after the other, each of version 1 with an
     * APDU, nothing before, between or after them.
     *
     * @return each frame, header included
     * @throws FrameException naming the first frame that is truncated or not a WRAPPER frame
     */
    public static List<byte[]> frames(byte[] d) throws FrameException {
        List<byte[]> frames = new ArrayList<>();
        for (int p = 0; p < d.length; ) {
            int n = frames.size() + 1;
            WrapperHeader header = WrapperHeader.decode(d, p, d.length);
            if (header == null) {
                throw new FrameException(n, "truncated: a WRAPPER header has 8 bytes, only " + (d.length - p)
                        + " are left");
            }
            if (header.version() != WrapperHeader.VERSION) {
                throw new FrameException(n, String.format("expected WRAPPER version 00 01 at byte %d, found %02X %02X",
                        p, header.version() >> 8, header.version() & 0xFF));
            }
            int length = header.length();
            if (length == 0) {
                throw new FrameException(n, "the WRAPPER header gives an empty PDU");
            }
            int end = p + WrapperHeader.SIZE + length;
            if (end > d.length) {
                throw new FrameException(n, "truncated: the WRAPPER header gives " + length + " PDU bytes, only "
                        + (d.length - p - WrapperHeader.SIZE) + " follow");
            }
            frames.add(Arrays.copyOfRange(d, p, end));
            p = end;
        }
        return frames;
    }
}
