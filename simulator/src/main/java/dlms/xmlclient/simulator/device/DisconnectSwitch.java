package dlms.xmlclient.simulator.device;

import gurux.dlms.enums.ErrorCode;
import gurux.dlms.objects.GXDLMSDisconnectControl;
import gurux.dlms.objects.enums.ControlMode;
import gurux.dlms.objects.enums.ControlState;

/**
 * Disconnect control (class 70) methods, which gurux.dlms 4.0.47 does not implement. Method 1
 * remote_disconnect and method 2 remote_reconnect take an integer(0) parameter (not checked) and
 * follow the Blue Book state machine for the object's control_mode:
 * <ul>
 * <li>remote_disconnect (b, c): connected or ready_for_reconnection to disconnected;</li>
 * <li>remote_reconnect (a) in modes 2 and 4: disconnected to connected;</li>
 * <li>remote_reconnect (d) in modes 1, 3, 5, 6: disconnected to ready_for_reconnection;</li>
 * <li>mode 0 (always connected) refuses both with other-reason.</li>
 * </ul>
 * A method that finds the switch already in the target state succeeds without a change.
 * output_state is true only in the connected state. The meter itself switches too (see
 * {@link #local}).
 */
final class DisconnectSwitch {

    private DisconnectSwitch() {
    }

    /**
     * @param dc the disconnect control object
     * @param method method index
     * @return the action result
     */
    static ErrorCode invoke(GXDLMSDisconnectControl dc, int method) {
        ControlMode mode = dc.getControlMode() == null ? ControlMode.NONE : dc.getControlMode();
        if (mode == ControlMode.NONE) {
            return ErrorCode.OTHER_REASON;
        }
        switch (method) {
        case 1:
            set(dc, ControlState.DISCONNECTED);
            return ErrorCode.OK;
        case 2:
            if (dc.getControlState() == ControlState.DISCONNECTED) {
                boolean direct = mode == ControlMode.MODE_2 || mode == ControlMode.MODE_4;
                set(dc, direct ? ControlState.CONNECTED : ControlState.READY_FOR_RECONNECTION);
            }
            return ErrorCode.OK;
        default:
            return ErrorCode.READ_WRITE_DENIED;
        }
    }

    /**
     * The meter's own switching, by its supply control (out of credit): local_disconnect (g),
     * connected to ready_for_reconnection, in every mode but 0; local_reconnect (h),
     * ready_for_reconnection to connected, in modes 5 and 6 only.
     *
     * @param dc the disconnect control object
     * @param connect true to reconnect, false to disconnect
     */
    static void local(GXDLMSDisconnectControl dc, boolean connect) {
        ControlMode mode = dc.getControlMode() == null ? ControlMode.NONE : dc.getControlMode();
        ControlState state = dc.getControlState();
        if (!connect && mode != ControlMode.NONE && state == ControlState.CONNECTED) {
            set(dc, ControlState.READY_FOR_RECONNECTION);
        } else if (connect && (mode == ControlMode.MODE_5 || mode == ControlMode.MODE_6)
                && state == ControlState.READY_FOR_RECONNECTION) {
            set(dc, ControlState.CONNECTED);
        }
    }

    private static void set(GXDLMSDisconnectControl dc, ControlState state) {
        dc.setControlState(state);
        dc.setOutputState(state == ControlState.CONNECTED);
    }
}
