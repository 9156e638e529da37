package dlms.xmlclient.hostile;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Frames a hostile meter sends: a real reply with another APDU in it, its lengths and check
 * sequences made right, so that an attack reaches the layer it is aimed at. Its own CRC (the
 * HDLC FCS-16 of IEC 62056-46 / ISO 13239), not the project's, so that a shared mistake shows.
 */
public final class ForgedFrames {

    private ForgedFrames() {
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** The APDU of a frame (WRAPPER: after the header; HDLC: after the LLC header); empty if none. */
    public static byte[] apdu(byte[] frame, boolean wrapper) {
        if (wrapper) {
            return Arrays.copyOfRange(frame, 8, frame.length);
        }
        int info = hdlcHeaderEnd(frame) + 2;
        return info + 3 >= frame.length - 3 ? new byte[0] : Arrays.copyOfRange(frame, info + 3, frame.length - 3);
    }

    /** {@code frame} (a meter's reply) carrying {@code apdu} instead of its own. */
    public static byte[] withApdu(byte[] frame, boolean wrapper, byte[] apdu) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (wrapper) {
            out.write(frame, 0, 6);
            out.write(apdu.length >> 8);
            out.write(apdu.length);
            out.writeBytes(apdu);
            return out.toByteArray();
        }
        int headerEnd = hdlcHeaderEnd(frame); // index of the HCS
        byte[] info = new byte[3 + apdu.length];
        info[0] = (byte) 0xE6;
        info[1] = (byte) 0xE7;
        System.arraycopy(apdu, 0, info, 3, apdu.length);
        return hdlc(Arrays.copyOfRange(frame, 3, headerEnd), info, frame[1] & 0x08);
    }

    /**
     * An HDLC frame: {@code addressesAndControl} (destination, source, control) and the
     * information field, with format, HCS, FCS and flags.
     *
     * @param segmentBit 0x08 for a frame with more segments to come, else 0
     */
    public static byte[] hdlc(byte[] addressesAndControl, byte[] info, int segmentBit) {
        int length = 2 + addressesAndControl.length + 2 + (info.length > 0 ? info.length + 2 : 0);
        byte[] f = new byte[length + 2];
        f[0] = 0x7E;
        f[1] = (byte) (0xA0 | segmentBit | (length >> 8) & 0x07);
        f[2] = (byte) length;
        System.arraycopy(addressesAndControl, 0, f, 3, addressesAndControl.length);
        int hcs = 3 + addressesAndControl.length;
        putFcs(f, 1, hcs);
        if (info.length > 0) {
            System.arraycopy(info, 0, f, hcs + 2, info.length);
            putFcs(f, 1, hcs + 2 + info.length);
        }
        f[f.length - 1] = 0x7E;
        return f;
    }

    /** A WRAPPER frame from {@code source} to {@code destination} wPort. */
    public static byte[] wrapper(int source, int destination, byte[] apdu) {
        byte[] f = new byte[8 + apdu.length];
        f[1] = 1;
        f[2] = (byte) (source >> 8);
        f[3] = (byte) source;
        f[4] = (byte) (destination >> 8);
        f[5] = (byte) destination;
        f[6] = (byte) (apdu.length >> 8);
        f[7] = (byte) apdu.length;
        System.arraycopy(apdu, 0, f, 8, apdu.length);
        return f;
    }

    /** The reply frame's addresses and control byte, as the meter sent them (HDLC). */
    public static byte[] hdlcAddressesAndControl(byte[] frame) {
        return Arrays.copyOfRange(frame, 3, hdlcHeaderEnd(frame));
    }

    /** Index of the HCS: after the two addresses (each ends with a byte whose low bit is 1) and control. */
    private static int hdlcHeaderEnd(byte[] frame) {
        int at = 3;
        for (int address = 0; address < 2; address++) {
            while ((frame[at] & 1) == 0) {
                at++;
            }
            at++;
        }
        return at + 1;
    }

    /** Writes the FCS-16 of {@code f[from..to)} at {@code to}, low byte first. */
    static void putFcs(byte[] f, int from, int to) {
        int fcs = 0xFFFF;
        for (int i = from; i < to; i++) {
            fcs ^= f[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                fcs = (fcs & 1) != 0 ? (fcs >>> 1) ^ 0x8408 : fcs >>> 1;
            }
        }
        fcs = ~fcs & 0xFFFF;
        f[to] = (byte) fcs;
        f[to + 1] = (byte) (fcs >> 8);
    }
}
