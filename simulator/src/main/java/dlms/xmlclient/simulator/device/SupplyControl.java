package dlms.xmlclient.simulator.device;

import java.util.List;

import gurux.dlms.objects.GXDLMSAccount;
import gurux.dlms.objects.GXDLMSCredit;
import gurux.dlms.objects.GXDLMSDisconnectControl;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.enums.AccountStatus;
import gurux.dlms.objects.enums.CreditStatus;

/**
 * The account's state after its credit changed, and the supply it allows. The credit in use is
 * the account's credit_reference_list entry at current_credit_in_use (counted from 1); it is
 * exhausted when its amount is at or below its limit. available_credit is the sum of the
 * referenced credits that are selectable, invoked or in use. When the credit in use is exhausted
 * and no other credit is invoked, the account is out of credit and the disconnect control
 * disconnects locally (transition g); when credit comes back, a disconnect control in mode 5 or 6
 * reconnects locally (h), in the other modes it stays ready_for_reconnection.
 */
final class SupplyControl {

    private SupplyControl() {
    }

    /** Brings the credits' status, the account's available credit and the supply up to date. */
    static void update(List<? extends GXDLMSObject> objects) {
        GXDLMSAccount account = PaymentObjects.account(objects);
        GXDLMSCredit inUse = PaymentObjects.creditInUse(objects);
        if (account == null || inUse == null) {
            return;
        }
        boolean exhausted = inUse.getCurrentCreditAmount() <= inUse.getLimit();
        inUse.setStatus(exhausted ? CreditStatus.CONSUMED : CreditStatus.IN_USE);
        int available = 0;
        boolean invoked = false;
        for (GXDLMSCredit credit : PaymentObjects.credits(objects)) {
            CreditStatus status = credit.getStatus();
            invoked |= status == CreditStatus.INVOKED;
            if (status == CreditStatus.SELECTABLE || status == CreditStatus.INVOKED
                    || status == CreditStatus.IN_USE) {
                available += credit.getCurrentCreditAmount();
            }
        }
        account.setAvailableCredit(available);
        GXDLMSDisconnectControl dc = PaymentObjects.disconnectControl(objects);
        if (dc != null && account.getAccountStatus() == AccountStatus.ACTIVE) {
            DisconnectSwitch.local(dc, !exhausted || invoked);
        }
    }

    /**
     * The account's current_credit_status (Blue Book: bit 0 in credit, 1 low credit, 6 out of
     * credit), as one octet with bit 0 first. gurux.dlms 4.0.47 holds one bit only (an enum), so
     * "in credit" and "low credit" could not be set together.
     */
    static int creditStatusBits(List<? extends GXDLMSObject> objects) {
        GXDLMSAccount account = PaymentObjects.account(objects);
        GXDLMSCredit inUse = PaymentObjects.creditInUse(objects);
        if (account == null || inUse == null) {
            return 0;
        }
        if (inUse.getStatus() == CreditStatus.CONSUMED) {
            return 0x80 >> 6;
        }
        int bits = 0x80;
        if (account.getAvailableCredit() <= account.getLowCreditThreshold()) {
            bits |= 0x80 >> 1;
        }
        return bits;
    }
}
