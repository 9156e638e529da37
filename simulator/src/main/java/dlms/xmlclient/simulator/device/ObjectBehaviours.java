package dlms.xmlclient.simulator.device;

import java.util.List;

import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSDisconnectControl;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSProfileGeneric;
import gurux.dlms.objects.GXDLMSPushSetup;
import gurux.dlms.objects.GXDLMSRegister;

/**
 * What the meter's objects do that gurux.dlms does not do the way a meter does: the clock runs
 * and can be set and adjusted, the profile buffer answers selective access, the disconnect
 * control switches, the payment metering objects take tokens and credit ({@link
 * PaymentBehaviours}). Called from the server's pre-read, pre-write and pre-action events.
 */
public final class ObjectBehaviours {

    private final MeterClock clock;
    private final ProfileBuffer profiles;
    private final PaymentBehaviours payments;
    private final PushSetups pushes;

    public ObjectBehaviours(MeterClock clock) {
        this.clock = clock;
        this.profiles = new ProfileBuffer(clock);
        this.payments = new PaymentBehaviours(clock);
        this.pushes = new PushSetups(clock);
    }

    /** Answers a read of attribute 2 of a clock or profile; leaves the others to gurux.dlms. */
    public void read(ValueEventArgs e) {
        if (Prepayment.isPaymentObject(e.getTarget()) && payments.read(e, device(e))) {
            return;
        }
        if (e.getIndex() != 2) {
            return;
        }
        if (e.getTarget() instanceof GXDLMSClock) {
            e.setValue(clock.timeAttribute((GXDLMSClock) e.getTarget()));
            e.setByteArray(true);
            e.setHandled(true);
        } else if (e.getTarget() instanceof GXDLMSProfileGeneric) {
            profiles.read(e, (GXDLMSProfileGeneric) e.getTarget());
        }
    }

    /** Handles a write of the clock's time; leaves the others to gurux.dlms. */
    public void write(ValueEventArgs e) {
        if (e.getTarget() instanceof GXDLMSClock && e.getIndex() == 2) {
            handled(e, clock.setTime((GXDLMSClock) e.getTarget(), e.getValue()));
        }
    }

    /**
     * Handles the clock, disconnect control, profile and register reset methods; leaves the
     * others to gurux.dlms.
     */
    public void invoke(ValueEventArgs e) {
        GXDLMSObject target = e.getTarget();
        if (target instanceof GXDLMSClock) {
            handled(e, clock.invoke((GXDLMSClock) target, e.getIndex(), e.getParameters()));
        } else if (target instanceof GXDLMSDisconnectControl) {
            handled(e, DisconnectSwitch.invoke((GXDLMSDisconnectControl) target, e.getIndex()));
        } else if (target instanceof GXDLMSProfileGeneric) {
            handled(e, profiles.invoke((GXDLMSProfileGeneric) target, e.getIndex()));
        } else if (target instanceof GXDLMSRegister && e.getIndex() == 1) {
            RegisterReset.reset((GXDLMSRegister) target, e);
            e.setHandled(true);
        } else if (target instanceof GXDLMSPushSetup) {
            handled(e, pushes.invoke((GXDLMSPushSetup) target, e, this));
        } else if (Prepayment.isPaymentObject(target)) {
            ErrorCode result = payments.invoke(e, device(e));
            if (result != null) {
                handled(e, result);
            }
        }
    }

    /** @return the push setups' notifications (see {@link PushSetups}) */
    public PushSetups pushes() {
        return pushes;
    }

    /** @return the objects of the server that raised the event (none in a unit test) */
    private static List<? extends GXDLMSObject> device(ValueEventArgs e) {
        return e.getServer() == null ? new GXDLMSObjectCollection() : e.getServer().getItems();
    }

    private static void handled(ValueEventArgs e, ErrorCode result) {
        if (result != ErrorCode.OK) {
            e.setError(result);
        }
        e.setHandled(true);
    }
}
