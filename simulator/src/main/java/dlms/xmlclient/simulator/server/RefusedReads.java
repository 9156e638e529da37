package dlms.xmlclient.simulator.server;

import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.ErrorCode;

/**
 * The answer to an item of a read that the access check refused (or a secret, whatever the
 * check said): its data-access-result. Only a Get-Request-With-List brings such an item to the
 * server's pre-read event, and gurux.dlms 4.0.47 then writes the result code followed by the
 * attribute's value anyway (the secret of every association to the public client) instead of
 * the Get-Data-Result choice [1] and the code: the item is handled with the bytes of that
 * choice, the choice byte being what gurux.dlms writes as the "error" (1), the code the value.
 */
final class RefusedReads {

    private RefusedReads() {
    }

    /** @param e a refused item, handled afterwards with its data-access-result */
    static void answer(ValueEventArgs e) {
        if (e.getHandled() && e.getError() == ErrorCode.HARDWARE_FAULT
                && e.getValue() instanceof byte[] && ((byte[]) e.getValue()).length == 1) {
            return; // refused already (read again for a next data block)
        }
        ErrorCode result = e.getError() == ErrorCode.OK ? ErrorCode.READ_WRITE_DENIED
                : e.getError();
        e.setError(ErrorCode.HARDWARE_FAULT); // value 1: data-access-result [1]
        e.setValue(new byte[] {(byte) result.getValue()});
        e.setByteArray(true);
        e.setHandled(true);
    }
}
