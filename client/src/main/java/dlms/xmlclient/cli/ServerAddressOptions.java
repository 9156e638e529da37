package dlms.xmlclient.cli;

import dlms.xmlclient.session.ServerAddresses;
import gurux.dlms.enums.InterfaceType;

/**
 * The server address from -s, -l and -n, as the Gurux clients read them: -s alone is the
 * whole address; with -l it is the physical address under logical device -l; -n computes the
 * physical address from the meter's serial number (logical device 1, or -l).
 */
final class ServerAddressOptions {

    /** Largest packed 4-byte HDLC address: logical and physical 0x3FFF each. */
    private static final int MAX_PACKED = 0x0FFFFFFF;
    private static final int MAX_PART = 0x3FFF;
    /** A WRAPPER port number is 16 bits. */
    private static final int MAX_WPORT = 0xFFFF;

    private ServerAddressOptions() {
    }

    static int from(FlagValues line, InterfaceType interfaceType) throws UsageException {
        boolean server = line.has(ClientOptions.SERVER);
        boolean logical = line.has(ClientOptions.LOGICAL_SERVER);
        boolean serialNumber = line.has(ClientOptions.SERIAL_NUMBER);
        if (serialNumber && server) {
            throw new UsageException(line.flag(ClientOptions.SERIAL_NUMBER) + " and " + line.flag(ClientOptions.SERVER)
                    + " both give the server address: use one (with -l, -s is the physical address)");
        }
        if (interfaceType == InterfaceType.WRAPPER && (serialNumber || logical && server)) {
            throw new UsageException((serialNumber ? line.flag(ClientOptions.SERIAL_NUMBER)
                    : line.flag(ClientOptions.LOGICAL_SERVER) + " with " + line.flag(ClientOptions.SERVER))
                    + ": WRAPPER addresses the logical device only (its wPort); physical addresses are HDLC's");
        }
        // 0 is HDLC's and WRAPPER's "no station": never a meter's address.
        Integer logicalAddress = logical ? ConnectionOptions.integer(line, ClientOptions.LOGICAL_SERVER, 1, MAX_PART, 1) : null;
        if (serialNumber) {
            int number = ConnectionOptions.integer(line, ClientOptions.SERIAL_NUMBER, 0, Integer.MAX_VALUE, 0);
            return ServerAddresses.fromSerialNumber(number, logicalAddress);
        }
        if (logical) {
            Integer physical = server ? ConnectionOptions.integer(line, ClientOptions.SERVER, 1, MAX_PART, 1) : null;
            return ServerAddresses.of(logicalAddress, physical);
        }
        return ConnectionOptions.integer(line, ClientOptions.SERVER, 1,
                interfaceType == InterfaceType.WRAPPER ? MAX_WPORT : MAX_PACKED, 1);
    }
}
