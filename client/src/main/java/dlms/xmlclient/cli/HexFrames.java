package dlms.xmlclient.cli;

import dlms.xmlclient.session.HdlcFrames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Pasted hex to bytes, and a captured byte stream to the HDLC or WRAPPER frames in it. The
 * splitting and the HDLC check sequences are done here rather than left to the Gurux translator,
 * which answers a truncated frame or a bad HCS with empty XML and a bad FCS with
 * "Invalid DLMS framing." (plus a SEVERE log line).
 */
final class HexFrames {

    enum Framing { HDLC, WRAPPER, PDU }

    /** A bad input; the message names the token or the frame. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    private static final int FLAG = 0x7E;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,:;-]+");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");

    private HexFrames() {
    }

    /** Joins hex given as many tokens or one, with or without spaces, ':' '-' ',' or 0x. */
    static byte[] parse(List<String> args) throws BadInput {
        StringBuilder digits = new StringBuilder();
        for (String arg : args) {
            for (String token : SEPARATORS.split(arg.strip())) {
                if (token.isEmpty()) {
                    continue;
                }
                String t = token.startsWith("0x") || token.startsWith("0X") ? token.substring(2) : token;
                if (!HEX.matcher(t).matches()) {
                    throw new BadInput("'" + token + "' is not hex");
                }
                if (t.length() % 2 != 0) {
                    throw new BadInput("'" + token + "' has an odd number of hex digits");
                }
                digits.append(t);
            }
        }
        if (digits.length() == 0) {
            throw new BadInput("no hex given (see --help)");
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    static Framing framing(byte[] data) {
        if ((data[0] & 0xFF) == FLAG) {
            return Framing.HDLC;
        }
        // WRAPPER version 1; no xDLMS APDU tag is 00.
        return data.length >= 2 && data[0] == 0 && data[1] == 1 ? Framing.WRAPPER : Framing.PDU;
    }

    static List<byte[]> split(byte[] data, Framing framing) throws BadInput {
        return framing == Framing.HDLC ? splitHdlc(data) : splitWrapper(data);
    }

    /** HDLC frame format type 3: A, segmentation bit, 11-bit length of what lies between the flags. */
    private static List<byte[]> splitHdlc(byte[] d) throws BadInput {
        List<byte[]> frames = new ArrayList<>();
        int p = 0;
        while (p < d.length) {
            int n = frames.size() + 1;
            if ((d[p] & 0xFF) != FLAG) {
                throw bad(n, "expected the 7E flag at byte " + p + ", found " + hex(d[p]));
            }
            // Frames that do not share their flags: 7E 7E between them.
            while (p + 1 < d.length && (d[p + 1] & 0xFF) == FLAG) {
                p++;
            }
            if (p == d.length - 1) {
                break; // the closing flag of the last frame
            }
            if (p + 2 >= d.length) {
                throw bad(n, "truncated: the input ends inside the frame format field");
            }
            int format = u16(d, p + 1);
            if ((format & 0xF000) != 0xA000) {
                throw bad(n, String.format("%02X %02X after the 7E flag is not an HDLC frame format (A0 to AF)",
                        format >> 8, format & 0xFF));
            }
            int length = format & 0x7FF;
            int end = p + 1 + length; // where the closing flag must be
            if (length < 7) {
                throw bad(n, "the frame format gives " + length + " bytes; an HDLC frame has at least 7");
            }
            if (end >= d.length) {
                throw bad(n, "truncated: the frame format gives " + length + " bytes between the flags, only "
                        + (d.length - p - 1) + " follow the opening flag");
            }
            if ((d[end] & 0xFF) != FLAG) {
                throw bad(n, "no closing 7E flag after the " + length + " bytes the frame format gives (found "
                        + hex(d[end]) + ")");
            }
            byte[] frame = Arrays.copyOfRange(d, p, end + 1);
            checkSequences(n, frame);
            frames.add(frame);
            p = end; // the closing flag may open the next frame
        }
        if (frames.isEmpty()) {
            throw new BadInput("only 7E flags, no HDLC frame");
        }
        return frames;
    }

    /** Header: version 00 01, source wPort, destination wPort, length of the PDU that follows. */
    private static List<byte[]> splitWrapper(byte[] d) throws BadInput {
        List<byte[]> frames = new ArrayList<>();
        for (int p = 0; p < d.length; ) {
            int n = frames.size() + 1;
            if (d.length - p < 8) {
                throw bad(n, "truncated: a WRAPPER header has 8 bytes, only " + (d.length - p) + " are left");
            }
            if (u16(d, p) != 1) {
                throw bad(n, "expected WRAPPER version 00 01 at byte " + p + ", found " + hex(d[p]) + " "
                        + hex(d[p + 1]));
            }
            int length = u16(d, p + 6);
            if (length == 0) {
                throw bad(n, "the WRAPPER header gives an empty PDU");
            }
            if (p + 8 + length > d.length) {
                throw bad(n, "truncated: the WRAPPER header gives " + length + " PDU bytes, only "
                        + (d.length - p - 8) + " follow");
            }
            frames.add(Arrays.copyOfRange(d, p, p + 8 + length));
            p += 8 + length;
        }
        return frames;
    }

    /** The segmentation bit of the frame format: the PDU goes on in the next frame. */
    static boolean segmented(byte[] hdlcFrame) {
        return (hdlcFrame[1] & 0x08) != 0;
    }

    static boolean isIFrame(byte[] hdlcFrame) {
        return (control(hdlcFrame) & 1) == 0;
    }

    /** Name of an S or U frame, for frames the translator prints nothing for. */
    /** The frame's kind with its sequence numbers and poll/final bit, e.g. "I-frame N(S)=0 N(R)=1, final". */
    static String describe(byte[] hdlcFrame) {
        int c = control(hdlcFrame);
        String pf = (c & 0x10) != 0 ? ", poll/final" : "";
        String kind = kind(hdlcFrame);
        if (kind.equals("I")) {
            return "I-frame N(S)=" + (c >> 1 & 7) + " N(R)=" + (c >> 5 & 7) + pf;
        }
        if ((c & 3) == 1) {
            return kind + " N(R)=" + (c >> 5 & 7) + pf;
        }
        return kind + pf;
    }

    static String kind(byte[] hdlcFrame) {
        int c = control(hdlcFrame);
        if ((c & 1) == 0) {
            return "I";
        }
        if ((c & 3) == 1) {
            return new String[] {"RR", "RNR", "REJ", "SREJ"}[(c >> 2) & 3];
        }
        return switch (c & ~0x10) { // without the poll/final bit
            case 0x83 -> "SNRM";
            case 0x43 -> "DISC";
            case 0x63 -> "UA";
            case 0x0F -> "DM";
            case 0x87 -> "FRMR";
            case 0x03 -> "UI";
            default -> "U";
        };
    }

    private static int control(byte[] f) {
        return f[controlIndex(f)] & 0xFF;
    }

    /** Addresses are 1, 2 or 4 bytes, the last one with bit 0 set. */
    private static int controlIndex(byte[] f) {
        int i = 3;
        for (int address = 0; address < 2; address++) {
            int start = i;
            while (i < f.length - 1 && (f[i] & 1) == 0 && i - start < 3) {
                i++;
            }
            i++;
        }
        return i;
    }

    /** HCS over format..control; FCS over format..information when there is an information field. */
    private static void checkSequences(int n, byte[] f) throws BadInput {
        int control = controlIndex(f);
        int flag = f.length - 1;
        if (control + 2 >= flag) {
            throw bad(n, "the addresses and control field leave no room for the HCS");
        }
        check(n, "HCS", f, control + 1);
        if (control + 3 < flag) {
            check(n, "FCS", f, flag - 2);
        }
    }

    private static void check(int n, String name, byte[] f, int at) throws BadInput {
        int fcs = HdlcFrames.fcs16(f, 1, at);
        int found = (f[at] & 0xFF) | (f[at + 1] & 0xFF) << 8; // sent low byte first
        if (fcs != found) {
            throw bad(n, String.format("bad %s: the frame has %02X %02X, its bytes give %02X %02X", name,
                    found & 0xFF, found >> 8, fcs & 0xFF, fcs >> 8));
        }
    }

    private static int u16(byte[] d, int at) {
        return (d[at] & 0xFF) << 8 | (d[at + 1] & 0xFF);
    }

    private static String hex(byte b) {
        return String.format("%02X", b & 0xFF);
    }

    private static BadInput bad(int frame, String why) {
        return new BadInput("frame " + frame + ": " + why);
    }
}
