package dlms.xmlclient.session;

import dlms.xmlclient.wire.wrapper.WrapperHeader;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.GXReplyData;
import gurux.dlms.ScriptPduFrames;
import gurux.dlms.secure.GXDLMSSecureClient;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.Conformance;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.Priority;
import gurux.dlms.enums.Security;
import gurux.dlms.enums.ServiceClass;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gurux client of one session, with the work-arounds its 4.0.47 release needs, framing
 * PDUs loaded from scripts. One instance per association: it holds the HDLC sequence numbers
 * and block index. Not a {@code GXDLMSXmlClient}, whose constructor builds a translator the
 * session never uses (see {@link ScriptPduFrames}).
 */
final class ScriptClient extends GXDLMSSecureClient {

    /** The reply whose earlier blocks are in {@link #earlierBlocks}. */
    private GXReplyData blocksOf;
    /** The data of a block-transferred reply's earlier blocks, moved out of the library's buffer. */
    private java.io.ByteArrayOutputStream earlierBlocks;
    /** A null-data byte left in the library's buffer in place of the earlier blocks (see below). */
    private static final byte PLACEHOLDER = 0;

    /** The meter granted general block transfer in the AARE (see {@link GbtAgreement}). */
    private boolean gbtGranted;

    /** The next bytes to read are a joined general-block-transfer reply in a WRAPPER frame (see {@link HdlcGbtFrames}). */
    private boolean joinedReplyFollows;

    /** Invoke-id-and-priority of the scripted request being sent, or -1 when it has none. */
    private int requestInvokeId = -1;
    /** The type byte of the scripted request being sent; kept here, since ciphering it changes the library's. */
    private int requestType;

    /** Notifications that came while a reply was awaited, for {@code <WaitForNotification>}. */
    final Notifications notifications = new Notifications();

    ScriptClient(ConnectionSettings settings) {
        setUseLogicalNameReferencing(settings.logicalNames());
        setInterfaceType(settings.interfaceType());
        setClientAddress(settings.clientAddress());
        setServerAddress(settings.serverAddress());
        getHdlcSettings().setWindowSizeTX(settings.hdlc().windowSize());
        getHdlcSettings().setWindowSizeRX(settings.hdlc().windowSize());
        getHdlcSettings().setMaxInfoTX(settings.hdlc().maxInfo());
        getHdlcSettings().setMaxInfoRX(settings.hdlc().maxInfo());
        setAuthentication(settings.authentication());
        if (settings.password() != null) {
            setPassword(settings.password().getBytes(StandardCharsets.US_ASCII));
        }
        SecuritySettings security = settings.security();
        if (security.hasKeys()) {
            getCiphering().setSecurity(security.security());
            getCiphering().setSecuritySuite(security.suite());
            getCiphering().setSystemTitle(SecuritySettings.bytes(security.clientSystemTitle()));
            getCiphering().setAuthenticationKey(SecuritySettings.bytes(security.authenticationKey()));
            getCiphering().setBlockCipherKey(SecuritySettings.bytes(security.blockCipherKey()));
            if (security.ciphered() && security.dedicatedKey() != null) {
                getCiphering().setDedicatedKey(SecuritySettings.bytes(security.dedicatedKey()));
            }
        }
        if (settings.gbtWindow() > 0) {
            getProposedConformance().add(Conformance.GENERAL_BLOCK_TRANSFER);
            setGbtWindowSize((byte) settings.gbtWindow());
        }
        // The meter's invoke id is checked by the session against the request's,
        // so the library must not throw on its own idea of the next invoke id.
        setAutoIncreaseInvokeID(false);
    }

    void gbtGranted(boolean granted) {
        gbtGranted = granted;
    }

    /** @return the window we receive general-block-transfer blocks with, 0 when it was not granted */
    int gbtWindow() {
        return gbtGranted ? getGbtWindowSize() : 0;
    }

    /** The next read is the joined reply of general block transfer over HDLC, in a WRAPPER frame. */
    void joinedReplyFollows() {
        joinedReplyFollows = true;
    }

    /**
     * Frames for a request loaded from a script.
     * Work-around (gurux.dlms 4.0.47): pduToMessages does not record the command, its type and
     * invoke id in the settings, so receiverReady() would later send a GetRequestNext without
     * its "C0 02 invoke-id" header and block transfer never finishes. Take them from the PDU.
     */
    byte[][] framesFor(GXDLMSXmlPdu pdu) throws Exception {
        byte[] apdu = pdu.getData();
        requestInvokeId = -1;
        requestType = 0;
        if (apdu != null && apdu.length > 0 && isApdu(pdu.getCommand())) {
            settings.setCommand(apdu[0] & 0xFF);
            if (hasInvokeId(apdu[0] & 0xFF) && apdu.length > 2) {
                settings.setCommandType(apdu[1]);
                requestType = apdu[1] & 0xFF;
                int invokeIdAndPriority = apdu[2] & 0xFF;
                requestInvokeId = invokeIdAndPriority;
                settings.setInvokeID(invokeIdAndPriority & 0x0F);
                settings.setPriority((invokeIdAndPriority & 0x80) != 0 ? Priority.HIGH : Priority.NORMAL);
                settings.setServiceClass((invokeIdAndPriority & 0x40) != 0
                        ? ServiceClass.CONFIRMED : ServiceClass.UN_CONFIRMED);
            } else {
                settings.setCommandType((byte) 0);
            }
        }
        // A block transfer broken off by an error must not leave its block number behind.
        setStartingPacketIndex(1);
        if (getInterfaceType() == InterfaceType.HDLC) {
            if (pdu.getCommand() == Command.SNRM) {
                // Work-around (4.0.47): a scripted SNRM does not reset the HDLC sequence numbers;
                // the library's own SNRM request does, so build one and drop it.
                snrmRequest();
            } else if (pdu.getCommand() == Command.AARQ) {
                // Work-around (4.0.47): pduToMessages sends a scripted AARQ with the fixed I-frame
                // control 0x10 and does not count it, so the next request repeats N(S)=0 and the
                // meter drops it. Framed as a plain APDU it gets the next sequence number.
                return unciphered(new GXDLMSXmlPdu(Command.NONE, pdu.getXmlNode(), pdu.getData()));
            }
        }
        if (!isCipherable(pdu.getCommand())) {
            return unciphered(pdu);
        }
        return pduToMessages(pdu);
    }

    /**
     * Frames a PDU as the script wrote it. pduToMessages would wrap any PDU in a glo- service
     * when ciphering is on, but an AARQ or RLRQ carries its ciphered part inside, and a glo- or
     * ded- request in a script is already ciphered.
     */
    private byte[][] unciphered(GXDLMSXmlPdu pdu) throws Exception {
        Security security = getCiphering().getSecurity();
        getCiphering().setSecurity(Security.NONE);
        try {
            return pduToMessages(pdu);
        } finally {
            getCiphering().setSecurity(security);
        }
    }

    /**
     * The frames of a PDU loaded from a script: an SNRM or UA is a whole frame already, a
     * disconnect request becomes a DISC frame; any other PDU is ciphered when the association
     * ciphers, then framed for the interface, over as many HDLC frames as its max info field
     * needs. The same framing as {@code GXDLMSXmlClient.pduToMessages}, by the library's functions.
     */
    byte[][] pduToMessages(GXDLMSXmlPdu pdu) throws Exception {
        int command = pdu.getCommand();
        byte[] data = pdu.getData();
        if (command == Command.SNRM || command == Command.UA) {
            return new byte[][] {data};
        }
        if (command == Command.DISCONNECT_REQUEST) {
            return new byte[][] {ScriptPduFrames.hdlcFrame(settings, Command.DISCONNECT_REQUEST, new GXByteBuffer(data))};
        }
        byte[] apdu = getCiphering().getSecurity() != Security.NONE ? ScriptPduFrames.ciphered(settings, command, data)
                : data;
        InterfaceType type = getInterfaceType();
        if (type == InterfaceType.PDU) {
            return new byte[][] {apdu};
        }
        List<byte[]> frames = new ArrayList<>();
        if (type == InterfaceType.WRAPPER) {
            GXByteBuffer rest = new GXByteBuffer(apdu);
            while (rest.position() != rest.size()) {
                frames.add(ScriptPduFrames.wrapperFrame(settings, command, rest));
            }
        } else if (ScriptPduFrames.usesHdlc(type)) {
            GXByteBuffer rest = new GXByteBuffer(3 + apdu.length);
            rest.set(LLC_REQUEST);
            rest.set(apdu);
            // 0: the next I-frame's control; an AARE and a pushed event notification have their own.
            int control = command == Command.AARQ ? 0x10 : command == Command.AARE ? 0x30
                    : command == Command.EVENT_NOTIFICATION ? 0x13 : 0;
            while (rest.position() != rest.size()) {
                frames.add(ScriptPduFrames.hdlcFrame(settings, control, rest));
                if (rest.position() != rest.size()) {
                    control = ScriptPduFrames.nextInformationControl(settings);
                }
            }
        } else {
            throw new IllegalArgumentException("scripts are not framed for the " + type + " interface");
        }
        return frames.toArray(new byte[0][]);
    }

    /** The LLC header of a request over HDLC (IEC 62056-46): destination E6, source E6, quality 00. */
    private static final byte[] LLC_REQUEST = {(byte) 0xE6, (byte) 0xE6, 0x00};

    /** xDLMS services that have a glo- form: the ones the client ciphers for the script. */
    private static boolean isCipherable(int command) {
        return command == Command.GET_REQUEST || command == Command.SET_REQUEST || command == Command.METHOD_REQUEST
                || command == Command.READ_REQUEST || command == Command.WRITE_REQUEST
                || command == Command.ACCESS_REQUEST; // general-glo- or general-ded-ciphering only
    }

    /** The max PDU size the meter negotiated (its AARE), or the proposed one before. */
    int maxPduSize() {
        return settings.getMaxPduSize();
    }

    int requestCommand() {
        return settings.getCommand();
    }

    int requestInvokeId() {
        return requestInvokeId;
    }

    /** The type byte of the request being sent (get-request-normal, -with-list, …). */
    int requestType() {
        return requestType;
    }

    /**
     * Removes the framing from received bytes and adds the PDU content to {@code reply}.
     * The client has no translator: with one (an XML client's), getData would also build an XML
     * string of every frame (wrong for errors and block transfer anyway) and swallow protocol errors.
     */
    boolean readFrame(GXByteBuffer received, GXReplyData reply, GXReplyData notify) throws Exception {
        try {
            if (joinedReplyFollows) { // a general-block-transfer reply, joined
                boolean joined = readJoined(received, reply, notify);
                if (joined) {
                    keepBlocksAside(reply);
                }
                return joined;
            }
            boolean wrapper = getInterfaceType() == InterfaceType.WRAPPER;
            ActionListReplies.StandIn standIn = ActionListReplies.of(received, wrapper);
            if (standIn != null) {
                boolean complete = getData(new GXByteBuffer(standIn.frame()), reply, notify);
                received.position(received.position() + standIn.receivedLength());
                return complete;
            }
            boolean complete;
            try {
                complete = getData(received, reply, notify);
            } catch (IllegalArgumentException e) {
                if (!ActionListReplies.decipheredWhole(reply)) {
                    throw e;
                }
                return true; // the frame is read; the whole plain APDU is in the reply's data
            }
            if (complete) {
                keepBlocksAside(reply);
            }
            return complete;
        } catch (OutOfMemoryError e) {
            // Work-around (gurux.dlms 4.0.47): GXSecure.decryptAesGcm allocates the system title
            // of a general-glo-ciphering APDU as long as the APDU says, before it looks at the
            // bytes there are (DB 84 7F FF FF FF …: "Requested array size exceeds VM limit").
            // Found by ReplyPathFuzzTest: src/test/resources/fuzz/general-glo-title-length.txt.
            long held = (long) reply.getData().size() + (earlierBlocks == null ? 0 : earlierBlocks.size());
            earlierBlocks = null;
            blocksOf = null;
            if (held > 1 << 20) { // a long reply, not one length: the heap is too small for it
                throw new UnreadableReply("the reply does not fit in memory after " + held + " bytes (OutOfMemoryError:"
                        + " give the JVM more heap, XMLCLIENT_JAVA_OPTS=-Xmx…, or lower --max-reply-bytes)", e);
            }
            throw new UnreadableReply("a length in the reply is too large to allocate", e);
        } catch (StackOverflowError e) {
            // Work-around (gurux.dlms 4.0.47): once a reply is whole, the library reads its value
            // by recursion (a value we never use: the reply is translated from its bytes), so a
            // reply nested a few thousand levels deep overflows the stack there. That read is the
            // last thing the library does with the reply: it is whole, and the walk of its grammar
            // names the depth as the request's finding.
            if (reply.getMoreData().isEmpty() && hasValue(reply.getCommand())) {
                keepBlocksAside(reply); // puts back any blocks kept aside
                return true;
            }
            throw new UnreadableReply("reply nested deeper than gurux.dlms can read (stack overflow; replies"
                    + " nested deeper than " + AxdrReader.MAX_DEPTH + " levels are never translated)", null);
        }
    }

    /**
     * The joined reply of general block transfer over HDLC, which no HDLC frame can hold: its
     * APDU is read as the library reads a bare PDU (interface type PDU), framing and addresses
     * checked already.
     */
    private boolean readJoined(GXByteBuffer received, GXReplyData reply, GXReplyData notify) throws Exception {
        joinedReplyFollows = false;
        int at = received.position();
        int length = WrapperHeader.decode(received.getData(), at, received.size())
                .length();
        GXByteBuffer apdu = new GXByteBuffer();
        apdu.set(received.getData(), at + WrapperHeader.SIZE, length);
        InterfaceType framing = getInterfaceType();
        setInterfaceType(InterfaceType.PDU);
        try {
            return getData(apdu, reply, notify);
        } finally {
            setInterfaceType(framing);
            received.position(at + WrapperHeader.SIZE + length);
        }
    }

    /**
     * Work-around (gurux.dlms 4.0.47): the library appends each frame to the reply's buffer by
     * reallocating it to the exact new size ({@code GXByteBuffer.capacity(size + n)} in
     * {@code GXDLMS.getDataFromFrame}), copying all the data so far for every frame: a reply of
     * 16 MiB in block transfer took minutes. Between blocks of a get-response-with-datablock the
     * library needs none of the earlier blocks' data, so it is kept aside here (in a buffer that
     * grows by doubling) and put back in front when the last block has come: linear time.
     *
     * One null-data byte stays in the library's buffer where the earlier blocks were: after the
     * last block the library reads a value from the start of the buffer (a value we never use),
     * and there it finds null-data instead of a value cut at a block boundary.
     */
    private void keepBlocksAside(GXReplyData reply) {
        if (blocksOf != reply) {
            blocksOf = reply;
            earlierBlocks = null;
        }
        // The library clears the reply's command after each block; the request says what it is. A
        // get-with-list is left alone: the library reads its whole list after the last block.
        boolean dataBlocks = settings.getCommand() == Command.GET_REQUEST
                && (settings.getCommandType() & 0xFF) != 3 // get-request-with-list
                && reply.getCipheredCommand() == Command.NONE; // a ciphered block is deciphered in place
        GXByteBuffer data = reply.getData();
        if (dataBlocks && reply.getMoreData().contains(gurux.dlms.enums.RequestTypes.DATABLOCK)
                && !reply.getMoreData().contains(gurux.dlms.enums.RequestTypes.FRAME) && reply.getError() == 0) {
            int from = earlierBlocks == null ? 0 : 1; // after the placeholder
            if (data.position() != from || data.size() < from || from == 1 && data.getUInt8(0) != PLACEHOLDER) {
                return; // not where a block ends as expected: left to the library
            }
            if (earlierBlocks == null) {
                earlierBlocks = new java.io.ByteArrayOutputStream(Math.max(1024, data.size() * 2));
            }
            earlierBlocks.write(data.getData(), from, data.size() - from);
            data.size(0);
            data.setUInt8(PLACEHOLDER);
            data.position(1);
        } else if (earlierBlocks != null && reply.getMoreData().isEmpty()) {
            boolean placeholder = data.size() > 0 && data.getUInt8(0) == PLACEHOLDER;
            int from = placeholder ? 1 : 0;
            byte[] last = data.subArray(from, data.size() - from);
            data.clear();
            data.capacity(earlierBlocks.size() + last.length);
            data.set(earlierBlocks.toByteArray());
            data.set(last);
            data.position(0);
            earlierBlocks = null;
            blocksOf = null;
        }
    }

    /** The replies whose value the library reads once they are whole. */
    private static boolean hasValue(int command) {
        return command == Command.GET_RESPONSE || command == Command.METHOD_RESPONSE
                || command == Command.READ_RESPONSE;
    }

    private static boolean isApdu(int command) {
        return command != Command.SNRM && command != Command.UA && command != Command.DISCONNECT_REQUEST
                && command != Command.DISCONNECT_MODE;
    }

    private static boolean hasInvokeId(int command) {
        return command == Command.GET_REQUEST || command == Command.SET_REQUEST
                || command == Command.METHOD_REQUEST;
    }
}
