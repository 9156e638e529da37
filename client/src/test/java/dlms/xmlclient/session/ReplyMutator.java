package dlms.xmlclient.session;

import static dlms.xmlclient.session.FuzzFrames.LLC;
import static dlms.xmlclient.session.FuzzFrames.WRAPPER_HEADER;
import static dlms.xmlclient.session.FuzzFrames.concat;
import static dlms.xmlclient.session.FuzzFrames.hdlcFrame;
import static dlms.xmlclient.session.FuzzFrames.hdlcFrames;
import static dlms.xmlclient.session.FuzzFrames.hex;
import static dlms.xmlclient.session.FuzzFrames.refreshChecks;
import static dlms.xmlclient.session.FuzzFrames.splice;
import static dlms.xmlclient.session.FuzzFrames.startsWith;
import static dlms.xmlclient.session.FuzzFrames.wrapperFrame;
import static dlms.xmlclient.session.FuzzFrames.wrapperFrames;

import dlms.xmlclient.session.FuzzFrames.HdlcFrame;
import dlms.xmlclient.session.FuzzFrames.WrapperFrame;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

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
        byte[] apdu = kind == 1 ? body : concat(new byte[] {(byte) FuzzVocabulary.COMMANDS[random.nextInt(FuzzVocabulary.COMMANDS.length)]}, body);
        if (wrapper) {
            byte[] header = chunk.length >= WRAPPER_HEADER ? chunk : hex("0001000100100000");
            return wrapperFrame(random, steps, header, apdu, true);
        }
        HdlcFrame like = null;
        for (Object part : hdlcFrames(chunk)) {
            if (part instanceof HdlcFrame f) {
                like = f;
                break;
            }
        }
        return like == null ? hdlcFrame(random, new byte[] {(byte) 0xA0}, hex("23"), hex("03"), 0x10, concat(LLC, apdu), true,
                true).bytes() : hdlcFrame(random, new byte[] {like.format()}, like.dest(), like.src(), like.control(),
                kind == 1 ? apdu : concat(LLC, apdu), true, true).bytes();
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
            case 2 -> out = replaced(b, at, FuzzVocabulary.INTERESTING[random.nextInt(FuzzVocabulary.INTERESTING.length)], "interesting");
            case 3 -> out = replaced(b, at, b[at] + random.nextInt(17) - 8, "add");
            case 4 -> out = replaced(b, at, FuzzVocabulary.TYPE_TAGS[random.nextInt(FuzzVocabulary.TYPE_TAGS.length)], "tag");
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
            byte[] header = f.header();
            byte[] apdu = f.apdu();
            if (target == Target.HEADER) {
                header = byteOpWithin(header, 6);
            } else {
                apdu = mutateApdu(apdu, target);
            }
            parts.set(pick, wrapperFrame(random, steps, header, apdu, random.nextInt(10) != 0));
        } else {
            HdlcFrame f = (HdlcFrame) parts.get(pick);
            byte[] format = {f.format()};
            byte[] dest = f.dest();
            byte[] src = f.src();
            int control = f.control();
            byte[] info = f.info();
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
            parts.set(pick, hdlcFrame(random, format, dest, src, control & 0xFF, info, rightLength, rightChecks));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] b ? b
                    : part instanceof HdlcFrame h ? h.bytes() : ((WrapperFrame) part).bytes());
        }
        return out.toByteArray();
    }

    private byte[] mutateApdu(byte[] apdu, Target target) {
        if (target == Target.SPLICE) {
            byte[] donor = random.nextBoolean() || donors.isEmpty() ? FuzzVocabulary.TEMPLATES.get(random.nextInt(FuzzVocabulary.TEMPLATES.size()))
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
        b[0] = (byte) FuzzVocabulary.COMMANDS[random.nextInt(FuzzVocabulary.COMMANDS.length)];
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
}
