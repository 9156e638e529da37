package dlms.xmlclient.session;

import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import dlms.xmlclient.wire.wrapper.WrapperHeader;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the secrets are in the frames of one request whose APDU (an AARQ with a password) is
 * split over HDLC segments: the APDU is joined from the frames' information fields, the secrets
 * are found in it whole, and each of their bytes is traced back to its frame and offset. A piece
 * of a secret at a segment boundary (one byte, or two) is then hidden as surely as the whole.
 */
final class SplitSecrets {

    private SplitSecrets() {
    }

    /** @return for each frame, which of its bytes belong to a secret */
    static boolean[][] hidden(byte[][] frames, List<byte[]> secrets) {
        boolean[][] hidden = new boolean[frames.length][];
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        List<int[]> origin = new ArrayList<>(); // {frame, offset} of each joined byte
        for (int f = 0; f < frames.length; f++) {
            byte[] frame = frames[f];
            hidden[f] = new boolean[frame.length];
            int[] payload = payload(frame);
            for (int i = payload[0]; i < payload[1]; i++) {
                joined.write(frame[i]);
                origin.add(new int[] {f, i});
            }
        }
        byte[] apdu = joined.toByteArray();
        for (byte[] secret : secrets) {
            for (int at = indexOf(apdu, secret, 0); at >= 0; at = indexOf(apdu, secret, at + 1)) {
                for (int i = at; i < at + secret.length; i++) {
                    int[] o = origin.get(i);
                    hidden[o[0]][o[1]] = true;
                }
            }
        }
        return hidden;
    }

    /** {from, to} of the bytes of a frame that carry the APDU: HDLC information field, WRAPPER data. */
    private static int[] payload(byte[] frame) {
        if (frame.length > 0 && (frame[0] & 0xFF) == HdlcDecoder.FLAG) {
            HdlcFrame f = HdlcDecoder.whole(frame, 0, frame.length);
            return f == null || !f.hasInformation() ? new int[] {0, 0}
                    : new int[] {f.informationFrom(), f.informationTo()};
        }
        return frame.length > WrapperHeader.SIZE && WrapperHeader.isAt(frame, 0, frame.length)
                ? new int[] {WrapperHeader.SIZE, frame.length} : new int[] {0, frame.length};
    }

    private static int indexOf(byte[] data, byte[] run, int from) {
        if (run.length == 0) {
            return -1;
        }
        for (int i = from; i + run.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + run.length, run, 0, run.length)) {
                return i;
            }
        }
        return -1;
    }
}
