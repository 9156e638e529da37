package dlms.xmlclient.simulator;

/**
 * The meter's own server address: logical device 1. With HDLC the address gurux.dlms reports
 * is the combined value of a one-, two- or four-byte HDLC address (upper address = logical
 * device, lower = physical device); the physical part is not checked. The all-station
 * (broadcast) address is accepted too. With WRAPPER the destination wPort must be 1 or 0x7F.
 */
final class ServerAddress {

    /** Logical device address of the meter. */
    static final int LOGICAL_DEVICE = 1;

    private static final int ALL_STATION_1_BYTE = 0x7F;
    private static final int ALL_STATION_2_BYTES = 0x3FFF;

    private ServerAddress() {
    }

    /**
     * @param address server address from the received frame
     * @param wrapper true for WRAPPER, false for HDLC
     * @return true when the frame is for this meter
     */
    static boolean accepts(final int address, final boolean wrapper) {
        if (wrapper || address < 0x80) {
            return address == LOGICAL_DEVICE || address == ALL_STATION_1_BYTE;
        }
        int logical = address < 0x4000 ? address >>> 7 : address >>> 14;
        return logical == LOGICAL_DEVICE || logical == ALL_STATION_1_BYTE
                || logical == ALL_STATION_2_BYTES;
    }
}
