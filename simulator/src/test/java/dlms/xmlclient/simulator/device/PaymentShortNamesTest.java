package dlms.xmlclient.simulator.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import dlms.xmlclient.simulator.TestClient;
import gurux.dlms.enums.ObjectType;

/** The payment objects by short name, at the base names --help lists. */
@Tag("integration")
class PaymentShortNamesTest {

    static final int ACCOUNT = 0x03A8;
    static final int TOKEN_CREDIT = 0x0440;

    @Test
    void theAccountAndTheTokenCreditAreReadByShortName() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(
                new SimulatorOptions().port(0).shortNames(true));
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals(500, ((Number) client.read(TOKEN_CREDIT, ObjectType.CREDIT, 2)
                    .getValue()).intValue(), "current_credit_amount at 0x0448");
            assertEquals(500, ((Number) client.read(ACCOUNT, ObjectType.ACCOUNT, 5)
                    .getValue()).intValue(), "available_credit at 0x03C8");
        }
    }
}
