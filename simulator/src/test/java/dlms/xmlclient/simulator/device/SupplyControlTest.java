package dlms.xmlclient.simulator.device;

import static dlms.xmlclient.simulator.device.TokenGatewayTest.number;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import dlms.xmlclient.simulator.TestClient;
import gurux.dlms.GXBitString;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSCredit;
import gurux.dlms.objects.GXDLMSDisconnectControl;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.enums.ControlMode;
import gurux.dlms.objects.enums.ControlState;
import gurux.dlms.objects.enums.CreditStatus;

/**
 * Credit used up by the standing charge, the supply switched off when it is exhausted, and a
 * token that makes reconnection possible.
 */
class SupplyControlTest {

    private static final String DC = DefaultDevice.DISCONNECT_CONTROL;

    @Test
    @Tag("integration")
    void anExhaustedCreditDisconnectsTheSupplyAndATokenAllowsReconnection() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals("10000000", creditStatus(client), "in credit");
            assertEquals(0, collect(client));
            assertEquals(250, number(client, Prepayment.TOKEN_CREDIT, ObjectType.CREDIT, 2));
            assertEquals("11000000", creditStatus(client), "in credit, low credit");
            assertEquals(1, number(client, DC, ObjectType.DISCONNECT_CONTROL, 3), "connected");

            assertEquals(0, collect(client));
            assertEquals(0, number(client, Prepayment.TOKEN_CREDIT, ObjectType.CREDIT, 2));
            assertEquals(4, number(client, Prepayment.TOKEN_CREDIT, ObjectType.CREDIT, 8),
                    "credit_status exhausted");
            assertEquals("00000010", creditStatus(client), "out of credit");
            assertEquals(2, number(client, DC, ObjectType.DISCONNECT_CONTROL, 3),
                    "ready_for_reconnection (local disconnection, g)");
            assertEquals(Boolean.FALSE,
                    client.read(DC, ObjectType.DISCONNECT_CONTROL, 2).getValue());
            assertEquals(500, number(client, Prepayment.STANDING_CHARGE, ObjectType.CHARGE, 2),
                    "total_amount_paid");

            byte[] token = new TestToken(7, 1000).encode();
            assertEquals(0, client.method(Prepayment.TOKEN_GATEWAY, ObjectType.TOKEN_GATEWAY, 1,
                    token, DataType.OCTET_STRING).getError());
            assertEquals(1000, number(client, Prepayment.TOKEN_CREDIT, ObjectType.CREDIT, 2));
            assertEquals(3, number(client, Prepayment.TOKEN_CREDIT, ObjectType.CREDIT, 8),
                    "credit_status in use");
            assertEquals(2, number(client, DC, ObjectType.DISCONNECT_CONTROL, 3),
                    "mode 2 has no local reconnection: still ready_for_reconnection");
            // The head end reconnects: remote_disconnect (c), then remote_reconnect (a).
            client.method(DC, ObjectType.DISCONNECT_CONTROL, 1, 0, DataType.INT8);
            client.method(DC, ObjectType.DISCONNECT_CONTROL, 2, 0, DataType.INT8);
            assertEquals(1, number(client, DC, ObjectType.DISCONNECT_CONTROL, 3), "connected");
        }
    }

    @Test
    void inModeFiveATokenThatRestoresCreditReconnectsTheSupplyItself() {
        GXDLMSObjectCollection device = DefaultDevice.create();
        GXDLMSDisconnectControl dc = PaymentObjects.disconnectControl(device);
        dc.setControlMode(ControlMode.MODE_5);
        GXDLMSCredit credit = PaymentObjects.creditInUse(device);
        credit.setCurrentCreditAmount(0);
        SupplyControl.update(device);
        assertEquals(ControlState.READY_FOR_RECONNECTION, dc.getControlState());
        TokenEntry.enter(PaymentObjects.tokenGateway(device), new TestToken(9, 100).encode(),
                device, java.time.Instant.EPOCH);
        assertEquals(ControlState.CONNECTED, dc.getControlState(), "local reconnection (h)");
        assertEquals(true, dc.getOutputState());
    }

    @Test
    void anInvokedEmergencyCreditKeepsTheSupplyOnWhenTheTokenCreditIsExhausted() {
        GXDLMSObjectCollection device = DefaultDevice.create();
        GXDLMSCredit emergency = PaymentObjects.credit(device, Prepayment.EMERGENCY_CREDIT);
        emergency.setStatus(CreditStatus.INVOKED);
        PaymentObjects.creditInUse(device).setCurrentCreditAmount(0);
        SupplyControl.update(device);
        assertEquals(ControlState.CONNECTED, PaymentObjects.disconnectControl(device)
                .getControlState());
        assertEquals(1000, PaymentObjects.account(device).getAvailableCredit());
    }

    private static int collect(TestClient client) throws Exception {
        return client.method(Prepayment.STANDING_CHARGE, ObjectType.CHARGE, 3, 0, DataType.INT8)
                .getError();
    }

    private static String creditStatus(TestClient client) throws Exception {
        return ((GXBitString) client.read(Prepayment.ACCOUNT, ObjectType.ACCOUNT, 4).getValue())
                .getValue();
    }
}
