package dlms.xmlclient.simulator.device;

import java.time.Instant;
import java.util.List;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSSettings;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.internal.GXCommon;
import gurux.dlms.internal.GXDataInfo;
import gurux.dlms.objects.GXChargeTable;
import gurux.dlms.objects.GXDLMSAccount;
import gurux.dlms.objects.GXDLMSCharge;
import gurux.dlms.objects.GXDLMSCredit;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXUnitCharge;
import gurux.dlms.objects.enums.AccountStatus;

/**
 * The Charge's methods (Blue Book class 113): 1 update_unit_charge (unit_charge_passive),
 * 2 activate_passive_unit_charge (a copy of it becomes unit_charge_active, from now), 3 collect,
 * 4 update_total_amount_remaining and 5 set_total_amount_remaining. The simulator collects
 * only when asked (collect), never by the passing of time, so that the credit is the same on
 * every run: one collection takes one unit charge, the first charge_per_unit of
 * unit_charge_active scaled from its price_scale to the account's currency_scale, from the
 * credit in use.
 */
final class ChargeCollection {

    private ChargeCollection() {
    }

    /**
     * @param settings the server's settings, where gurux.dlms finds a unit charge's commodity
     * @return the method's result
     */
    static ErrorCode invoke(GXDLMSCharge charge, int method, Object parameter,
            GXDLMSSettings settings, List<? extends GXDLMSObject> objects, Instant now) {
        switch (method) {
        case 1:
            GXUnitCharge passive = unitCharge(parameter, settings);
            if (passive == null) {
                return ErrorCode.UNMATCHED_TYPE;
            }
            charge.setUnitChargePassive(passive);
            return ErrorCode.OK;
        case 2:
            ValueEventArgs read = new ValueEventArgs(charge, 6, 0, null);
            byte[] encoded = (byte[]) charge.getValue(settings, read);
            charge.setUnitChargeActive(unitCharge(
                    GXCommon.getData(settings, new GXByteBuffer(encoded), new GXDataInfo()),
                    settings));
            charge.setUnitChargeActivationTime(PaymentTimes.at(now));
            return ErrorCode.OK;
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
            return ErrorCode.READ_WRITE_DENIED;
        }
    }

    /**
     * @return the unit_charge structure read into a new unit charge, null when the value is not
     *         one (read by gurux.dlms into a scratch Charge, so that a bad value changes nothing)
     */
    private static GXUnitCharge unitCharge(Object value, GXDLMSSettings settings) {
        GXDLMSCharge scratch = new GXDLMSCharge();
        ValueEventArgs write = new ValueEventArgs(scratch, 6, 0, null);
        write.setValue(value);
        try {
            scratch.setValue(settings, write);
        } catch (RuntimeException e) {
            return null;
        }
        return scratch.getUnitChargePassive();
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
