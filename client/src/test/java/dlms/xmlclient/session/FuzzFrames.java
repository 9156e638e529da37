package dlms.xmlclient.session;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Reading the fuzz corpus's chunks as HDLC or WRAPPER frames, making check sequences right
 * again, and the byte-array helpers the mutator and the ciphered APDUs share.
 */
final class FuzzFrames {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final int FLAG = 0x7E;
    static final byte[] LLC = {(byte) 0xE6, (byte) 0xE7, 0x00};
    static final int WRAPPER_HEADER = 8;

    private FuzzFrames() {
    }

    /** A parsed HDLC frame and the bytes it came from. */
    record HdlcFrame(byte format, byte[] dest, byte[] src, int control, byte[] info, byte[] bytes) {
    }

    record WrapperFrame(byte[] header, byte[] apdu) {
        byte[] bytes() {
            return concat(header, apdu);
        }
    }

    /** The chunk as frames and, between them, byte[] runs that are no frame. */
    static List<Object> hdlcFrames(byte[] chunk) {
        List<Object> parts = new ArrayList<>();
        int pos = 0;
        int other = 0;
        while (pos < chunk.length) {
            HdlcFrame f = (chunk[pos] & 0xFF) == FLAG ? hdlcFrame(chunk, pos) : null;
            if (f == null) {
                pos++;
                continue;
            }
            if (pos > other) {
                parts.add(Arrays.copyOfRange(chunk, other, pos));
            }
            parts.add(f);
            pos += f.bytes().length;
            other = pos;
        }
        if (other < chunk.length) {
            parts.add(Arrays.copyOfRange(chunk, other, chunk.length));
        }
        return parts;
    }

    private static HdlcFrame hdlcFrame(byte[] b, int start) {
        if (start + 9 > b.length || (b[start + 1] & 0xF0) != 0xA0) {
            return null;
        }
        int length = ((b[start + 1] & 0x07) << 8) | (b[start + 2] & 0xFF);
        int end = start + length + 2; // after the closing flag
        if (end > b.length || (b[end - 1] & 0xFF) != FLAG || length < 7) {
            return null;
        }
        int pos = start + 3;
        int destStart = pos;
        while (pos < end && (b[pos] & 1) == 0) {
            pos++;
        }
        int srcStart = ++pos;
        while (pos < end && (b[pos] & 1) == 0) {
            pos++;
        }
        int controlAt = ++pos;
        if (controlAt + 3 >= end) {
            return null;
        }
        byte[] info = controlAt + 3 == end - 1 ? null : Arrays.copyOfRange(b, controlAt + 3, end - 3);
        if (info != null && controlAt + 6 > end) {
            return null;
        }
        return new HdlcFrame(b[start + 1], Arrays.copyOfRange(b, destStart, srcStart),
                Arrays.copyOfRange(b, srcStart, controlAt), b[controlAt] & 0xFF, info,
                Arrays.copyOfRange(b, start, end));
    }

    static List<Object> wrapperFrames(byte[] chunk) {
        List<Object> parts = new ArrayList<>();
        int pos = 0;
        while (pos + WRAPPER_HEADER <= chunk.length) {
            int length = (chunk[pos + 6] & 0xFF) << 8 | chunk[pos + 7] & 0xFF;
            int end = Math.min(chunk.length, pos + WRAPPER_HEADER + length);
            parts.add(new WrapperFrame(Arrays.copyOfRange(chunk, pos, pos + WRAPPER_HEADER),
                    Arrays.copyOfRange(chunk, pos + WRAPPER_HEADER, end)));
            pos = end;
        }
        if (pos < chunk.length) {
            parts.add(Arrays.copyOfRange(chunk, pos, chunk.length));
        }
        return parts;
    }

    /** Each whole HDLC frame in the bytes gets its length-implied HCS and FCS made again. */
    static byte[] refreshChecks(byte[] b) {
        byte[] out = b.clone();
        for (int start = 0; start + 9 <= out.length; start++) {
            if ((out[start] & 0xFF) != FLAG || (out[start + 1] & 0xF0) != 0xA0) {
                continue;
            }
            int length = ((out[start + 1] & 0x07) << 8) | (out[start + 2] & 0xFF);
            int last = start + length + 1;
            if (length < 7 || last >= out.length) {
                continue;
            }
            int control = start + 3;
            for (int address = 0; address < 2; address++) {
                while (control < last && (out[control] & 1) == 0) {
                    control++;
                }
                control++;
            }
            if (control + 3 <= last - 2) {
                put(out, control + 1, HdlcFrames.fcs16(out, start + 1, control + 1));
            }
            put(out, last - 2, HdlcFrames.fcs16(out, start + 1, last - 2));
            start = last;
        }
        return out;
    }

    private static void put(byte[] b, int at, int crc) {
        if (at >= 0 && at + 1 < b.length) {
            b[at] = (byte) crc;
            b[at + 1] = (byte) (crc >> 8);
        }
    }

    static byte[] hex(String hex) {
        return HEX.parseHex(hex);
    }

    static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The APDUs inside the frames of the recorded replies (information fields after the LLC, WRAPPER payloads). */
    static List<byte[]> apdus(List<List<byte[]>> replies, boolean wrapper) {
        List<byte[]> apdus = new ArrayList<>();
        for (List<byte[]> chunks : replies) {
            for (byte[] chunk : chunks) {
                for (Object part : wrapper ? wrapperFrames(chunk) : hdlcFrames(chunk)) {
                    if (part instanceof WrapperFrame w && w.apdu().length > 0) {
                        apdus.add(w.apdu());
                    } else if (part instanceof HdlcFrame h && h.info() != null && startsWith(h.info(), LLC)) {
                        apdus.add(Arrays.copyOfRange(h.info(), 3, h.info().length));
                    }
                }
            }
        }
        return apdus;
    }

    /** An HDLC frame built around {@code info}; its length field and check sequences right, or at random. */
    static HdlcFrame hdlcFrame(Random random, byte[] format, byte[] dest, byte[] src, int control, byte[] info,
            boolean rightLength, boolean rightChecks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int length = 2 + dest.length + src.length + 1 + 2 + (info == null ? 0 : info.length + 2);
        int sent = rightLength ? length : Math.max(0, length + random.nextInt(33) - 16);
        out.write(FLAG);
        out.write((format[0] & 0xF8) | ((sent >> 8) & 0x07));
        out.write(sent);
        out.writeBytes(dest);
        out.writeBytes(src);
        out.write(control);
        byte[] header = out.toByteArray();
        writeCheck(random, out, header, rightChecks);
        if (info != null) {
            out.writeBytes(info);
            writeCheck(random, out, out.toByteArray(), rightChecks);
        }
        out.write(FLAG);
        byte[] bytes = out.toByteArray();
        return new HdlcFrame(format[0], dest, src, control, info, bytes);
    }

    private static void writeCheck(Random random, ByteArrayOutputStream out, byte[] soFar, boolean right) {
        int crc = right || random.nextBoolean() ? HdlcFrames.fcs16(soFar, 1, soFar.length) : random.nextInt(0x10000);
        if (!right && crc == HdlcFrames.fcs16(soFar, 1, soFar.length)) {
            crc ^= 1;
        }
        out.write(crc);
        out.write(crc >> 8);
    }

    /** A WRAPPER frame: version, source and destination wPort from {@code header}, then the length. */
    static byte[] wrapperFrame(Random random, List<String> steps, byte[] header, byte[] apdu, boolean rightLength) {
        byte[] h = Arrays.copyOf(header, WRAPPER_HEADER);
        int length = rightLength ? apdu.length : random.nextInt(random.nextBoolean() ? 0x10000 : apdu.length + 16);
        if (!rightLength) {
            steps.add("wrapper length " + length + " for " + apdu.length);
        }
        h[6] = (byte) (length >> 8);
        h[7] = (byte) length;
        return concat(h, apdu);
    }
}
