package dlms.xmlclient.session;

import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import dlms.xmlclient.wire.wrapper.WrapperHeader;
import gurux.dlms.enums.InterfaceType;

/**
 * Finds the meter's frames that gurux.dlms drops because of their addresses, so that a request
 * without a reply can say why: "the meter answered from 23062, expected 1" is the classic mix-up
 * of one-byte, physical and serial-number addresses. gurux.dlms 4.0.47 drops such a frame
 * silently (HDLC) or waits for more (WRAPPER), so only the received bytes tell.
 */
final class MisaddressedFrames {

    private final int clientAddress;
    private final int serverAddress;
    private final InterfaceType interfaceType;
    private SessionException found;

    MisaddressedFrames(int clientAddress, int serverAddress, InterfaceType interfaceType) {
        this.clientAddress = clientAddress;
        this.serverAddress = serverAddress;
        this.interfaceType = interfaceType;
    }

    /** Looks at bytes received while waiting for a reply. */
    void scan(byte[] received) {
        if (found != null) {
            return;
        }
        if (interfaceType == InterfaceType.WRAPPER) {
            // version 1, source wPort (the meter's), destination wPort (ours), length
            if (WrapperHeader.isAt(received, 0, received.length)) {
                WrapperHeader header = WrapperHeader.decode(received, 0, received.length);
                check(header.source(), header.destination());
            }
            return;
        }
        for (int i = 0; i + 4 < received.length; i++) {
            // Frames follow each other flag to flag: a frame starts a read or follows a flag.
            boolean boundary = i == 0 || (received[i - 1] & 0xFF) == HdlcDecoder.FLAG;
            HdlcFrame frame = boundary ? HdlcDecoder.header(received, i, received.length) : null;
            if (frame != null && frame.hasRightHcs()) {
                int target = value(frame.destination());
                int source = value(frame.source());
                if (target >= 0 && source >= 0 && !(target == serverAddress && source == clientAddress)) {
                    check(source, target);
                    if (found != null) {
                        return;
                    }
                }
            }
        }
    }

    /** @return why the replies are dropped, or null when every frame was addressed to us from the meter we called */
    SessionException failure() {
        return found;
    }

    private void check(int source, int target) {
        if (target != clientAddress) {
            found = dropped("the meter answered to client " + target + ", expected " + clientAddress,
                    Setting.CLIENT_ADDRESS);
        } else if (!sameServer(source)) {
            found = dropped("the meter answered from server address " + ServerAddresses.describe(source, interfaceType)
                    + ", expected " + ServerAddresses.describe(serverAddress, interfaceType), Setting.SERVER_ADDRESS);
        }
    }

    private static SessionException dropped(String answered, Setting suspect) {
        return new SessionException(SessionException.Kind.EXCHANGE, answered + " (its replies are dropped)",
                Hint.of(": check ").then(suspect));
    }

    /** gurux.dlms's own rule: equal, we called all stations, or (HDLC) equal logical and physical parts. */
    private boolean sameServer(int source) {
        if (interfaceType == InterfaceType.WRAPPER) {
            return source == serverAddress || serverAddress == 0x7F;
        }
        if (source == serverAddress || (serverAddress & 0x7F) == 0x7F || (serverAddress & 0x3FFF) == 0x3FFF) {
            return true;
        }
        return logical(source) == logical(serverAddress) && physical(source) == physical(serverAddress);
    }

    private static int logical(int address) {
        return address < 0x4000 ? address >>> 7 : address >>> 14;
    }

    private static int physical(int address) {
        return address < 0x4000 ? address & 0x7F : address & 0x3FFF;
    }

    /** @return the address as gurux.dlms numbers it, -1 for one of another length than 1, 2 or 4 bytes */
    private static int value(HdlcAddress address) {
        return address == null ? -1 : address.value(); // a broken header: not a frame to judge
    }
}
