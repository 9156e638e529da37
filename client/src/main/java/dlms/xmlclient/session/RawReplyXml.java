package dlms.xmlclient.session;

import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A link-layer step's reply as the run shows and compares it: {@code <RawReply Frame="UA"
 * Information="81 80 …" Value="7E A0 …"/>} (kind, information field, whole frame: an
 * expectation may check the first two whatever the addresses) with what the frame says in a
 * comment, or {@code <NoReply/>} when nothing came in the time the step listened. Pure.
 */
public final class RawReplyXml {

    private RawReplyXml() {
    }

    /** @param waitedMillis how long the step listened */
    public static String none(int waitedMillis) {
        return "<NoReply>\n  <!-- nothing within " + waitedMillis + " ms -->\n</NoReply>";
    }

    /** @param bytes what arrived: one frame, or bytes that are none */
    public static String of(byte[] bytes) {
        HdlcFrame frame = HdlcDecoder.whole(bytes);
        String kind = frame == null ? "none" : kindName(frame.control());
        String info = frame == null ? "" : hex(frame.information());
        return "<RawReply Frame=\"" + kind + "\" Information=\"" + info + "\" Value=\"" + hex(bytes) + "\">\n  <!-- "
                + (frame == null ? "not one whole HDLC frame" : describe(frame)) + " -->\n</RawReply>";
    }

    /** UA, DM, FRMR, I, RR, … as IEC 62056-46 names the frame kinds; an unknown one by its control field. */
    public static String kindName(int control) {
        HdlcControl.Kind kind = HdlcControl.kind(control);
        return kind == HdlcControl.Kind.OTHER_UNNUMBERED ? String.format(Locale.ROOT, "0x%02X", control)
                : kind.name();
    }

    /** e.g. "UA, from server 1 to client 16, final, max information field 128 sent / 128 received, window 1 / 1". */
    static String describe(HdlcFrame frame) {
        int control = frame.control();
        List<String> parts = new ArrayList<>();
        HdlcControl.Kind kind = HdlcControl.kind(control);
        String name = kindName(control);
        if (kind == HdlcControl.Kind.I) {
            name += " N(S)=" + HdlcControl.sendSequence(control) + " N(R)=" + HdlcControl.receiveSequence(control);
        } else if (HdlcControl.isSupervisory(control)) {
            name += " N(R)=" + HdlcControl.receiveSequence(control);
        }
        parts.add(name);
        parts.add("from server " + address(frame.source()) + " to client " + address(frame.destination()));
        if (HdlcControl.isPollFinal(control)) {
            parts.add("final");
        }
        if (!frame.hasRightHcs() || !frame.hasRightFcs()) {
            parts.add("WRONG CHECK SEQUENCE");
        }
        byte[] info = frame.information();
        if (kind == HdlcControl.Kind.FRMR && info.length >= 3) {
            parts.add(frameReject(info));
        } else if (kind == HdlcControl.Kind.UA && info.length > 3) {
            parts.add(HdlcNegotiation.describe(info));
        } else if (info.length > 0) {
            parts.add(info.length + (info.length == 1 ? " byte" : " bytes") + " of information");
        }
        return String.join(", ", parts);
    }

    /** The FRMR information field (ISO/IEC 13239 basic format): rejected control field, V(S), V(R), W X Y Z. */
    static String frameReject(byte[] info) {
        int second = info[1] & 0xFF;
        List<String> reasons = new ArrayList<>();
        int bits = info[2] & 0xFF;
        if ((bits & 0x01) != 0) {
            reasons.add("W: control field undefined or not implemented");
        }
        if ((bits & 0x02) != 0) {
            reasons.add("X: information field not allowed with this frame");
        }
        if ((bits & 0x04) != 0) {
            reasons.add("Y: information field too long");
        }
        if ((bits & 0x08) != 0) {
            reasons.add("Z: invalid N(R)");
        }
        return String.format(Locale.ROOT, "rejected control field 0x%02X, V(S)=%d, V(R)=%d, %s", info[0] & 0xFF,
                second >> 1 & 0x07, second >> 5 & 0x07,
                reasons.isEmpty() ? "no reason bit" : String.join("; ", reasons));
    }

    private static String address(HdlcAddress a) {
        if (a == null) {
            return "(an address of 3 or more than 4 bytes)";
        }
        return a.size() == 1 ? String.valueOf(a.upper()) : a.upper() + " (physical " + a.lower() + ")";
    }

    public static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
        }
        return s.toString();
    }
}
