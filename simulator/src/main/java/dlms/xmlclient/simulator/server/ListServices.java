package dlms.xmlclient.simulator.server;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dlms.xmlclient.simulator.transport.Frames;
import gurux.dlms.GXICipher;
import gurux.dlms.GXServerReply;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.Conformance;

/**
 * SET- and ACTION-Request-With-List and ACCESS-Request, which gurux.dlms 4.0.47's server
 * answers against the Green Book: a set with list with {@code C5 04 invoke result} (the tag of
 * set-response-last-datablock-with-list, one result for the whole list), an action with list with
 * one action-response-normal, an access request with a list-of-data that holds only the gets'
 * data under a count of every item. Each item is served here as the normal request it stands for,
 * by gurux.dlms itself (so access rights and the meter's write and method behaviours apply as to
 * any request), and the answers are put together as the standard says: one result per item.
 * Served in one frame each way (a request or reply that needs segments or blocks is left to
 * gurux.dlms); with HDLC the sequence numbers are set back before each item, so that the items
 * count as the one exchange the client sees.
 */
final class ListServices {

    /** Serves one request frame through gurux.dlms. */
    interface Server {
        void handle(GXServerReply sr) throws Exception;
    }

    private static final int SET_WITH_LIST = 4;
    private static final int ACTION_WITH_LIST = 3;
    private static final int SET_RESPONSE_WITH_LIST = 5;
    private static final int ACTION_RESPONSE_WITH_LIST = 3;
    /** Data-Access-Result and Action-Result other-reason: an item gurux.dlms gave no plain answer to. */
    private static final int OTHER_REASON = 250;
    private static final int NULL_DATA = 0;
    /** The LLC bytes before an APDU in an HDLC frame. */
    private static final int LLC = 3;
    /** The carrier's head (C4 01 invoke 00), as long as C5 05 invoke count, C7 03 invoke count, DA invoke. */
    private static final int HEAD = 4;

    /** The result list a carrier read is answered with ({@link GetWithList}); null between requests. */
    private byte[] staged;

    /**
     * Answers a carrier read (of {@link GetWithList}, or of a long response here) with the bytes
     * staged for it.
     *
     * @return true when the read was the carrier's
     */
    boolean carries(ValueEventArgs e) {
        if (staged == null) {
            return false;
        }
        e.setValue(staged);
        e.setByteArray(true);
        e.setHandled(true);
        staged = null;
        return true;
    }

    /**
     * @param sr the request; when it is one of the services served here its reply is set
     * @return true when served here
     */
    boolean served(GXServerReply sr, boolean wrapper, Server server, HdlcCounters counters)
            throws Exception {
        byte[] frame = sr.getData();
        if (frame == null || !Frames.isWhole(frame, wrapper) || Frames.isSegment(frame, wrapper)
                || Frames.apduOffset(frame, wrapper) < 0) {
            return false;
        }
        byte[] apdu = Frames.apdu(frame, wrapper);
        GXICipher keys = counters.settings().getCipher();
        byte[] client = counters.settings().getSourceSystemTitle();
        CipheredList ciphered = keys == null ? null : CipheredList.parse(apdu, client);
        if (ciphered != null) {
            apdu = ciphered.decipher(keys); // a ciphered Get with list is left to gurux.dlms
            if (apdu == null || apdu.length < 3 || GetWithList.is(apdu) || (apdu[0] & 0xFF) == Command.ACCESS_REQUEST
                    && !ciphered.general()) {
                return false;
            }
        }
        // A service outside the negotiated conformance is left to gurux.dlms, which serves it anyway.
        Set<Conformance> negotiated = counters.settings().getNegotiatedConformance();
        if (!negotiated.contains((apdu[0] & 0xFF) == Command.ACCESS_REQUEST ? Conformance.ACCESS
                : Conformance.MULTIPLE_REFERENCES)) {
            return false;
        }
        if (GetWithList.is(apdu)) {
            try {
                return new GetWithList(wrapper, server, counters).serve(sr, apdu, list -> staged = list);
            } finally {
                staged = null;
            }
        }
        List<Item> items;
        try {
            items = items(apdu);
        } catch (ArrayIndexOutOfBoundsException e) {
            return false; // not laid out as the grammar says: gurux.dlms answers it as it does
        }
        if (items == null) {
            return false;
        }
        short[] before = counters.save();
        byte[] replyFrame = null;
        int maxPdu = counters.settings().getMaxPduSize();
        int maxInfo = counters.settings().getHdlcSettings().getMaxInfoTX();
        try {
            // room for each item's whole answer in one frame (an Access get may be long)
            counters.settings().setMaxPduSize(GetWithList.ROOMY_PDU);
            counters.settings().getHdlcSettings().setMaxInfoTX(GetWithList.ROOMY_INFO);
            for (Item item : items) {
                counters.restore(before);
                byte[] sent = ciphered == null ? item.request : ciphered.request(item.kind, item.request, keys);
                GXServerReply one = new GXServerReply(Frames.requestWithApdu(frame, wrapper, sent));
                server.handle(one);
                replyFrame = one.getReply();
                byte[] answer = replyFrame == null || Frames.isSegment(replyFrame, wrapper)
                        || Frames.apduOffset(replyFrame, wrapper) < 0 ? new byte[0] : Frames.apdu(replyFrame, wrapper);
                item.answer(ciphered == null ? answer : CipheredList.reply(answer, keys));
            }
        } finally {
            counters.settings().setMaxPduSize(maxPdu);
            counters.settings().getHdlcSettings().setMaxInfoTX(maxInfo);
        }
        if (replyFrame == null || Frames.apduOffset(replyFrame, wrapper) < 0) {
            return false;
        }
        byte[] response = response(apdu, items);
        if (ciphered != null) { // in one frame: a longer ciphered response is not served in segments
            byte[] sealed = CipheredList.response(Frames.apdu(replyFrame, wrapper), response, keys);
            sr.setReply(sealed == null ? replyFrame : Frames.withApdu(replyFrame, wrapper, sealed));
            return true;
        }
        if (wrapper || response.length + LLC <= maxInfo) {
            sr.setReply(Frames.withApdu(replyFrame, wrapper, response));
            return true;
        }
        // Longer than one HDLC frame: sent in gurux.dlms's own segments as a carrier read's value,
        // whose head (C4 01 invoke 00) is as long as the response's first four bytes.
        counters.restore(before);
        staged = Arrays.copyOfRange(response, HEAD, response.length);
        try {
            counters.settings().setMaxPduSize(GetWithList.ROOMY_PDU); // segments, no data blocks
            byte[] read = GetWithList.carrier(apdu[2]);
            GXServerReply carrier = new GXServerReply(Frames.requestWithApdu(frame, wrapper, read));
            server.handle(carrier);
            sr.setReply(GetWithList.withHead(carrier.getReply(), wrapper, Arrays.copyOf(response, HEAD)));
        } finally {
            counters.settings().setMaxPduSize(maxPdu);
            staged = null;
        }
        return true;
    }

    /** The items of a with-list or access request, each as a normal request; null for any other APDU. */
    private static List<Item> items(byte[] apdu) {
        int tag = apdu[0] & 0xFF;
        Reading in = new Reading(apdu);
        List<Item> items = new ArrayList<>();
        if (tag == Command.SET_REQUEST && apdu[1] == SET_WITH_LIST
                || tag == Command.METHOD_REQUEST && apdu[1] == ACTION_WITH_LIST) {
            boolean set = tag == Command.SET_REQUEST;
            in.at = 2;
            int invoke = in.u8();
            int n = in.length();
            for (int i = 0; i < n; i++) {
                int from = in.at;
                in.skip(9); // class-id, instance-id, attribute-id or method-id
                if (set) {
                    in.selection();
                }
                items.add(new Item(set ? 2 : 3, Arrays.copyOfRange(apdu, from, in.at)));
            }
            if (in.length() != n) {
                return null;
            }
            for (Item item : items) {
                item.request = normal(item.kind, invoke, item.request, in.data());
            }
        } else if (tag == Command.ACCESS_REQUEST) {
            in.at = 5;
            in.skip(in.length()); // date-time: the meter serves every item now
            int n = in.length();
            for (int i = 0; i < n; i++) {
                int kind = in.u8();
                if (kind < 1 || kind > 3) {
                    return null; // get or set with selection: left to gurux.dlms
                }
                int from = in.at;
                in.skip(9);
                items.add(new Item(kind, Arrays.copyOfRange(apdu, from, in.at)));
            }
            if (in.length() != n) {
                return null;
            }
            for (Item item : items) {
                byte[] descriptor = item.kind == 3 ? item.request : withoutSelection(item.request);
                item.request = normal(item.kind, 0xC1, descriptor, in.data());
            }
        } else {
            return null;
        }
        return in.at == apdu.length && !items.isEmpty() ? items : null;
    }

    /** get-, set- or action-request-normal of one item. */
    private static byte[] normal(int kind, int invoke, byte[] descriptor, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(kind == 1 ? Command.GET_REQUEST : kind == 2 ? Command.SET_REQUEST : Command.METHOD_REQUEST);
        out.write(1);
        out.write(invoke);
        out.writeBytes(descriptor);
        if (kind == 3) {
            out.write(1); // method-invocation-parameters present
        }
        if (kind != 1) {
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    private static byte[] withoutSelection(byte[] descriptor) {
        byte[] withSelection = Arrays.copyOf(descriptor, descriptor.length + 1);
        return withSelection; // access-selection absent: 00
    }

    private static byte[] response(byte[] request, List<Item> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int tag = request[0] & 0xFF;
        if (tag == Command.ACCESS_REQUEST) {
            out.write(Command.ACCESS_RESPONSE);
            out.write(request, 1, 4); // long-invoke-id-and-priority
            out.write(0); // date-time: none
            out.write(0); // access-request-specification: absent
            length(out, items.size());
            for (Item item : items) {
                out.writeBytes(item.data == null ? new byte[] {NULL_DATA} : item.data);
            }
            length(out, items.size());
            for (Item item : items) {
                out.write(item.kind);
                out.write(item.result);
            }
            return out.toByteArray();
        }
        boolean set = tag == Command.SET_REQUEST;
        out.write(set ? Command.SET_RESPONSE : Command.METHOD_RESPONSE);
        out.write(set ? SET_RESPONSE_WITH_LIST : ACTION_RESPONSE_WITH_LIST);
        out.write(request[2]);
        length(out, items.size());
        for (Item item : items) {
            out.write(item.result);
            if (!set) {
                if (item.data == null) {
                    out.write(0); // return-parameters absent
                } else {
                    out.write(1);
                    out.write(0); // Get-Data-Result: data
                    out.writeBytes(item.data);
                }
            }
        }
        return out.toByteArray();
    }

    static void length(ByteArrayOutputStream out, int n) {
        if (n < 0x80) {
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        }
    }

    /** One item: the normal request it stands for, and gurux.dlms's answer to that. */
    static final class Item {
        final int kind; // 1 get, 2 set, 3 action
        byte[] request;
        int result = OTHER_REASON;
        byte[] data;

        Item(int kind, byte[] descriptor) {
            this.kind = kind;
            this.request = descriptor;
        }

        /** Reads a get-, set- or action-response-normal; anything else leaves other-reason. */
        void answer(byte[] reply) {
            Reading in = new Reading(reply);
            try {
                int expected = kind == 1 ? Command.GET_RESPONSE : kind == 2 ? Command.SET_RESPONSE
                        : Command.METHOD_RESPONSE;
                if (reply.length < 4 || (reply[0] & 0xFF) != expected || reply[1] != 1) {
                    return;
                }
                in.at = 3;
                if (kind == 1) {
                    boolean isData = in.u8() == 0;
                    if (isData) {
                        data = in.data();
                        result = 0;
                    } else {
                        result = in.u8();
                    }
                } else {
                    result = in.u8();
                    // an action's return-parameters: 01 then Get-Data-Result data (00 value)
                    if (kind == 3 && in.at < reply.length && in.u8() == 1 && in.u8() == 0) {
                        data = in.data();
                    }
                }
            } catch (ArrayIndexOutOfBoundsException e) {
                result = OTHER_REASON;
                data = null;
            }
        }
    }

    /** A walk over A-XDR bytes; a read past the end throws ArrayIndexOutOfBoundsException. */
    static final class Reading {
        private final byte[] b;
        int at;

        Reading(byte[] b) {
            this.b = b;
        }

        int u8() {
            return b[at++] & 0xFF;
        }

        void skip(int n) {
            if (at + n > b.length) {
                throw new ArrayIndexOutOfBoundsException(at + n);
            }
            at += n;
        }

        int length() {
            int first = u8();
            if (first < 0x80) {
                return first;
            }
            int n = 0;
            for (int i = 0; i < (first & 0x7F); i++) {
                n = n << 8 | u8();
            }
            return n;
        }

        /** access-selection OPTIONAL: 00, or 01 selector Data. */
        void selection() {
            if (u8() != 0) {
                u8();
                data();
            }
        }

        byte[] data() {
            int from = at;
            skipData();
            return Arrays.copyOfRange(b, from, at);
        }

        private void skipData() {
            int type = u8();
            switch (type) {
                case 0 -> { }
                case 1, 2 -> { // array, structure
                    int n = length();
                    for (int i = 0; i < n; i++) {
                        skipData();
                    }
                }
                case 3, 15, 17, 22 -> skip(1); // boolean, integer, unsigned, enum
                case 4 -> skip((length() + 7) / 8); // bit-string
                case 5, 6, 23 -> skip(4); // double-long(-unsigned), float32
                case 9, 10, 12 -> skip(length()); // octet-, visible-, utf8-string
                case 13 -> skip(1); // bcd
                case 16, 18 -> skip(2); // long(-unsigned)
                case 20, 21, 24 -> skip(8); // long64(-unsigned), float64
                case 25 -> skip(12);
                case 26 -> skip(5);
                case 27 -> skip(4);
                default -> throw new ArrayIndexOutOfBoundsException("data type " + type);
            }
        }
    }
}
