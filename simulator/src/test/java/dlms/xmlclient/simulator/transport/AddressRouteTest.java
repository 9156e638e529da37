package dlms.xmlclient.simulator.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import gurux.dlms.GXDLMSClient;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;

/** The meter of a shared port a frame goes to; the frames of a connection are the wire module's. */
class AddressRouteTest {

    private static byte[] snrm(int serverAddress) throws Exception {
        return new GXDLMSClient(true, 16, serverAddress, Authentication.NONE, null,
                InterfaceType.HDLC).snrmRequest();
    }

    @Test
    void physicalDestinationIsThatOfTheSerialNumberInAFourByteAddress() throws Exception {
        assertEquals(ServerAddress.physicalFor(12345678), AddressRoute.physicalDestination(
                snrm(GXDLMSClient.getServerAddress(12345678))));
        assertEquals(0x3FFF, AddressRoute.physicalDestination(
                snrm(GXDLMSClient.getServerAddress(1, 0x3FFF, 4))));
    }

    @Test
    void oneOrTwoByteDestinationHasNoPhysicalAddress() throws Exception {
        assertEquals(-1, AddressRoute.physicalDestination(snrm(1)));
        assertEquals(-1, AddressRoute.physicalDestination(
                snrm(GXDLMSClient.getServerAddress(1, 0x7F, 2))));
    }
}
