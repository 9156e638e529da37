package dlms.xmlclient.session;

import gurux.dlms.GXByteBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges the HDLC parameters of a meter's UA against IEC 62056-46: a window of 1 to 7 frames, an
 * information field of 32 to 2030 bytes, and never more than the client proposed in its SNRM (or
 * the defaults, 1 and 128, when it proposed nothing) — the meter may only lower a proposal. The
 * UA speaks for the meter: its transmit values answer the client's receive ones and the reverse.
 */
final class UaParameters {

    private static final int FORMAT = 0x81;
    private static final int GROUP = 0x80;
    private static final int MAX_INFO_TX = 5;
    private static final int MAX_INFO_RX = 6;
    private static final int WINDOW_TX = 7;
    private static final int WINDOW_RX = 8;
    /** The smallest transmit limit gurux.dlms frames a request with: it takes 3 bytes off the first piece. */
    private static final int SMALLEST_MAX_INFO_TX = 4;

    private UaParameters() {
    }

    /**
     * @param info     the UA's information field (format identifier, group, parameters); empty
     *                 when the UA has none (the defaults apply)
     * @param proposed what the client's SNRM proposed, both directions alike
     * @return the deviations, in words; empty when the parameters are right
     */
    static List<String> findings(byte[] info, HdlcParameters proposed) {
        List<String> found = new ArrayList<>();
        if (info.length == 0) {
            return found;
        }
        if (info.length < 3 || (info[0] & 0xFF) != FORMAT || (info[1] & 0xFF) != GROUP) {
            return List.of(String.format("UA: its information field starts %s, not the HDLC parameter format"
                    + " 81 80", Trace.hex(java.util.Arrays.copyOf(info, Math.min(info.length, 2)))));
        }
        int end = Math.min(info.length, 3 + (info[2] & 0xFF));
        if (3 + (info[2] & 0xFF) != info.length) {
            found.add("UA: its parameter group says " + (info[2] & 0xFF) + " bytes, " + (info.length - 3) + " follow");
        }
        for (int at = 3; at + 1 < end; ) {
            int id = info[at] & 0xFF;
            int length = info[at + 1] & 0xFF;
            if (at + 2 + length > end || length == 0 || length > 4) {
                found.add("UA: parameter " + id + " has a length of " + length + " bytes, which does not fit");
                break;
            }
            long value = 0;
            for (int i = 0; i < length; i++) {
                value = value << 8 | (info[at + 2 + i] & 0xFF);
            }
            String problem = switch (id) {
                case MAX_INFO_TX -> info("transmit", value, proposed.maxInfo(), "receive");
                case MAX_INFO_RX -> info("receive", value, proposed.maxInfo(), "transmit");
                case WINDOW_TX -> window("transmit", value, proposed.windowSize(), "receive");
                case WINDOW_RX -> window("receive", value, proposed.windowSize(), "transmit");
                default -> null;
            };
            if (problem != null) {
                found.add(problem);
            }
            at += 2 + length;
        }
        return found;
    }

    private static String info(String direction, long value, int proposed, String ours) {
        if (value < HdlcParameters.MIN_INFO || value > HdlcParameters.MAX_INFO) {
            return "UA: maximum information field length " + direction + " is " + value + " bytes; IEC 62056-46"
                    + " allows " + HdlcParameters.MIN_INFO + " to " + HdlcParameters.MAX_INFO;
        }
        if (value > proposed) {
            return "UA: maximum information field length " + direction + " is " + value + " bytes, more than the "
                    + proposed + " the client proposed (" + ours + "); a meter may only lower a proposal";
        }
        return null;
    }

    private static String window(String direction, long value, int proposed, String ours) {
        if (value < 1 || value > HdlcParameters.MAX_WINDOW) {
            return "UA: window size " + direction + " is " + value + "; IEC 62056-46 allows 1 to "
                    + HdlcParameters.MAX_WINDOW;
        }
        if (value > proposed) {
            return "UA: window size " + direction + " is " + value + ", more than the " + proposed
                    + " the client proposed (" + ours + "); a meter may only lower a proposal";
        }
        return null;
    }

    /**
     * Work-around (gurux.dlms 4.0.47): a UA that limits the information field of the client's
     * frames to 3 bytes makes GXDLMS.getHdlcFrame cut the next request into empty pieces for
     * ever (aarqRequest never returns and fills the memory); 0 to 2 bytes fail with an arraycopy
     * error. Found by ReplyPathFuzzTest (src/test/resources/fuzz/ua-max-info-3.txt: parameter
     * 06 01 03 in the UA). The parameters are read here as parseSnrmUaResponse reads them: three
     * header bytes, then identifier, length (1, 2 or 4) and value; a malformed list is left to it.
     */
    static void requireRoomForRequests(GXByteBuffer ua) throws SessionException {
        byte[] b = ua.getData();
        Integer limit = null;
        for (int at = ua.position() + 3; at + 1 < ua.size(); ) {
            int length = b[at + 1] & 0xFF;
            if ((length != 1 && length != 2 && length != 4) || at + 2 + length > ua.size()) {
                return;
            }
            long value = 0;
            for (int i = 0; i < length; i++) {
                value = value << 8 | (b[at + 2 + i] & 0xFF);
            }
            if ((b[at] & 0xFF) == MAX_INFO_RX) {
                limit = (int) value; // as gurux keeps it: a 4-byte value may turn negative
            }
            at += 2 + length;
        }
        if (limit != null && limit < SMALLEST_MAX_INFO_TX) {
            throw new SessionException(SessionException.Kind.EXCHANGE, "the meter's UA limits the information field"
                    + " of the client's frames to " + limit + " bytes: too small to carry a request");
        }
    }
}
