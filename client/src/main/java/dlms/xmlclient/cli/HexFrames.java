package dlms.xmlclient.cli;

import dlms.xmlclient.wire.FrameException;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFormat;
import dlms.xmlclient.wire.wrapper.WrapperDecoder;
import dlms.xmlclient.wire.wrapper.WrapperHeader;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Pasted hex to bytes, and a captured byte stream to the HDLC or WRAPPER frames in it. The
 * splitting and the HDLC check sequences are done by the wire module's decoders rather than left
 * to the Gurux translator, which answers a truncated frame or a bad HCS with empty XML and a bad
 * FCS with "Invalid DLMS framing." (plus a SEVERE log line).
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
        if ((data[0] & 0xFF) == HdlcDecoder.FLAG) {
            return Framing.HDLC;
        }
        // WRAPPER version 00 01; no xDLMS APDU tag is 00.
        return WrapperHeader.hasVersionAt(data, 0, data.length) ? Framing.WRAPPER : Framing.PDU;
    }

    /** The frames of a captured stream, HDLC ones with their HCS and FCS checked. */
    static List<byte[]> split(byte[] data, Framing framing) throws BadInput {
        try {
            return framing == Framing.HDLC ? HdlcDecoder.frames(data) : WrapperDecoder.frames(data);
        } catch (FrameException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /** The segmentation bit of the frame format: the PDU goes on in the next frame. */
    static boolean segmented(byte[] hdlcFrame) {
        return HdlcFormat.isSegmented(hdlcFrame, 1);
    }

    static boolean isIFrame(byte[] hdlcFrame) {
        return HdlcControl.isInformation(control(hdlcFrame));
    }

    /** The frame's kind with its sequence numbers and poll/final bit, e.g. "I-frame N(S)=0 N(R)=1, final". */
    static String describe(byte[] hdlcFrame) {
        int c = control(hdlcFrame);
        String pf = HdlcControl.isPollFinal(c) ? ", poll/final" : "";
        String kind = kind(hdlcFrame);
        if (HdlcControl.isInformation(c)) {
            return "I-frame N(S)=" + HdlcControl.sendSequence(c) + " N(R)=" + HdlcControl.receiveSequence(c) + pf;
        }
        if (HdlcControl.isSupervisory(c)) {
            return kind + " N(R)=" + HdlcControl.receiveSequence(c) + pf;
        }
        return kind + pf;
    }

    /** Name of the frame's kind ("I", "RR", "SNRM", ...; "U" for another unnumbered frame). */
    static String kind(byte[] hdlcFrame) {
        HdlcControl.Kind kind = HdlcControl.kind(control(hdlcFrame));
        return kind == HdlcControl.Kind.OTHER_UNNUMBERED ? "U" : kind.name();
    }

    /** The control field of a frame {@link #split} gave. */
    private static int control(byte[] f) {
        return f[HdlcDecoder.controlAt(f, 0, f.length)] & 0xFF;
    }
}
