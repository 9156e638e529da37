package dlms.xmlclient.session;

import gurux.dlms.enums.Command;

/**
 * A with-list or Access request longer than the meter's max PDU size. The Green Book sends a
 * Get with list only whole, a long Set or Action with list in blocks
 * (SET-Request-With-List-And-First-Datablock, ACTION-Request-With-List-And-First-Pblock) and a long
 * Access request by general block transfer: the client does not build those, so such a request
 * stops its script with the sizes, before anything is sent.
 */
final class ListRequestSize {

    private ListRequestSize() {
    }

    /**
     * @param apdu the request's plain APDU
     * @param maxPduSize the max PDU size the meter negotiated
     */
    static void check(byte[] apdu, int maxPduSize) throws SessionException {
        String service = service(apdu);
        if (service == null || maxPduSize <= 0 || apdu.length <= maxPduSize) {
            return;
        }
        throw new SessionException(SessionException.Kind.EXCHANGE, "the " + service + " is " + apdu.length
                + " bytes, above the meter's max PDU size of " + maxPduSize + " bytes; "
                + (service.startsWith("Get") ? "a Get with list goes in one APDU (Green Book): send fewer items"
                : "its block transfer is not supported by the client: send fewer items or shorter values"));
    }

    private static String service(byte[] apdu) {
        if (apdu == null || apdu.length < 2) {
            return null;
        }
        int tag = apdu[0] & 0xFF;
        int type = apdu[1];
        if (tag == Command.GET_REQUEST && type == 3) {
            return "GetRequest-with-list";
        } else if (tag == Command.SET_REQUEST && type == 4) {
            return "SetRequest-with-list";
        } else if (tag == Command.METHOD_REQUEST && type == 3) {
            return "ActionRequest-with-list";
        } else if (tag == Command.ACCESS_REQUEST) {
            return "AccessRequest";
        }
        return null;
    }
}
