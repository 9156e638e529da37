package dlms.xmlclient.simulator.server;

import gurux.dlms.enums.Command;

/**
 * What is put in place of a request gurux.dlms must not act on (a refused or a faulty one), so
 * that it still frames a reply (HDLC sequence numbers right) whose APDU is then replaced: a read
 * of an object the meter does not have. (Not an APDU gurux.dlms refuses: it keeps such an APDU
 * after the error and cannot parse the next request.)
 */
final class HarmlessRequest {

    /** get-request-normal of attribute 2 of Data 0.0.0.0.0.0. */
    private static final byte[] GET = {(byte) Command.GET_REQUEST, 1, (byte) 0xC1, 0, 1, 0, 0,
        0, 0, 0, 0, 2, 0};
    /** ReadRequest of variable name 0x0000. */
    private static final byte[] READ = {Command.READ_REQUEST, 1, 2, 0, 0};

    private HarmlessRequest() {
    }

    /**
     * @param shortNames true for short name referencing
     * @return the harmless request of that referencing (a new array)
     */
    static byte[] of(boolean shortNames) {
        return (shortNames ? READ : GET).clone();
    }
}
