package dlms.xmlclient.session;

import dlms.xmlclient.memo.BoundedMemo;
import dlms.xmlclient.memo.ByteKey;
import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSTranslator;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * Turns a received reply into Gurux simple XML, the same format message files use, with
 * decimal numbers (the loader reads numbers as decimal, and hex output breaks on arrays of
 * 256 or more entries).
 *
 * A reply that came in one frame is translated from that frame, exactly as the meter sent it.
 * A reply joined from HDLC segments or block-transfer blocks is rebuilt as the one response
 * PDU it stands for, because {@code GXReplyData.toString()} gets errors and blocks wrong
 * (gurux.dlms 4.0.47); so is a ciphered reply, whose frame holds only ciphertext.
 */
final class ReplyXml {

    private static final int GET_WITH_LIST = 3;
    /** Characters XML 1.0 does not allow, not even as character references. */
    private static final Pattern INVALID_XML_CHARACTERS =
            Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]|\\p{Cs}");

    /**
     * Translators are costly to build (tag tables, a SAX parser): a set is borrowed for one
     * reply and given back, cleared. Not one per thread: a fleet runs each meter on a virtual
     * thread of its own, and a set each would be built (and held) thousands of times over.
     */
    private static final ConcurrentLinkedQueue<ReplyXml> FREE = new ConcurrentLinkedQueue<>();

    /**
     * Replies already translated, by the bytes their XML is made from: a fleet's meters answer
     * the same request with the same bytes (HDLC sequence numbers included, since they run the
     * same scripts), and the translator is the costliest step of taking a reply in.
     */
    private static final BoundedMemo<ByteKey, String> TRANSLATED = new BoundedMemo<>(16L << 20);

    private final GXDLMSTranslator frames = PlainTranslator.of(true);
    private final GXDLMSTranslator pdus = PlainTranslator.of(false);
    private final WellFormedXml wellFormed = new WellFormedXml();
    private final ListReplyXml lists = new ListReplyXml();

    /** The reply as XML, by a set of translators of its own for the time it takes. */
    static String of(ReceivedReply received) throws Exception {
        ByteKey key = translatedFrom(received);
        String known = TRANSLATED.get(key);
        if (known != null) {
            return known;
        }
        String xml = translate(received);
        return TRANSLATED.put(key, xml, key.length() + 2L * xml.length());
    }

    /**
     * What {@link #toXml} reads of a reply: the plain PDU of a rebuilt one; else the last frame
     * and the APDUs of all its frames (the checks before translating read those). A reply that
     * fails to translate is not kept, so its error is raised again each time.
     */
    private static ByteKey translatedFrom(ReceivedReply received) {
        if (isRebuilt(received)) {
            return ByteKey.of(new byte[] {1}, plainPdu(received));
        }
        List<byte[]> parts = new ArrayList<>();
        parts.add(new byte[] {0});
        parts.add(received.lastFrame == null ? new byte[0] : withoutAddresses(received.lastFrame));
        parts.addAll(received.apdus.apdus());
        return ByteKey.of(parts.toArray(new byte[0][]));
    }

    /**
     * An HDLC frame without its addresses and check sequences, which differ from meter to meter
     * and which the translator leaves out of a frame's XML (its PDU-only output): the format
     * (type, segmentation, length), the addresses' lengths, the control field, whether the
     * check sequences were right, and the information. Anything but one whole HDLC frame is kept
     * as it is.
     */
    static byte[] withoutAddresses(byte[] frame) {
        HdlcFrame hdlc = HdlcDecoder.whole(frame);
        if (hdlc == null) {
            return frame;
        }
        byte[] information = hdlc.information();
        int destination = HdlcAddress.length(frame, 3, hdlc.controlAt());
        byte[] kept = new byte[6 + information.length];
        kept[0] = frame[1];
        kept[1] = frame[2];
        kept[2] = (byte) destination;
        kept[3] = (byte) (hdlc.controlAt() - 3 - destination);
        kept[4] = (byte) hdlc.control();
        // Whether its check sequences were right (the reader drops a frame whose are not, but a
        // key must not make a wrong frame pass for a right one).
        kept[5] = (byte) ((hdlc.hasRightHcs() ? 1 : 0) | (hdlc.hasRightFcs() ? 2 : 0));
        System.arraycopy(information, 0, kept, 6, information.length);
        return kept;
    }

    private static String translate(ReceivedReply received) throws Exception {
        ReplyXml xml = FREE.poll();
        if (xml == null) {
            xml = new ReplyXml();
        }
        try {
            return xml.toXml(received);
        } finally {
            xml.frames.clear();
            xml.pdus.clear();
            FREE.offer(xml);
        }
    }

    String toXml(ReceivedReply received) throws Exception {
        try {
            if (!isRebuilt(received)) {
                refuseRequest(received.data.getCommand());
                List<byte[]> apdus = received.apdus.apdus();
                for (byte[] apdu : apdus) {
                    refuseTooDeep(apdu);
                }
                if (!apdus.isEmpty() && ListReplyXml.handles(apdus.get(apdus.size() - 1))) {
                    return checked(lists.toXml(apdus.get(apdus.size() - 1)));
                }
                String xml = frames.messageToXml(received.lastFrame);
                return checked(apdus.isEmpty() ? xml : TranslatorXml.corrected(xml, apdus.get(apdus.size() - 1)));
            }
            byte[] pdu = plainPdu(received);
            refuseRequest(pdu[0] & 0xFF);
            refuseTooDeep(pdu);
            return pduToXml(pdu);
        } catch (StackOverflowError e) {
            // The last guard: the walk before found nothing too deep (a reply it does not know,
            // or one broken before its deep part), and the translator recursed past the stack.
            frames.clear();
            pdus.clear();
            throw new IllegalStateException("reply nested deeper than the translator can follow (stack overflow)");
        } catch (RuntimeException e) {
            // The session writes the message into an XML comment of the reply: characters that
            // XML forbids (raw string bytes the translator put in its XML, quoted by checked())
            // would make that reply unreadable to the comparator. Found by ReplyPathFuzzTest:
            // src/test/resources/fuzz/utf8-string-with-control-characters.txt.
            String message = String.valueOf(e.getMessage());
            String safe = INVALID_XML_CHARACTERS.matcher(message).replaceAll(
                    m -> String.format("\\\\x%02X", (int) m.group().charAt(0)));
            if (safe.equals(message)) {
                throw e;
            }
            throw new IllegalStateException(safe, e);
        }
    }

    /**
     * Work-around (gurux.dlms 4.0.47): the translator walks Data values by recursion, so a reply
     * nested a few thousand structures deep (4 KB) overflows the stack. A reply nested past
     * {@link AxdrReader#MAX_DEPTH} is not translated; the reply file keeps its frame, and the
     * grammar's walk names it as the request's finding.
     */
    private static void refuseTooDeep(byte[] apdu) {
        if (XdlmsReplyGrammar.nestedTooDeep(apdu)) {
            throw new IllegalStateException(XdlmsReplyGrammar.TOO_DEEP_FINDING);
        }
    }

    /**
     * Work-around (gurux.dlms 4.0.47): the translator reads a request APDU with the library's
     * server-side handlers, whose loops over a count do not stop at the end of the data: a
     * WriteRequest "from the meter" with a list of data of 0xC7663137 items (06 01 D8 84 C7 66
     * 31 37 00 00 00 02) makes it write empty items for some 18 s, until the memory runs out.
     * A meter never sends requests, so such a "reply" is not translated. Found by
     * ReplyPathFuzzTest: src/test/resources/fuzz/write-request-as-reply.txt.
     */
    private static void refuseRequest(int command) {
        if (command == Command.GET_REQUEST || command == Command.SET_REQUEST || command == Command.METHOD_REQUEST
                || command == Command.READ_REQUEST || command == Command.WRITE_REQUEST
                || command == Command.ACCESS_REQUEST) {
            throw new IllegalStateException("the meter sent a " + Command.toString(command)
                    + " APDU, a request, not a reply");
        }
    }

    /**
     * A joined reply, and a ciphered one (the scripts and expected files are plain, so the reply
     * is shown as the plain PDU it carried), is rebuilt from what the library parsed.
     */
    static boolean isRebuilt(ReceivedReply received) {
        return (received.joined || received.ciphered) && received.serviceError == null;
    }

    static byte[] plainPdu(ReceivedReply received) {
        return joinedPdu(received.data, received.requestType, received.requestCommand);
    }

    /** Translates a whole APDU. */
    String pduToXml(byte[] apdu) {
        if (ListReplyXml.handles(apdu)) {
            return checked(lists.toXml(apdu));
        }
        return checked(TranslatorXml.corrected(pdus.pduToXml(apdu), apdu));
    }

    private String checked(String xml) {
        String trimmed = xml.trim();
        if (wellFormed.isWellFormed(trimmed)) {
            return trimmed;
        }
        String repaired = WellFormedXml.repairMismatchedTags(trimmed);
        if (wellFormed.isWellFormed(repaired)) {
            return repaired;
        }
        String flat = trimmed.replaceAll("\\s+", " ");
        throw new IllegalStateException("the translator wrote XML that is not well-formed: "
                + (flat.length() > 120 ? flat.substring(0, 120) + "…" : flat));
    }

    private static int responseTo(int requestCommand) {
        return switch (requestCommand) {
            case Command.GET_REQUEST -> Command.GET_RESPONSE;
            case Command.SET_REQUEST -> Command.SET_RESPONSE;
            case Command.METHOD_REQUEST -> Command.METHOD_RESPONSE;
            case Command.READ_REQUEST -> Command.READ_RESPONSE;
            case Command.WRITE_REQUEST -> Command.WRITE_RESPONSE;
            default -> Command.NONE;
        };
    }

    /** The single response PDU that a segmented or block-transferred reply stands for. */
    static byte[] joinedPdu(GXReplyData reply, int requestType, int requestCommand) {
        int invokeId = (int) (reply.getInvokeId() & 0xFF);
        // After the last block the library may have cleared the command (always so on WRAPPER).
        int command = reply.getCommand() != Command.NONE ? reply.getCommand() : responseTo(requestCommand);
        int error = reply.getError();
        GXByteBuffer data = reply.getData();
        byte[] whole = data.subArray(0, data.size());
        boolean setList = whole.length > 1 && (whole[0] & 0xFF) == Command.SET_RESPONSE && whole[1] == 5;
        if ((ListReplyXml.handles(whole) || setList) && (whole[0] & 0xFF) == command) {
            // A deciphered with-list or access response: the library leaves the whole plain APDU
            // in its buffer (a result list never starts so: C4, C5, C7, DA are no A-XDR count).
            return whole;
        }
        GXByteBuffer pdu = new GXByteBuffer();
        switch (command) {
            case Command.GET_RESPONSE -> {
                pdu.setUInt8(Command.GET_RESPONSE);
                if (requestType == GET_WITH_LIST) {
                    // The joined data is the whole list: count, then result and data per item.
                    pdu.setUInt8(GET_WITH_LIST);
                    pdu.setUInt8(invokeId);
                    pdu.set(data.getData(), 0, data.size());
                    return pdu.array();
                }
                pdu.setUInt8(1); // get-response-normal
                pdu.setUInt8(invokeId);
                if (error != 0) {
                    pdu.setUInt8(1); // data-access-result
                    pdu.setUInt8(error);
                } else {
                    pdu.setUInt8(0); // data
                    pdu.set(data.getData(), 0, data.size());
                }
            }
            case Command.METHOD_RESPONSE -> {
                pdu.setUInt8(Command.METHOD_RESPONSE);
                pdu.setUInt8(1); // action-response-normal
                pdu.setUInt8(invokeId);
                pdu.setUInt8(error == ErrorCode.OK.getValue() ? 0 : error);
                if (error == 0 && data.size() != 0) {
                    pdu.setUInt8(1); // return-parameters present
                    pdu.setUInt8(0); // data
                    pdu.set(data.getData(), 0, data.size());
                } else {
                    pdu.setUInt8(0); // no return-parameters
                }
            }
            case Command.SET_RESPONSE -> {
                pdu.setUInt8(Command.SET_RESPONSE);
                pdu.setUInt8(1); // set-response-normal
                pdu.setUInt8(invokeId);
                pdu.setUInt8(error);
            }
            case Command.READ_RESPONSE -> {
                if (ShortNameBlocks.cameInBlocks(reply, requestCommand)) { // SN block transfer (ShortNameBlocks)
                    return ShortNameBlocks.readResponse(data);
                }
                pdu.setUInt8(Command.READ_RESPONSE);
                pdu.setUInt8(1); // one item
                if (error != 0) {
                    pdu.setUInt8(1);
                    pdu.setUInt8(error);
                } else {
                    pdu.setUInt8(0);
                    pdu.set(data.getData(), 0, data.size());
                }
            }
            default -> {
                // Write and the rest are never block-transferred to us: the library hands
                // them over whole, from the start of the buffer.
                pdu.setUInt8(command);
                pdu.set(data.getData(), 0, data.size());
            }
        }
        return pdu.array();
    }
}
