package dlms.xmlclient.session;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Command;

/**
 * A ReadResponse that came in blocks (short name referencing: data-block-result), rebuilt as the
 * one ReadResponse it stands for. In the Green Book's service-specific block transfer the
 * raw-data of the blocks, joined, is the encoding of the whole Read-Response,
 * {@code SEQUENCE OF CHOICE {data [0] Data, data-access-error [1] Data-Access-Result, ...}}: the
 * number of results, then each result's tag and content. The PDU is the ReadResponse tag
 * followed by the joined raw-data.
 * <p>
 * gurux.dlms 4.0.47's client joins the raw-data (GXDLMS.readResponseDataBlockResult) and then
 * reads it as one Data value, the form its own server sends (without the number of results
 * and the first tag): it reads a standard reply as an empty array (ShortNameBlocksTest). So
 * the joined bytes are read here. The old form (one Data value, and not a list) is still
 * shown, and is an encoding finding.
 */
final class ShortNameBlocks {

    /** Read-Response choice data-block-result. */
    private static final int DATA_BLOCK_RESULT = 2;
    /** Read-Response choices of a result: data, data-access-error. */
    private static final int DATA = 0;
    private static final int DATA_ACCESS_ERROR = 1;
    static final String DEVIATION = "ReadResponse data blocks: their joined raw-data is one Data value, not the"
            + " list of Read-Response results the Green Book has (number of results, then a choice per result);"
            + " read as one result";

    private ShortNameBlocks() {
    }

    /** @return true when the reply is a ReadResponse joined from data-block-results */
    static boolean cameInBlocks(GXReplyData reply, int requestCommand) {
        return reply.getCommandType() == DATA_BLOCK_RESULT && (reply.getCommand() == Command.READ_RESPONSE
                || reply.getCommand() == Command.NONE && requestCommand == Command.READ_REQUEST);
    }

    /**
     * @param joined the raw-data of every block, end to end
     * @return the ReadResponse PDU they stand for
     */
    static byte[] readResponse(GXByteBuffer joined) {
        byte[] raw = joined.subArray(0, joined.size());
        GXByteBuffer pdu = new GXByteBuffer();
        pdu.setUInt8(Command.READ_RESPONSE);
        if (isOldForm(raw)) {
            pdu.setUInt8(1); // one result
            pdu.setUInt8(DATA);
        }
        pdu.set(raw);
        return pdu.array();
    }

    /**
     * @return the encoding finding of a ReadResponse joined from blocks in gurux.dlms's old form
     *         (one Data value), or null
     */
    static String finding(GXReplyData reply, int requestCommand) {
        GXByteBuffer joined = reply.getData();
        if (!cameInBlocks(reply, requestCommand) || !isOldForm(joined.subArray(0, joined.size()))) {
            return null;
        }
        return DEVIATION;
    }

    /** @return true when {@code raw} is one Data value and not a list of results */
    static boolean isOldForm(byte[] raw) {
        return !isResultList(raw) && AxdrReader.dataEnd(raw, 0) == raw.length;
    }

    /** @return true when {@code raw} is exactly a SEQUENCE OF Read-Response results */
    static boolean isResultList(byte[] raw) {
        int[] position = {0};
        int count = AxdrReader.length(raw, position);
        int at = position[0];
        for (int i = 0; i < count && at >= 0; ++i) {
            if (at >= raw.length) {
                return false;
            }
            int tag = raw[at] & 0xFF;
            if (tag == DATA) {
                at = AxdrReader.dataEnd(raw, at + 1);
            } else if (tag == DATA_ACCESS_ERROR) {
                at = at + 2 <= raw.length ? at + 2 : -1;
            } else {
                return false;
            }
        }
        return count >= 0 && at == raw.length;
    }
}
