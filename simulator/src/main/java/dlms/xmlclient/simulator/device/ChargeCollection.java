package dlms.xmlclient.simulator.device;

import java.time.Instant;
import java.util.List;

import gurux.dlms.enums.ErrorCode;
import gurux.dlms.objects.GXChargeTable;
import gurux.dlms.objects.GXDLMSAccount;
import gurux.dlms.objects.GXDLMSCharge;
import gurux.dlms.objects.GXDLMSCredit;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXUnitCharge;
import gurux.dlms.objects.enums.AccountStatus;

/**
 * The Charge's methods 3 collect, 4 update_total_amount_remaining and 5
 * set_total_amount_remaining (Blue Book class 113). The simulator collects only when asked
 * (collect), never by the passing of time, so that the credit is the same on every run: one
 * collection takes one unit charge, the first charge_per_unit of unit_charge_active scaled from
 * its price_scale to the account's currency_scale, from the credit in use.
 */
final class ChargeCollection {

    private ChargeCollection() {
    }

    /** @return the method's result, or null to leave it to gurux.dlms (methods 1 and 2) */
    static ErrorCode invoke(GXDLMSCharge charge, int method, Object parameter,
            List<? extends GXDLMSObject> objects, Instant now) {
        switch (method) {
        case 3:
            return collect(charge, objects, now);
        case 4:
        case 5:
            if (!(parameter instanceof Integer)) {
                return ErrorCode.UNMATCHED_TYPE;
            }
            long total = (method == 4 ? charge.getTotalAmountRemaining() : 0L)
                    + (Integer) parameter;
            if (total > Integer.MAX_VALUE || total < Integer.MIN_VALUE) {
                return ErrorCode.OTHER_REASON;
            }
            charge.setTotalAmountRemaining((int) total);
            return ErrorCode.OK;
        default:
            return null;
        }
    }

    private static ErrorCode collect(GXDLMSCharge charge, List<? extends GXDLMSObject> objects,
            Instant now) {
        GXDLMSAccount account = PaymentObjects.account(objects);
        GXDLMSCredit credit = PaymentObjects.creditInUse(objects);
        GXUnitCharge unit = charge.getUnitChargeActive();
        if (account == null || credit == null || account.getAccountStatus() != AccountStatus.ACTIVE
                || unit == null || unit.getChargeTables() == null
                || unit.getChargeTables().length == 0) {
            return ErrorCode.OTHER_REASON;
        }
        GXChargeTable price = unit.getChargeTables()[0];
        int exponent = unit.getChargePerUnitScaling().getPriceScale()
                - account.getCurrency().getScale();
        long amount = Math.round(price.getChargePerUnit() * Math.pow(10, exponent));
        long left = credit.getCurrentCreditAmount() - amount;
        if (left < Integer.MIN_VALUE || amount > Integer.MAX_VALUE) {
            return ErrorCode.OTHER_REASON;
        }
        credit.setCurrentCreditAmount((int) left);
        charge.setTotalAmountPaid((int) Math.min(Integer.MAX_VALUE,
                (long) charge.getTotalAmountPaid() + amount));
        charge.setLastCollectionAmount((int) amount);
        charge.setLastCollectionTime(PaymentTimes.at(now));
        SupplyControl.update(objects);
        return ErrorCode.OK;
    }
}
