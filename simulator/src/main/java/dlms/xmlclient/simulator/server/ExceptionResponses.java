package dlms.xmlclient.simulator.server;

import gurux.dlms.enums.Command;
import gurux.dlms.enums.ExceptionServiceError;
import gurux.dlms.enums.ExceptionStateError;

/**
 * The exception-response APDUs the meter sends when it refuses a ciphered association's request
 * for security reasons, or a request it will not parse (state-error service-not-allowed,
 * numbered as gurux.dlms numbers them).
 */
final class ExceptionResponses {

    private ExceptionResponses() {
    }

    /**
     * @param expected the lowest frame counter the meter accepts now
     * @return D8 01 06 followed by {@code expected} as double-long-unsigned: invocation-counter
     *         error
     */
    static byte[] invocationCounterError(long expected) {
        return new byte[] {(byte) Command.EXCEPTION_RESPONSE,
            (byte) ExceptionStateError.SERVICE_NOT_ALLOWED.getValue(),
            (byte) ExceptionServiceError.INVOCATION_COUNTER_ERROR.getValue(),
            (byte) (expected >>> 24), (byte) (expected >>> 16), (byte) (expected >>> 8),
            (byte) expected};
    }

    /**
     * @return D8 01 01, operation-not-possible: the answer to a request the meter will not
     *         parse (data nested too deep, see {@link NestingGuard})
     */
    static byte[] operationNotPossible() {
        return new byte[] {(byte) Command.EXCEPTION_RESPONSE,
            (byte) ExceptionStateError.SERVICE_NOT_ALLOWED.getValue(),
            (byte) ExceptionServiceError.OPERATION_NOT_POSSIBLE.getValue()};
    }

    /**
     * @return D8 01 05, deciphering-error: the answer to an APDU that cannot be deciphered or
     *         authenticated (wrong key) and to a plain (unprotected) request in a ciphered
     *         association. gurux.dlms gives the same answer to an unprotected general-signing
     *         APDU when the security policy asks for encryption.
     */
    static byte[] decipheringError() {
        return new byte[] {(byte) Command.EXCEPTION_RESPONSE,
            (byte) ExceptionStateError.SERVICE_NOT_ALLOWED.getValue(),
            (byte) ExceptionServiceError.DECIPHERING_ERROR.getValue()};
    }
}
