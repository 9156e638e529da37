package dlms.xmlclient.simulator.server;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import dlms.xmlclient.simulator.transport.Frames;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import gurux.dlms.GXServerReply;
import gurux.dlms.enums.Command;

/**
 * GET-Request-With-List. gurux.dlms 4.0.47 answers one that fits in an APDU right, but one whose
 * reply is longer than the client's max PDU size it writes as {@code C4 03 invoke last-block
 * block-number raw-data} (a with-list tag on a data block, no raw-data choice byte) and then has
 * no next block to give: an empty I-frame. The Green Book sends it as GET-Response-With-Datablock,
 * the raw data of the blocks together being the with-list result list.
 * <p>
 * Each item is read here by gurux.dlms as the get-request-normal it stands for (its access rights
 * and the meter's read behaviours apply), with room for its whole value in one frame; the result
 * list is put together and sent by gurux.dlms as the value of a carrier read (the association's
 * object list, answered with the list's bytes), so that its block transfer and HDLC segments
 * are gurux.dlms's own, which are right for a normal get: the carrier's {@code C4 01 invoke 00}
 * head becomes {@code C4 03 invoke} when the list fits in one APDU, and its blocks
 * ({@code C4 02}) go as they are.
 */
final class GetWithList {

    private static final int WITH_LIST = 3;
    /** Room for any item's value in one frame: the HDLC frame length field has 11 bits. */
    static final int ROOMY_INFO = 2000;
    static final int ROOMY_PDU = 0xFFFF;
    /** get-request-normal of the Association LN's object_list (0.0.40.0.0.255, attribute 2), after the invoke id. */
    private static final byte[] CARRIER = {0, 15, 0, 0, 40, 0, 0, (byte) 0xFF, 2, 0};

    private final boolean wrapper;
    private final ListServices.Server server;
    private final HdlcCounters counters;

    GetWithList(boolean wrapper, ListServices.Server server, HdlcCounters counters) {
        this.wrapper = wrapper;
        this.server = server;
        this.counters = counters;
    }

    static boolean is(byte[] apdu) {
        return apdu.length > 3 && (apdu[0] & 0xFF) == Command.GET_REQUEST && apdu[1] == WITH_LIST;
    }

    /**
     * @param stage takes the result list the carrier read is to be answered with
     * @return false when the request is not laid out as the grammar says (left to gurux.dlms)
     */
    boolean serve(GXServerReply sr, byte[] apdu, Consumer<byte[]> stage) throws Exception {
        byte[] frame = sr.getData();
        List<ListServices.Item> items = new ArrayList<>();
        ListServices.Reading in = new ListServices.Reading(apdu);
        try {
            in.at = 3;
            int n = in.length();
            for (int i = 0; i < n; i++) {
                int from = in.at;
                in.skip(9); // class-id, instance-id, attribute-id
                in.selection();
                items.add(new ListServices.Item(1, normal(apdu[2], Arrays.copyOfRange(apdu, from, in.at))));
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return false;
        }
        if (in.at != apdu.length || items.isEmpty()) {
            return false;
        }
        short[] before = counters.save();
        int maxPdu = counters.settings().getMaxPduSize();
        int maxInfo = counters.settings().getHdlcSettings().getMaxInfoTX();
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        ListServices.length(list, items.size());
        try {
            counters.settings().setMaxPduSize(ROOMY_PDU);
            counters.settings().getHdlcSettings().setMaxInfoTX(ROOMY_INFO);
            for (ListServices.Item item : items) {
                counters.restore(before);
                GXServerReply one = new GXServerReply(Frames.requestWithApdu(frame, wrapper, item.request));
                server.handle(one);
                byte[] reply = one.getReply();
                item.answer(reply == null || Frames.isSegment(reply, wrapper) || Frames.apduOffset(reply, wrapper) < 0
                        ? new byte[0] : Frames.apdu(reply, wrapper));
                if (item.data != null) {
                    list.write(0); // Get-Data-Result: data
                    list.writeBytes(item.data);
                } else {
                    list.write(1); // data-access-result
                    list.write(item.result);
                }
            }
        } finally {
            counters.settings().setMaxPduSize(maxPdu);
            counters.settings().getHdlcSettings().setMaxInfoTX(maxInfo);
        }
        counters.restore(before);
        stage.accept(list.toByteArray());
        GXServerReply carrier = new GXServerReply(Frames.requestWithApdu(frame, wrapper, carrier(apdu[2])));
        server.handle(carrier);
        sr.setReply(withListHead(carrier.getReply()));
        return true;
    }

    /** The carrier read, get-request-normal with this invoke-id-and-priority. */
    static byte[] carrier(byte invoke) {
        return normal(invoke, CARRIER);
    }

    /**
     * @param reply the carrier's first reply frame, {@code C4 01 invoke 00} and the staged bytes
     * @param head as many bytes as the carrier's head, to stand in its place
     * @return the frame with {@code head} in place of the carrier's head, its segmentation bit kept
     */
    static byte[] withHead(byte[] reply, boolean wrapper, byte[] head) {
        int at = Frames.apduOffset(reply, wrapper);
        if (at < 0 || reply.length < at + head.length || (reply[at] & 0xFF) != Command.GET_RESPONSE) {
            return reply;
        }
        byte[] out = reply.clone();
        System.arraycopy(head, 0, out, at, head.length);
        if (!wrapper) {
            HdlcEncoder.seal(HdlcDecoder.whole(out));
        }
        return out;
    }

    private static byte[] normal(byte invoke, byte[] descriptor) {
        byte[] request = new byte[3 + descriptor.length];
        request[0] = (byte) Command.GET_REQUEST;
        request[1] = 1;
        request[2] = invoke;
        System.arraycopy(descriptor, 0, request, 3, descriptor.length);
        return request;
    }

    /** The carrier's reply frame with {@code C4 01 invoke 00} made {@code C4 03 invoke}; blocks as they are. */
    private byte[] withListHead(byte[] reply) {
        int at = Frames.apduOffset(reply, wrapper);
        if (at < 0 || reply.length < at + 4 || (reply[at] & 0xFF) != Command.GET_RESPONSE || reply[at + 1] != 1
                || reply[at + 3] != 0) {
            return reply;
        }
        byte[] apdu = Frames.apdu(reply, wrapper);
        byte[] list = new byte[apdu.length - 1];
        list[0] = apdu[0];
        list[1] = WITH_LIST;
        list[2] = apdu[2];
        System.arraycopy(apdu, 4, list, 3, apdu.length - 4);
        byte[] out = Frames.withApdu(reply, wrapper, list);
        if (Frames.isSegment(reply, wrapper)) {
            out[1] |= 0x08; // frame format: the segmentation bit, as the carrier's first segment had it
            HdlcEncoder.seal(HdlcDecoder.whole(out));
        }
        return out;
    }
}
