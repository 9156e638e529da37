package dlms.xmlclient.simulator.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import dlms.xmlclient.simulator.TestClient;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSDisconnectControl;
import gurux.dlms.objects.enums.ControlMode;
import gurux.dlms.objects.enums.ControlState;

@Tag("integration")
class DisconnectControlTest {

    private static final String DC = DefaultDevice.DISCONNECT_CONTROL;

    @Test
    void remoteDisconnectAndReconnectChangeOutputAndControlState() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals(2, number(client, 4), "control_mode");
            assertEquals(Boolean.TRUE, client.read(DC, ObjectType.DISCONNECT_CONTROL, 2).getValue());
            assertEquals(1, number(client, 3), "connected");

            assertEquals(0, invoke(client, 1));
            assertEquals(Boolean.FALSE, client.read(DC, ObjectType.DISCONNECT_CONTROL, 2).getValue());
            assertEquals(0, number(client, 3), "disconnected");

            assertEquals(0, invoke(client, 2));
            assertEquals(Boolean.TRUE, client.read(DC, ObjectType.DISCONNECT_CONTROL, 2).getValue());
            assertEquals(1, number(client, 3), "connected again");
        }
    }

    @Test
    void reconnectInModeOneOnlyMakesTheSwitchReadyForReconnection() {
        GXDLMSDisconnectControl dc = new GXDLMSDisconnectControl(DC);
        dc.setControlMode(ControlMode.MODE_1);
        dc.setControlState(ControlState.CONNECTED);
        dc.setOutputState(true);
        assertEquals(ErrorCode.OK, DisconnectSwitch.invoke(dc, 1));
        assertEquals(ErrorCode.OK, DisconnectSwitch.invoke(dc, 2));
        assertEquals(ControlState.READY_FOR_RECONNECTION, dc.getControlState());
        assertEquals(false, dc.getOutputState());
    }

    @Test
    void modeZeroRefusesRemoteDisconnection() {
        GXDLMSDisconnectControl dc = new GXDLMSDisconnectControl(DC);
        dc.setControlMode(ControlMode.NONE);
        dc.setControlState(ControlState.CONNECTED);
        dc.setOutputState(true);
        assertEquals(ErrorCode.OTHER_REASON, DisconnectSwitch.invoke(dc, 1));
        assertEquals(ControlState.CONNECTED, dc.getControlState());
    }

    private static int invoke(TestClient client, int method) throws Exception {
        return client.method(DC, ObjectType.DISCONNECT_CONTROL, method, 0, DataType.INT8)
                .getError();
    }

    private static int number(TestClient client, int attribute) throws Exception {
        return ((Number) client.read(DC, ObjectType.DISCONNECT_CONTROL, attribute).getValue())
                .intValue();
    }
}
