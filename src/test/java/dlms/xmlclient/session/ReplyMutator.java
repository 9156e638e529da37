package dlms.xmlclient.session;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes one fuzz case from a recorded session: one reply chunk (sometimes two) is mutated, the
 * rest replayed as recorded. Mutations work on raw bytes (bit and byte flips, insertions,
 * deletions, truncation, random bytes), on the APDU inside a frame that is then framed again
 * with the right length and check sequences (most of the time, so that the mutation reaches the
 * APDU parser), on the frame header, on the delivery (split, joined, duplicated, dropped
 * chunks), by splicing in another APDU, and, for glo- replies, on the plain APDU, ciphered again
 * with the meter's key so that it passes authentication. All randomness comes from the given
 * {@link Random}.
 */
final class ReplyMutator {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final int FLAG = 0x7E;
    private static final byte[] LLC = {(byte) 0xE6, (byte) 0xE7, 0x00};
    private static final int WRAPPER_HEADER = 8;
    /** Bytes that mean something somewhere: flags, BER length forms, A-XDR tags, extremes. */
    private static final int[] INTERESTING = {0x00, 0x01, 0x02, 0x03, 0x04, 0x7E, 0x7F, 0x80, 0x81, 0x82, 0x83, 0x84,
        0x88, 0xA0, 0xA8, 0xC0, 0xC1, 0xE6, 0xE7, 0xFE, 0xFF};
    /** A-XDR data type tags, and a few that are not. */
    private static final int[] TYPE_TAGS = {0, 1, 2, 3, 4, 5, 6, 9, 10, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23,
        24, 25, 26, 27, 28, 0x1E, 0x24, 0x7F, 0xFF};
    /** APDU tags a meter may send, and some it may not. */
    private static final int[] COMMANDS = {0x08, 0x0C, 0x0D, 0x0E, 0x0F, 0x18, 0x28, 0x2C, 0x2D, 0x2E, 0x61, 0x63,
        0xC2, 0xC4, 0xC5, 0xC7, 0xCC, 0xCD, 0xCF, 0xD4, 0xD5, 0xD7, 0xD8, 0xDA, 0xDB, 0xDC, 0xDD, 0xDF, 0xE0, 0xE7,
        0x00, 0xFF};
    /** Hand-made replies: exception responses, confirmed-service-errors, odd blocks and lists. */
    private static final List<byte[]> TEMPLATES = List.of(
            hex("D80105"), hex("D8010600000000"), hex("D802FF"), hex("D8"), hex("0E010601"), hex("0E0A0000"),
            hex("0E"), hex("C401C10100"), hex("C401C1010B"), hex("C402C10000000001000401020304"),
            hex("C402C100FFFFFFFF00820100"), hex("C402C101000000020100"), hex("C402C10000000000008400000010"),
            hex("C403C1020009023132"), hex("C403C10000"), hex("C403C1FF"), hex("C501C100"), hex("C501C1FA"),
            hex("C502C1000000000100"), hex("C503C103000102"), hex("C701C10001000F05"), hex("C701C100010101"),
            hex("C702C1000000000101020304"), hex("0C01000F05"), hex("0C0101FF"), hex("0C0102000000000100"),
            hex("0D0100"), hex("0D01010B"), hex("C40100"), hex("C401"), hex("E0C0000000010000"),
            hex("E08000010000000004C401C100"), hex("0F000000010C07E6010101000000FF80000003"),
            hex("C2000008000001000FF0"), hex("6100"), hex("6103A101"), hex("63"), hex("6303800100"),
            hex("CC00"), hex("CC0530000000"), hex("DB083132333435363738"), hex("DD00"));

    private final Random random;
    private final boolean wrapper;
    private final boolean ciphered;
    /** APDUs of the corpus, for splicing. */
    private final List<byte[]> donors;
    private final List<String> steps = new ArrayList<>();

    ReplyMutator(Random random, boolean wrapper, boolean ciphered, List<byte[]> donors) {
        this.random = random;
        this.wrapper = wrapper;
        this.ciphered = ciphered;
        this.donors = donors;
    }

    /** What the last {@link #mutate} did, for the crash report. */
    String description() {
        return String.join("; ", steps);
    }

    /** The recorded replies with one or two chunks mutated. */
    List<List<byte[]>> mutate(List<List<byte[]>> recorded) {
        steps.clear();
        List<List<byte[]>> replies = new ArrayList<>();
        for (List<byte[]> chunks : recorded) {
            replies.add(new ArrayList<>(chunks));
        }
        int rounds = random.nextInt(10) == 0 ? 2 : 1;
        for (int round = 0; round < rounds; round++) {
            List<int[]> positions = new ArrayList<>();
            for (int s = 0; s < replies.size(); s++) {
                for (int c = 0; c < replies.get(s).size(); c++) {
                    positions.add(new int[] {s, c});
                }
            }
            if (positions.isEmpty()) {
                return replies;
            }
            int[] at = positions.get(random.nextInt(positions.size()));
            mutateChunk(replies, at[0], at[1]);
        }
        return replies;
    }

    private void mutateChunk(List<List<byte[]>> replies, int send, int index) {
        List<byte[]> chunks = replies.get(send);
        byte[] chunk = chunks.get(index);
        int strategy = random.nextInt(100);
        steps.add("reply " + send + " chunk " + index);
        if (strategy < 7) {
            deliver(replies, send, index);
            return;
        }
        byte[] mutated;
        if (strategy < 32) {
            mutated = raw(chunk);
        } else if (strategy < 37) {
            mutated = randomFrame(chunk);
        } else if (strategy < 47) {
            mutated = framed(chunk, Target.HEADER);
        } else if (strategy < 55) {
            mutated = framed(chunk, Target.SPLICE);
        } else if (strategy < 70 && ciphered) {
            mutated = framed(chunk, Target.PLAIN);
        } else {
            mutated = framed(chunk, Target.APDU);
        }
        chunks.set(index, mutated);
    }

    /** Changes how the chunks arrive, not what they say. */
    private void deliver(List<List<byte[]>> replies, int send, int index) {
        List<byte[]> chunks = replies.get(send);
        byte[] chunk = chunks.get(index);
        switch (random.nextInt(6)) {
            case 0 -> { // split in two reads
                int cut = random.nextInt(chunk.length + 1);
                chunks.set(index, Arrays.copyOf(chunk, cut));
                chunks.add(index + 1, Arrays.copyOfRange(chunk, cut, chunk.length));
                steps.add("split at " + cut);
            }
            case 1 -> { // the same frame twice (a repeated segment)
                chunks.add(index, chunk.clone());
                steps.add("duplicated");
            }
            case 2 -> { // lost
                chunks.remove(index);
                steps.add("dropped");
            }
            case 3 -> { // arrives with the next answer's first chunk
                if (send + 1 < replies.size() && !replies.get(send + 1).isEmpty()) {
                    byte[] next = replies.get(send + 1).remove(0);
                    chunks.set(index, concat(chunk, next));
                    steps.add("joined with the next reply");
                } else {
                    chunks.set(index, concat(chunk, chunk));
                    steps.add("doubled");
                }
            }
            case 4 -> { // the end comes with the next answer
                int cut = random.nextInt(chunk.length + 1);
                chunks.set(index, Arrays.copyOf(chunk, cut));
                if (send + 1 < replies.size()) {
                    replies.get(send + 1).add(0, Arrays.copyOfRange(chunk, cut, chunk.length));
                }
                steps.add("rest at " + cut + " moved to the next reply");
            }
            default -> { // an earlier answer again (a late reply)
                List<byte[]> earlierReply = replies.get(random.nextInt(send + 1));
                byte[] earlier = earlierReply.isEmpty() ? chunk : earlierReply.get(0);
                chunks.add(index, earlier.clone());
                steps.add("an earlier chunk first");
            }
        }
    }

    // ---- raw bytes ----

    private byte[] raw(byte[] chunk) {
        byte[] b = chunk;
        int ops = 1 + random.nextInt(4);
        for (int i = 0; i < ops; i++) {
            b = byteOp(b);
        }
        if (random.nextBoolean()) {
            b = refreshChecks(b);
            steps.add("checks made again");
        }
        return b;
    }

    /** Random bytes, bare or framed as the chunk's first frame is (addresses, WRAPPER header). */
    private byte[] randomFrame(byte[] chunk) {
        byte[] body = new byte[random.nextInt(random.nextBoolean() ? 16 : 400)];
        random.nextBytes(body);
        steps.add("random " + body.length + " bytes");
        int kind = random.nextInt(3);
        if (kind == 0) {
            return body;
        }
        byte[] apdu = kind == 1 ? body : concat(new byte[] {(byte) COMMANDS[random.nextInt(COMMANDS.length)]}, body);
        if (wrapper) {
            byte[] header = chunk.length >= WRAPPER_HEADER ? chunk : hex("0001000100100000");
            return wrapperFrame(header, apdu, true);
        }
        HdlcFrame like = null;
        for (Object part : hdlcFrames(chunk)) {
            if (part instanceof HdlcFrame f) {
                like = f;
                break;
            }
        }
        return like == null ? hdlcFrame(new byte[] {(byte) 0xA0}, hex("23"), hex("03"), 0x10, concat(LLC, apdu), true,
                true).bytes : hdlcFrame(new byte[] {like.format}, like.dest, like.src, like.control,
                kind == 1 ? apdu : concat(LLC, apdu), true, true).bytes;
    }

    /** One random edit; the result may be empty. */
    private byte[] byteOp(byte[] b) {
        int n = b.length;
        int op = n == 0 ? 5 : random.nextInt(12);
        int at = n == 0 ? 0 : random.nextInt(n);
        byte[] out;
        switch (op) {
            case 0 -> out = replaced(b, at, b[at] ^ (1 << random.nextInt(8)), "bit");
            case 1 -> out = replaced(b, at, random.nextInt(256), "byte");
            case 2 -> out = replaced(b, at, INTERESTING[random.nextInt(INTERESTING.length)], "interesting");
            case 3 -> out = replaced(b, at, b[at] + random.nextInt(17) - 8, "add");
            case 4 -> out = replaced(b, at, TYPE_TAGS[random.nextInt(TYPE_TAGS.length)], "tag");
            case 5 -> {
                byte[] ins = new byte[1 + random.nextInt(random.nextInt(8) == 0 ? 300 : 8)];
                random.nextBytes(ins);
                out = splice(b, at, 0, ins);
                steps.add("insert " + ins.length + "@" + at);
            }
            case 6 -> {
                int len = 1 + random.nextInt(Math.min(16, n - at));
                out = splice(b, at, len, new byte[0]);
                steps.add("delete " + len + "@" + at);
            }
            case 7 -> {
                out = Arrays.copyOf(b, at);
                steps.add("truncate@" + at);
            }
            case 8 -> {
                int len = 1 + random.nextInt(Math.min(32, n - at));
                out = splice(b, at, 0, Arrays.copyOfRange(b, at, at + len));
                steps.add("repeat " + len + "@" + at);
            }
            case 9 -> {
                out = splice(b, at, random.nextBoolean() ? 1 : 0, berLength());
                steps.add("length@" + at);
            }
            case 10 -> {
                int other = random.nextInt(n);
                out = b.clone();
                byte t = out[at];
                out[at] = out[other];
                out[other] = t;
                steps.add("swap@" + at + "," + other);
            }
            default -> {
                byte[] ins = new byte[1 + random.nextInt(4)];
                Arrays.fill(ins, (byte) (random.nextBoolean() ? 0xFF : 0x00));
                out = splice(b, at, ins.length <= n - at ? ins.length : 0, ins);
                steps.add("fill " + ins.length + "@" + at);
            }
        }
        return out;
    }

    /** A copy of {@code b} with the byte at {@code at} replaced. */
    private byte[] replaced(byte[] b, int at, int value, String what) {
        byte[] out = b.clone();
        out[at] = (byte) value;
        steps.add(what + "@" + at);
        return out;
    }

    /** A BER/A-XDR length, often a long or absurd one. */
    private byte[] berLength() {
        return switch (random.nextInt(6)) {
            case 0 -> new byte[] {(byte) random.nextInt(0x80)};
            case 1 -> new byte[] {(byte) 0x81, (byte) random.nextInt(256)};
            case 2 -> new byte[] {(byte) 0x82, (byte) random.nextInt(256), (byte) random.nextInt(256)};
            case 3 -> new byte[] {(byte) 0x84, (byte) random.nextInt(256), (byte) random.nextInt(256),
                (byte) random.nextInt(256), (byte) random.nextInt(256)};
            case 4 -> new byte[] {(byte) 0x84, (byte) 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
            default -> new byte[] {(byte) (0x80 | random.nextInt(128))};
        };
    }

    // ---- frames ----

    private enum Target { APDU, HEADER, SPLICE, PLAIN }

    /**
     * Mutates inside the frames of a chunk and frames them again, with the right length and
     * check sequences most of the time. A chunk that holds no whole frame gets raw edits.
     */
    private byte[] framed(byte[] chunk, Target target) {
        List<Object> parts = wrapper ? wrapperFrames(chunk) : hdlcFrames(chunk);
        List<Integer> frames = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof byte[])) {
                frames.add(i);
            }
        }
        if (frames.isEmpty()) {
            return raw(chunk);
        }
        int pick = frames.get(random.nextInt(frames.size()));
        if (wrapper) {
            WrapperFrame f = (WrapperFrame) parts.get(pick);
            byte[] header = f.header;
            byte[] apdu = f.apdu;
            if (target == Target.HEADER) {
                header = byteOpWithin(header, 6);
            } else {
                apdu = mutateApdu(apdu, target);
            }
            parts.set(pick, wrapperFrame(header, apdu, random.nextInt(10) != 0));
        } else {
            HdlcFrame f = (HdlcFrame) parts.get(pick);
            byte[] format = {f.format};
            byte[] dest = f.dest;
            byte[] src = f.src;
            int control = f.control;
            byte[] info = f.info;
            if (target == Target.HEADER) {
                switch (random.nextInt(5)) {
                    case 0 -> {
                        format[0] ^= 0x08; // the segmentation bit
                        steps.add("segment bit");
                    }
                    case 1 -> {
                        control = random.nextInt(4) == 0 ? random.nextInt(256) : control ^ (1 << random.nextInt(8));
                        steps.add("control " + Integer.toHexString(control));
                    }
                    case 2 -> {
                        dest = byteOpWithin(dest, dest.length);
                    }
                    case 3 -> {
                        src = byteOpWithin(src, src.length);
                    }
                    default -> {
                        info = info == null ? LLC.clone() : random.nextBoolean() ? null : byteOpWithin(info, 3);
                        steps.add("information field");
                    }
                }
            } else if (info != null) {
                boolean llc = startsWith(info, LLC);
                byte[] payload = llc ? Arrays.copyOfRange(info, 3, info.length) : info;
                payload = mutateApdu(payload, target);
                info = llc ? concat(LLC, payload) : payload;
            } else {
                info = mutateApdu(new byte[0], Target.SPLICE);
            }
            boolean rightLength = random.nextInt(10) != 0;
            boolean rightChecks = random.nextInt(10) != 0;
            if (!rightLength || !rightChecks) {
                steps.add((rightLength ? "" : "wrong length ") + (rightChecks ? "" : "wrong checks"));
            }
            parts.set(pick, hdlcFrame(format, dest, src, control & 0xFF, info, rightLength, rightChecks));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] b ? b
                    : part instanceof HdlcFrame h ? h.bytes : ((WrapperFrame) part).bytes());
        }
        return out.toByteArray();
    }

    private byte[] mutateApdu(byte[] apdu, Target target) {
        if (target == Target.SPLICE) {
            byte[] donor = random.nextBoolean() || donors.isEmpty() ? TEMPLATES.get(random.nextInt(TEMPLATES.size()))
                    : donors.get(random.nextInt(donors.size()));
            steps.add("splice " + HEX.formatHex(donor.length > 24 ? Arrays.copyOf(donor, 24) : donor));
            return random.nextBoolean() ? donor.clone() : byteOp(donor);
        }
        if (target == Target.PLAIN) {
            byte[] plain = GloApdu.decipher(apdu);
            if (plain != null) {
                int ops = 1 + random.nextInt(3);
                for (int i = 0; i < ops; i++) {
                    plain = plain.length > 0 && random.nextInt(8) == 0 ? commandOp(plain) : byteOp(plain);
                }
                steps.add("ciphered again");
                return GloApdu.encipher(apdu, plain);
            }
        }
        if (apdu.length > 0 && random.nextInt(12) == 0) {
            return commandOp(apdu);
        }
        byte[] b = apdu;
        int ops = 1 + random.nextInt(3);
        for (int i = 0; i < ops; i++) {
            b = byteOp(b);
        }
        return b;
    }

    private byte[] commandOp(byte[] apdu) {
        byte[] b = apdu.clone();
        b[0] = (byte) COMMANDS[random.nextInt(COMMANDS.length)];
        steps.add("command " + HEX.toHexDigits(b[0]));
        return b;
    }

    /** One edit inside the first {@code limit} bytes (a header), keeping its length. */
    private byte[] byteOpWithin(byte[] b, int limit) {
        if (b.length == 0) {
            return b;
        }
        byte[] out = b.clone();
        int at = random.nextInt(Math.min(limit, b.length));
        out[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (out[at] ^ (1 << random.nextInt(8)));
        steps.add("header byte@" + at);
        return out;
    }

    /** A parsed HDLC frame and the bytes it came from. */
    private record HdlcFrame(byte format, byte[] dest, byte[] src, int control, byte[] info, byte[] bytes) {
    }

    private record WrapperFrame(byte[] header, byte[] apdu) {
        byte[] bytes() {
            return concat(header, apdu);
        }
    }

    /** The chunk as frames and, between them, byte[] runs that are no frame. */
    private static List<Object> hdlcFrames(byte[] chunk) {
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
            pos += f.bytes.length;
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

    private HdlcFrame hdlcFrame(byte[] format, byte[] dest, byte[] src, int control, byte[] info, boolean rightLength,
            boolean rightChecks) {
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
        writeCheck(out, header, rightChecks);
        if (info != null) {
            out.writeBytes(info);
            writeCheck(out, out.toByteArray(), rightChecks);
        }
        out.write(FLAG);
        byte[] bytes = out.toByteArray();
        return new HdlcFrame(format[0], dest, src, control, info, bytes);
    }

    private void writeCheck(ByteArrayOutputStream out, byte[] soFar, boolean right) {
        int crc = right || random.nextBoolean() ? HdlcFrames.fcs16(soFar, 1, soFar.length) : random.nextInt(0x10000);
        if (!right && crc == HdlcFrames.fcs16(soFar, 1, soFar.length)) {
            crc ^= 1;
        }
        out.write(crc);
        out.write(crc >> 8);
    }

    private static List<Object> wrapperFrames(byte[] chunk) {
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

    /** A WRAPPER frame: version, source and destination wPort from {@code header}, then the length. */
    private byte[] wrapperFrame(byte[] header, byte[] apdu, boolean rightLength) {
        byte[] h = Arrays.copyOf(header, WRAPPER_HEADER);
        int length = rightLength ? apdu.length : random.nextInt(random.nextBoolean() ? 0x10000 : apdu.length + 16);
        if (!rightLength) {
            steps.add("wrapper length " + length + " for " + apdu.length);
        }
        h[6] = (byte) (length >> 8);
        h[7] = (byte) length;
        return concat(h, apdu);
    }

    /** Each whole HDLC frame in the bytes gets its length-implied HCS and FCS made again. */
    private static byte[] refreshChecks(byte[] b) {
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

    // ---- helpers ----

    static byte[] hex(String hex) {
        return HEX.parseHex(hex);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
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
                    if (part instanceof WrapperFrame w && w.apdu.length > 0) {
                        apdus.add(w.apdu);
                    } else if (part instanceof HdlcFrame h && h.info != null && startsWith(h.info, LLC)) {
                        apdus.add(Arrays.copyOfRange(h.info, 3, h.info.length));
                    }
                }
            }
        }
        return apdus;
    }

    /**
     * glo- APDUs of the simulator's ciphered associations (security suite 0, authenticated
     * encryption): tag, length, security control, invocation counter, ciphertext and a 12-byte
     * tag. AES-GCM with the meter's system title and invocation counter as nonce and the
     * security control and authentication key as additional data (DLMS Green Book 9.2.7.2).
     */
    static final class GloApdu {
        private static final byte[] KEY = hex(FuzzScenario.Keys.BLOCK_CIPHER_KEY);
        private static final byte[] AUTHENTICATION_KEY = hex(FuzzScenario.Keys.AUTHENTICATION_KEY);
        private static final byte[] METER_TITLE = hex(FuzzScenario.Keys.METER_SYSTEM_TITLE);
        private static final int AUTHENTICATED_ENCRYPTION = 0x30;

        private GloApdu() {
        }

        /** The plain APDU, or null when this is not a glo- APDU the test keys open. */
        static byte[] decipher(byte[] apdu) {
            int at = contentStart(apdu);
            if (at < 0) {
                return null;
            }
            try {
                Cipher c = cipher(Cipher.DECRYPT_MODE, apdu, at);
                return c.doFinal(apdu, at + 5, apdu.length - at - 5);
            } catch (Exception e) {
                return null;
            }
        }

        /** {@code plain} ciphered as {@code original} was: same tag, security control and counter. */
        static byte[] encipher(byte[] original, byte[] plain) {
            int at = contentStart(original);
            try {
                byte[] sealed = cipher(Cipher.ENCRYPT_MODE, original, at).doFinal(plain);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(original[0]);
                int length = 5 + sealed.length;
                if (length < 0x80) {
                    out.write(length);
                } else if (length < 0x100) {
                    out.write(0x81);
                    out.write(length);
                } else {
                    out.write(0x82);
                    out.write(length >> 8);
                    out.write(length);
                }
                out.write(original, at, 5);
                out.writeBytes(sealed);
                return out.toByteArray();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Where the security control byte is, or -1. */
        private static int contentStart(byte[] apdu) {
            if (apdu.length < 2) {
                return -1;
            }
            int tag = apdu[0] & 0xFF;
            if (tag != 0xCC && tag != 0xCD && tag != 0xCF && tag != 0xC2 && tag != 0x28) {
                return -1;
            }
            int first = apdu[1] & 0xFF;
            int at = first < 0x80 ? 2 : 2 + (first & 0x7F);
            return at + 5 + 12 <= apdu.length && (apdu[at] & 0xFF) == AUTHENTICATED_ENCRYPTION ? at : -1;
        }

        private static Cipher cipher(int mode, byte[] apdu, int at) throws Exception {
            byte[] iv = concat(METER_TITLE, Arrays.copyOfRange(apdu, at + 1, at + 5));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(96, iv));
            c.updateAAD(concat(new byte[] {apdu[at]}, AUTHENTICATION_KEY));
            return c;
        }
    }
}
