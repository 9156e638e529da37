package dlms.xmlclient.simulator.transport;

/**
 * The meter's own server address. Logical device 1; the physical address follows the serial
 * number by the DLMS formula gurux.dlms uses in {@code GXDLMSClient.getServerAddress(int)}:
 * SN % 10000 + 1000 (6678 for 12345678).
 * <p>
 * HDLC: gurux.dlms reports the destination as one number, the 1-, 2- or 4-byte address with its
 * bytes' address bits put together (upper address = logical device, lower = physical device);
 * the form is told by the value, as gurux.dlms does when it answers. Accepted: 1-byte 1 (the
 * logical address alone, point to point) or 0x7F (all stations); 2-byte logical 1 with physical
 * 0x7F (the physical address does not fit 7 bits); 4-byte logical 1 or 0x3FFF with physical
 * the meter's or 0x3FFF. WRAPPER: destination wPort 1 or 0x7F. Frames for any other address
 * get no answer, as a meter ignores frames for other stations.
 * <p>
 * With "any server address" every destination is accepted and the replies carry the meter's
 * own address as their source (4-byte logical 1 / physical, or wPort 1), as some meters do on a
 * point-to-point optical port.
 */
public final class ServerAddress {

    /** Logical device address of the meter. */
    public static final int LOGICAL_DEVICE = 1;
    /** The built-in serial number. */
    public static final long DEFAULT_SERIAL_NUMBER = 12345678;
    /** Largest serial number: gurux.dlms clients take it as an int. */
    public static final long MAX_SERIAL_NUMBER = Integer.MAX_VALUE;

    private static final int ALL_STATION_1_BYTE = 0x7F;
    private static final int ALL_STATION_2_BYTES = 0x3FFF;

    private final long serialNumber;
    private final boolean wrapper;
    private final boolean any;

    /**
     * @param serialNumber the meter's serial number, 0..{@link #MAX_SERIAL_NUMBER}
     * @param wrapper true for WRAPPER, false for HDLC
     * @param any true to answer frames for any server address
     */
    public ServerAddress(long serialNumber, boolean wrapper, boolean any) {
        if (serialNumber < 0 || serialNumber > MAX_SERIAL_NUMBER) {
            throw new IllegalArgumentException("serial number must be 0.." + MAX_SERIAL_NUMBER
                    + ": " + serialNumber);
        }
        this.serialNumber = serialNumber;
        this.wrapper = wrapper;
        this.any = any;
    }

    /**
     * @param serialNumber a meter serial number
     * @return its physical HDLC address: SN % 10000 + 1000
     */
    static int physicalFor(long serialNumber) {
        return (int) (serialNumber % 10000) + 1000;
    }

    public long serialNumber() {
        return serialNumber;
    }

    public int physical() {
        return physicalFor(serialNumber);
    }

    public boolean isWrapper() {
        return wrapper;
    }

    public boolean isAny() {
        return any;
    }

    /** @return the 4-byte HDLC address as gurux.dlms writes it: logical &lt;&lt; 14 | physical */
    int hdlcAddress() {
        return LOGICAL_DEVICE << 14 | physical();
    }

    /**
     * @param address server address from the received frame, as gurux.dlms reports it
     * @return true when the frame is for this meter
     */
    public boolean accepts(int address) {
        if (any) {
            return true;
        }
        if (wrapper || address < 0x80) {
            return address == LOGICAL_DEVICE || address == ALL_STATION_1_BYTE;
        }
        if (address < 0x4000) {
            return address >>> 7 == LOGICAL_DEVICE && (address & 0x7F) == ALL_STATION_1_BYTE;
        }
        int logical = address >>> 14;
        int physical = address & 0x3FFF;
        return (logical == LOGICAL_DEVICE || logical == ALL_STATION_2_BYTES)
                && (physical == physical() || physical == ALL_STATION_2_BYTES);
    }

    /**
     * @param reply a frame the server wrote, with the destination of the request as its source
     * @return the frame with the meter's own address as source when any address is answered,
     *         else the frame unchanged
     */
    public byte[] ownSource(byte[] reply) {
        if (!any) {
            return reply;
        }
        return wrapper ? Frames.withWrapperSource(reply, LOGICAL_DEVICE)
                : Frames.withHdlcSource(reply, hdlcAddress());
    }
}
