package dlms.xmlclient.simulator.transport;

import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import dlms.xmlclient.wire.wrapper.WrapperEncoder;

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

    /** @return the meter's own 4-byte HDLC address: logical device, physical address */
    HdlcAddress hdlcAddress() {
        return new HdlcAddress(LOGICAL_DEVICE, physical(), 4);
    }

    /**
     * @param address server address from the received frame, as gurux.dlms reports it
     * @return true when the frame is for this meter
     */
    public boolean accepts(int address) {
        if (any) {
            return true;
        }
        if (wrapper) {
            return address == LOGICAL_DEVICE || address == ALL_STATION_1_BYTE;
        }
        HdlcAddress hdlc = HdlcAddress.of(address);
        int upper = hdlc.upper();
        int lower = hdlc.lower();
        switch (hdlc.size()) {
        case 1:
            return upper == LOGICAL_DEVICE || upper == ALL_STATION_1_BYTE;
        case 2:
            return upper == LOGICAL_DEVICE && lower == ALL_STATION_1_BYTE;
        default:
            return (upper == LOGICAL_DEVICE || upper == ALL_STATION_2_BYTES)
                    && (lower == physical() || lower == ALL_STATION_2_BYTES);
        }
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
        if (wrapper) {
            return WrapperEncoder.withSource(reply, LOGICAL_DEVICE);
        }
        return HdlcDecoder.whole(reply) == null ? reply
                : HdlcEncoder.withSource(reply, hdlcAddress());
    }
}
