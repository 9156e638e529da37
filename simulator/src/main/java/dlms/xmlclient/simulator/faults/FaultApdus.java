package dlms.xmlclient.simulator.faults;

import java.util.Map;
import java.util.Set;

import gurux.dlms.ConfirmedServiceError;
import gurux.dlms.Service;
import gurux.dlms.ServiceError;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.ExceptionServiceError;
import gurux.dlms.enums.ExceptionStateError;

/**
 * The APDUs of the faults: which requests are data requests, and the replies a faulty meter
 * builds itself. Plain A-XDR, as in the Green Book.
 */
public final class FaultApdus {

    /** Raw data in one endless block: with its header an APDU fits a 128-byte HDLC frame. */
    public static final int BLOCK_DATA = 100;

    /** Plain and ciphered xDLMS data requests, the services a script uses, and their replies. */
    private static final Map<Integer, Integer> RESPONSES = Map.ofEntries(
            Map.entry(Command.GET_REQUEST, Command.GET_RESPONSE),
            Map.entry(Command.SET_REQUEST, Command.SET_RESPONSE),
            Map.entry(Command.METHOD_REQUEST, Command.METHOD_RESPONSE),
            Map.entry(Command.READ_REQUEST, Command.READ_RESPONSE),
            Map.entry(Command.WRITE_REQUEST, Command.WRITE_RESPONSE),
            Map.entry(Command.ACCESS_REQUEST, Command.ACCESS_RESPONSE),
            Map.entry(Command.GLO_GET_REQUEST, Command.GLO_GET_RESPONSE),
            Map.entry(Command.GLO_SET_REQUEST, Command.GLO_SET_RESPONSE),
            Map.entry(Command.GLO_METHOD_REQUEST, Command.GLO_METHOD_RESPONSE),
            Map.entry(Command.GLO_READ_REQUEST, Command.GLO_READ_RESPONSE),
            Map.entry(Command.GLO_WRITE_REQUEST, Command.GLO_WRITE_RESPONSE),
            Map.entry(Command.DED_GET_REQUEST, Command.DED_GET_RESPONSE),
            Map.entry(Command.DED_SET_REQUEST, Command.DED_SET_RESPONSE),
            Map.entry(Command.DED_METHOD_REQUEST, Command.DED_METHOD_RESPONSE),
            Map.entry(Command.DED_READ_REQUEST, Command.DED_READ_RESPONSE),
            Map.entry(Command.DED_WRITE_REQUEST, Command.DED_WRITE_RESPONSE));
    /** APDUs that carry requests and replies alike. */
    private static final Set<Integer> BOTH_WAYS = Set.of(Command.GENERAL_BLOCK_TRANSFER,
            Command.GENERAL_GLO_CIPHERING, Command.GENERAL_DED_CIPHERING,
            Command.GENERAL_CIPHERING, Command.GENERAL_SIGNING);
    /** Replies to any data request. */
    private static final Set<Integer> ERRORS = Set.of(Command.EXCEPTION_RESPONSE,
            Command.CONFIRMED_SERVICE_ERROR);
    /** Services read with: a confirmed-service-error for them names read, others write. */
    private static final Set<Integer> READING = Set.of(Command.GET_REQUEST,
            Command.READ_REQUEST, Command.GLO_GET_REQUEST, Command.GLO_READ_REQUEST,
            Command.DED_GET_REQUEST, Command.DED_READ_REQUEST);

    /** GetRequest-next, SetRequest-with-datablock, ActionRequest-next-pblock, -with-pblock. */
    private static final int GET_NEXT = 2;
    private static final int SET_WITH_DATABLOCK = 3;
    private static final int ACTION_NEXT_PBLOCK = 2;
    private static final int ACTION_WITH_PBLOCK = 6;
    /** Variable-access-specification choices block-number-access, write-data-block-access. */
    private static final int READ_BLOCK_NUMBER = 5;
    private static final int WRITE_DATA_BLOCK = 7;
    /** Read-Response choice data-block-result. */
    private static final int DATA_BLOCK_RESULT = 2;

    private FaultApdus() {
    }

    /** @return true for the first byte of a Get, Set, Action, Read, Write or ciphered request */
    static boolean isDataRequest(int tag) {
        return RESPONSES.containsKey(tag) || BOTH_WAYS.contains(tag);
    }

    /** @return true for the first byte of a reply to a data request, errors included */
    static boolean isDataResponse(int tag) {
        return RESPONSES.containsValue(tag) || BOTH_WAYS.contains(tag) || ERRORS.contains(tag);
    }

    /**
     * @param apdu bytes holding a data request
     * @param offset where it starts
     * @return true when it only carries on a block transfer (the next block of a plain Get,
     *         Set, Action, Read or Write) rather than asking something new; a ciphered request
     *         cannot be told, so it is never a continuation
     */
    static boolean isContinuation(byte[] apdu, int offset) {
        if (offset + 2 >= apdu.length) {
            return false;
        }
        int type = apdu[offset + 1] & 0xFF;
        switch (apdu[offset] & 0xFF) {
        case Command.GET_REQUEST:
            return type == GET_NEXT;
        case Command.SET_REQUEST:
            return type == SET_WITH_DATABLOCK;
        case Command.METHOD_REQUEST:
            return type == ACTION_NEXT_PBLOCK || type == ACTION_WITH_PBLOCK;
        case Command.READ_REQUEST:
            return (apdu[offset + 2] & 0xFF) == READ_BLOCK_NUMBER;
        case Command.WRITE_REQUEST:
            return (apdu[offset + 2] & 0xFF) == WRITE_DATA_BLOCK;
        default:
            return false;
        }
    }

    /** @return D8 01 01: state-error service-not-allowed, service-error operation-not-possible */
    static byte[] exceptionResponse() {
        return new byte[] {(byte) Command.EXCEPTION_RESPONSE,
            (byte) ExceptionStateError.SERVICE_NOT_ALLOWED.getValue(),
            (byte) ExceptionServiceError.OPERATION_NOT_POSSIBLE.getValue()};
    }

    /**
     * @param requestTag first byte of the request answered
     * @return 0E 05 03 02 for a Get or Read (confirmed-service-error read, service-error
     *         service, service-unsupported), 0E 06 03 02 (write) for the others
     */
    static byte[] serviceError(int requestTag) {
        ConfirmedServiceError service = READING.contains(requestTag) ? ConfirmedServiceError.READ
                : ConfirmedServiceError.WRITE;
        return new byte[] {Command.CONFIRMED_SERVICE_ERROR, (byte) service.getValue(),
            (byte) ServiceError.SERVICE.getValue(), (byte) Service.UNSUPPORTED.getValue()};
    }

    /**
     * @param invokeIdAndPriority the request's
     * @param block block number, from 1
     * @return GetResponse-with-datablock, last-block false, {@link #BLOCK_DATA} bytes of raw
     *         data (zeros): C4 02 invoke 00 block(4) 00 64 00..
     */
    static byte[] getDataBlock(int invokeIdAndPriority, long block) {
        byte[] apdu = new byte[10 + BLOCK_DATA];
        apdu[0] = (byte) Command.GET_RESPONSE;
        apdu[1] = 2; // with-datablock
        apdu[2] = (byte) invokeIdAndPriority;
        apdu[3] = 0; // last-block false
        for (int i = 0; i != 4; ++i) {
            apdu[4 + i] = (byte) (block >>> 24 - 8 * i);
        }
        apdu[8] = 0; // raw-data
        apdu[9] = BLOCK_DATA;
        return apdu;
    }

    /**
     * @param block block number, from 1 (Unsigned16: it wraps after 65535)
     * @return ReadResponse data-block-result, last-block false, {@link #BLOCK_DATA} bytes of
     *         raw data: 0C 01 02 00 block(2) 64 00..
     */
    static byte[] readDataBlock(long block) {
        byte[] apdu = new byte[7 + BLOCK_DATA];
        apdu[0] = Command.READ_RESPONSE;
        apdu[1] = 1; // one result
        apdu[2] = DATA_BLOCK_RESULT;
        apdu[3] = 0; // last-block false
        apdu[4] = (byte) (block >>> 8);
        apdu[5] = (byte) block;
        apdu[6] = BLOCK_DATA;
        return apdu;
    }
}
