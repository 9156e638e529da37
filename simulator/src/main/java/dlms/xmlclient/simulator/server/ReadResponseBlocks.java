package dlms.xmlclient.simulator.server;

import dlms.xmlclient.simulator.log.SimulatorLog;
import dlms.xmlclient.simulator.transport.Frames;
import dlms.xmlclient.wire.hdlc.LlcHeader;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSConverter;
import gurux.dlms.GXDLMSSettings;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.internal.GXCommon;
import gurux.dlms.objects.GXDLMSObject;

/**
 * A ReadResponse too long for one APDU, block-transferred as the Green Book has it: the
 * raw-data of the data-block-results, joined, is the encoding of the whole Read-Response,
 * {@code SEQUENCE OF CHOICE {data [0] Data, data-access-error [1] Data-Access-Result, ...}}:
 * the number of results, then each result's tag and content ({@code 01 00 <data>} for one).
 * <p>
 * gurux.dlms 4.0.47 (GXDLMSSNCommandHandler.getReadData, GXDLMS.getSNPdu) splits the results
 * without the number and the first tag ({@code <data>} for one), which jDLMS cannot join
 * ("Error decoding AxdrChoice"; ShortNameBlocksTest, JdlmsClientShortNamesTest). It splits the
 * bytes it is given, and writes an array value as it is: so when the reply is going to be
 * block-transferred, the first result's value is given the number and its tag in front. That
 * takes a first result that is an array read (the object list, a profile buffer: what is long);
 * a long reply whose first result is something else stays in gurux.dlms's form, and is logged.
 */
final class ReadResponseBlocks {

    /** Variable-Access-Specification choices that ask for a result: variable-name, parameterized. */
    private static final int VARIABLE_NAME = 2;
    private static final int PARAMETERIZED_ACCESS = 4;

    private final SimulatorLog log;
    /** Results asked for by the ReadRequest being served; 0 for any other request. */
    private int quantity;

    ReadResponseBlocks(SimulatorLog log) {
        this.log = log;
    }

    /**
     * Notes how many results the request asks for, before gurux.dlms serves it.
     *
     * @param frame the request frame (null, or one that starts no APDU, asks for none)
     * @param wrapper true for WRAPPER framing, false for HDLC
     */
    void request(byte[] frame, boolean wrapper) {
        quantity = 0;
        int offset = Frames.apduOffset(frame, wrapper);
        if (offset < 0 || offset + 2 >= frame.length
                || (frame[offset] & 0xFF) != Command.READ_REQUEST) {
            return;
        }
        GXByteBuffer bb = new GXByteBuffer(frame);
        bb.position(offset + 1);
        int count = GXCommon.getObjectCount(bb);
        int first = bb.position() < frame.length ? frame[bb.position()] & 0xFF : -1;
        if (first == VARIABLE_NAME || first == PARAMETERIZED_ACCESS) {
            quantity = count;
        }
    }

    /**
     * Called with the reads of the request (values set, the meter's own behaviours done): when
     * gurux.dlms will block-transfer the reply, puts the number of results and the first tag
     * in front of the first value. Values gurux.dlms would fetch itself are fetched here, once.
     *
     * @param reads every result of the request, in order
     * @param settings the server's settings (negotiated PDU size)
     * @param wrapper true for WRAPPER framing, false for HDLC
     */
    void standardise(ValueEventArgs[] reads, GXDLMSSettings settings,
            boolean wrapper) {
        if (quantity == 0 || reads.length != quantity) {
            return; // not a new read, or some result was refused before: none is long
        }
        // gurux.dlms counts the LLC bytes (HDLC) in the APDU size for block transfer.
        int size = (wrapper ? 0 : LlcHeader.SIZE) + 1 + GXCommon.getObjectCountSizeInBytes(quantity)
                + 1 + quantity - 1; // command, number, first tag, the other tags
        for (ValueEventArgs e : reads) {
            byte[] result = encoded(e, settings);
            if (result == null) {
                return; // a method gurux.dlms invokes itself: its result is short
            }
            size += result.length;
        }
        if (size <= settings.getMaxPduSize()) {
            return; // one APDU: no block transfer
        }
        ValueEventArgs first = reads[0];
        if (first.getError() != ErrorCode.OK || first.isAction()
                || first.getTarget().getDataType(first.getIndex()) != DataType.ARRAY
                || !(first.getValue() instanceof byte[])) {
            log.warning("block-transferred ReadResponse left in gurux.dlms's form (its first "
                    + "result is not an array read)");
            return;
        }
        GXByteBuffer bb = new GXByteBuffer();
        GXCommon.setObjectCount(quantity, bb);
        bb.setUInt8(0); // data
        bb.set((byte[]) first.getValue());
        first.setValue(bb.array());
    }

    /**
     * @return the result's content as gurux.dlms will encode it (GXDLMS.appendData), null for
     *         a method gurux.dlms has yet to invoke
     */
    private static byte[] encoded(ValueEventArgs e, GXDLMSSettings settings) {
        if (e.getError() != ErrorCode.OK) {
            return new byte[1];
        }
        if (!e.getHandled()) {
            if (e.isAction()) {
                return null;
            }
            e.setValue(e.getTarget().getValue(settings, e));
            e.setHandled(true);
        }
        Object value = e.getValue();
        GXByteBuffer bb = new GXByteBuffer();
        if (e.isAction()) {
            GXCommon.setData(settings, bb, GXDLMSConverter.getDLMSDataType(value), value);
            return bb.array();
        }
        GXDLMSObject target = e.getTarget();
        DataType type = target.getDataType(e.getIndex());
        if (type == DataType.ARRAY && value instanceof byte[]) {
            return (byte[]) value;
        }
        if (type == DataType.NONE) {
            type = GXDLMSConverter.getDLMSDataType(value);
            if (type == DataType.DATETIME) {
                type = DataType.OCTET_STRING;
            }
        } else if (value instanceof String && type == DataType.OCTET_STRING
                && target.getUIDataType(e.getIndex()) == DataType.STRING) {
            value = ((String) value).getBytes();
        }
        GXCommon.setData(null, bb, type, value);
        return bb.array();
    }
}
