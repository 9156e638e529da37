package dlms.xmlclient.session;

import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import dlms.xmlclient.wire.hdlc.LlcHeader;
import dlms.xmlclient.wire.wrapper.WrapperEncoder;
import dlms.xmlclient.wire.wrapper.WrapperHeader;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Command;

import java.util.Arrays;

/**
 * Work-around (gurux.dlms 4.0.47): the client library throws "Invalid Command" on an
 * ACTION-Response-With-List (C7 03), a reply the Green Book defines. It is handed the same frame
 * (addresses, control field: its HDLC counting stays right) with an action-response-normal
 * success in its place, {@code C7 01 invoke 00 00}, and says the reply is whole; the reply's XML
 * is written from the frame as it was received ({@link ListReplyXml}).
 */
final class ActionListReplies {

    /** The frame the library reads instead, and the length of the frame received. */
    record StandIn(byte[] frame, int receivedLength) {
    }

    private static final int ACTION_WITH_LIST = 3;

    private ActionListReplies() {
    }

    /** @return the stand-in for a whole, unsegmented frame at the buffer's position carrying C7 03, or null */
    static StandIn of(GXByteBuffer received, boolean wrapper) {
        byte[] data = received.getData();
        int start = received.position();
        int end = received.size();
        if (wrapper) {
            if (!WrapperHeader.isAt(data, start, end)) {
                return null;
            }
            WrapperHeader header = WrapperHeader.decode(data, start, end);
            int apdu = start + WrapperHeader.SIZE;
            int apduEnd = header == null ? -1 : apdu + header.length();
            if (header == null || apduEnd > end || !isActionWithList(data, apdu, apduEnd)) {
                return null;
            }
            byte[] frame = Arrays.copyOfRange(data, start, apdu + header.length());
            return new StandIn(WrapperEncoder.withApdu(frame, normal(data[apdu + 2])), frame.length);
        }
        HdlcFrame frame = HdlcDecoder.whole(data, start, end);
        if (frame == null || frame.isSegmented() || frame.destination() == null || frame.source() == null) {
            return null;
        }
        int info = frame.controlAt() + 3; // after the header check sequence
        int apdu = info + LlcHeader.SIZE;
        int fcs = frame.end() - 3;
        if (!LlcHeader.isAt(data, info, fcs) || !isActionWithList(data, apdu, fcs)) {
            return null;
        }
        byte[] information = new byte[LlcHeader.SIZE + 5];
        System.arraycopy(data, info, information, 0, LlcHeader.SIZE);
        System.arraycopy(normal(data[apdu + 2]), 0, information, LlcHeader.SIZE, 5);
        return new StandIn(HdlcEncoder.encode(frame.destination(), frame.source(), frame.control(), information, false),
                frame.end() - start);
    }

    /**
     * A ciphered ACTION-Response-With-List: the library deciphers it, leaves the plain APDU in the
     * reply's data and the frame read, then throws "Invalid Command" as for a plain one.
     */
    static boolean decipheredWhole(GXReplyData reply) {
        GXByteBuffer data = reply.getData();
        return reply.getCipheredCommand() != Command.NONE && reply.getCommand() == Command.METHOD_RESPONSE
                && data.size() >= 4 && isActionWithList(data.getData(), 0, data.size());
    }

    private static boolean isActionWithList(byte[] data, int apdu, int end) {
        return end - apdu >= 4 && (data[apdu] & 0xFF) == Command.METHOD_RESPONSE && data[apdu + 1] == ACTION_WITH_LIST;
    }

    private static byte[] normal(byte invokeIdAndPriority) {
        return new byte[] {(byte) Command.METHOD_RESPONSE, 1, invokeIdAndPriority, 0, 0};
    }
}
