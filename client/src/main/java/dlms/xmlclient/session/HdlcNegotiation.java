package dlms.xmlclient.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The HDLC parameter negotiation field of an SNRM or UA (IEC 62056-46: format 81, group 80, then
 * parameters 05 to 08), in words. Pure.
 */
final class HdlcNegotiation {

    private static final String[] NAMES = {"max information field transmit", "max information field receive",
        "window transmit", "window receive"};

    private HdlcNegotiation() {
    }

    static String describe(byte[] info) {
        if ((info[0] & 0xFF) != 0x81 || (info[1] & 0xFF) != 0x80) {
            return info.length + " bytes of information (not the 81 80 parameter field)";
        }
        List<String> parts = new ArrayList<>();
        int at = 3;
        while (at + 1 < info.length) {
            int id = info[at] & 0xFF;
            int length = info[at + 1] & 0xFF;
            if (at + 2 + length > info.length || length > 4) {
                parts.add("parameter " + id + " cut short");
                break;
            }
            long value = 0;
            for (int i = 0; i < length; i++) {
                value = value << 8 | (info[at + 2 + i] & 0xFF);
            }
            parts.add((id >= 5 && id <= 8 ? NAMES[id - 5] : "parameter " + id) + " " + value);
            at += 2 + length;
        }
        return String.join(", ", parts);
    }
}
