package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gurux.common.GXCommon;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * gurux.dlms 4.0.47 ends the association in use when it is asked to run reply_to_HLS_authentication
 * (method 1) of an Association LN object that is not associated, even when it refuses the method
 * for want of access: the next request was refused. The meter answers the refusal and keeps the
 * association, as the Blue Book has it (a method never ends an association).
 */
@Tag("integration")
class KeptAssociationTest {

    private static byte[] hex(String text) {
        return GXCommon.hexToBytes(text.replace(" ", ""));
    }

    @Test
    void aRefusedHlsReplyToAnotherAssociationLeavesTheAssociationInUse() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true));
                TestClient client = TestClient.managementClient(meter).associate()) {
            // ACTION-Request-Normal, invoke 1: the public association 0.0.40.0.1.255, method 1, data integer 0
            byte[] refused = client.apduExchange(hex("C3 01 C1 000F 0000280001FF 01 01 0F 00"));
            // ACTION-Response-Normal, invoke 1: read-write-denied (3), no return parameters
            assertEquals("C7 01 C1 03 00", GXCommon.bytesToHex(refused));
            // GET-Request-Normal of the logical device name's logical name: still answered with data
            byte[] read = client.apduExchange(hex("C0 01 C2 0001 00002A0000FF 01 00"));
            assertEquals("C4 01 C2 00 09 06 00 00 2A 00 00 FF", GXCommon.bytesToHex(read));
        }
    }
}
