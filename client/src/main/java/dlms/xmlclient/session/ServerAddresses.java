package dlms.xmlclient.session;

import gurux.dlms.GXDLMSClient;
import gurux.dlms.enums.InterfaceType;

/**
 * HDLC server addresses as engineers name them: an upper (logical device) and a lower
 * (physical device) address, packed by gurux.dlms into one number of 1, 2 or 4 bytes.
 */
public final class ServerAddresses {

    private ServerAddresses() {
    }

    /** The logical device address alone (point-to-point), or with a physical address. */
    public static int of(int logical, Integer physical) {
        return physical == null ? logical : GXDLMSClient.getServerAddress(logical, physical);
    }

    /** Logical device 1 (or {@code logical}) at the physical address the DLMS formula gives a serial number. */
    public static int fromSerialNumber(int serialNumber, Integer logical) {
        int physical = GXDLMSClient.getServerAddress(serialNumber) & 0x3FFF;
        return GXDLMSClient.getServerAddress(logical == null ? 1 : logical, physical, 4);
    }

    /** E.g. {@code 1}, or {@code 23062 (logical 1, physical 6678)}. */
    public static String describe(int address, InterfaceType interfaceType) {
        if (interfaceType == InterfaceType.WRAPPER || address < 0x80) {
            return String.valueOf(address);
        }
        int logical = address < 0x4000 ? address >>> 7 : address >>> 14;
        int physical = address < 0x4000 ? address & 0x7F : address & 0x3FFF;
        return address + " (logical " + logical + ", physical " + physical + ")";
    }
}
