package dlms.xmlclient.simulator.device;

import java.util.ArrayList;
import java.util.List;

import gurux.dlms.objects.GXDLMSAccount;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSCredit;
import gurux.dlms.objects.GXDLMSDisconnectControl;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSTokenGateway;

/** Finds the payment metering objects of a device and those they refer to. */
final class PaymentObjects {

    private PaymentObjects() {
    }

    static GXDLMSAccount account(List<? extends GXDLMSObject> objects) {
        return first(objects, GXDLMSAccount.class, null);
    }

    static GXDLMSTokenGateway tokenGateway(List<? extends GXDLMSObject> objects) {
        return first(objects, GXDLMSTokenGateway.class, null);
    }

    static GXDLMSClock clock(List<? extends GXDLMSObject> objects) {
        return first(objects, GXDLMSClock.class, null);
    }

    static GXDLMSDisconnectControl disconnectControl(List<? extends GXDLMSObject> objects) {
        return first(objects, GXDLMSDisconnectControl.class, DefaultDevice.DISCONNECT_CONTROL);
    }

    /** @return the credit at current_credit_in_use (from 1) of the account's credit list */
    static GXDLMSCredit creditInUse(List<? extends GXDLMSObject> objects) {
        GXDLMSAccount account = account(objects);
        if (account == null || account.getCreditReferences() == null) {
            return null;
        }
        int at = (account.getCurrentCreditInUse() & 0xFF) - 1;
        List<String> references = account.getCreditReferences();
        return at < 0 || at >= references.size() ? null
                : first(objects, GXDLMSCredit.class, references.get(at));
    }

    /** @return the credits the account refers to, in its list's order */
    static List<GXDLMSCredit> credits(List<? extends GXDLMSObject> objects) {
        List<GXDLMSCredit> credits = new ArrayList<>();
        GXDLMSAccount account = account(objects);
        if (account != null && account.getCreditReferences() != null) {
            for (String ln : account.getCreditReferences()) {
                GXDLMSCredit credit = first(objects, GXDLMSCredit.class, ln);
                if (credit != null) {
                    credits.add(credit);
                }
            }
        }
        return credits;
    }

    static GXDLMSCredit credit(List<? extends GXDLMSObject> objects, String ln) {
        return first(objects, GXDLMSCredit.class, ln);
    }

    private static <T extends GXDLMSObject> T first(List<? extends GXDLMSObject> objects,
            Class<T> type, String ln) {
        for (GXDLMSObject it : objects) {
            if (type.isInstance(it) && (ln == null || ln.equals(it.getLogicalName()))) {
                return type.cast(it);
            }
        }
        return null;
    }
}
