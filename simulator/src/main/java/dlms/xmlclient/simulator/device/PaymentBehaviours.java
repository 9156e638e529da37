package dlms.xmlclient.simulator.device;

import java.time.Instant;
import java.util.List;

import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.objects.GXDLMSAccount;
import gurux.dlms.objects.GXDLMSCharge;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSCredit;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSTokenGateway;
import gurux.dlms.objects.enums.AccountStatus;
import gurux.dlms.objects.enums.CreditStatus;

/**
 * What the payment metering objects do (gurux.dlms 4.0.47 has their attributes but hardly any
 * behaviour): the Token gateway's enter ({@link TokenEntry}), the Account's activate, close and
 * reset, the Credit's update_amount, set_amount_to_value and invoke_credit, the Charge's
 * methods ({@link ChargeCollection}); every change of credit goes
 * through {@link SupplyControl}. Dates and the account's credit status are answered here too
 * ({@link PaymentTimes}, {@link SupplyControl#creditStatusBits}).
 */
final class PaymentBehaviours {

    private final MeterClock clock;

    PaymentBehaviours(MeterClock clock) {
        this.clock = clock;
    }

    /** @return true when the read was answered here */
    boolean read(ValueEventArgs e, List<? extends GXDLMSObject> objects) {
        GXDLMSObject target = e.getTarget();
        byte[] value;
        if (PaymentTimes.of(target, e.getIndex()) != null) {
            byte[] time = PaymentTimes.encode(PaymentTimes.of(target, e.getIndex()));
            value = new byte[2 + time.length];
            value[0] = 0x09; // octet-string
            value[1] = (byte) time.length;
            System.arraycopy(time, 0, value, 2, time.length);
        } else if (target instanceof GXDLMSAccount && e.getIndex() == 4) {
            value = new byte[] {0x04, 0x08, (byte) SupplyControl.creditStatusBits(objects)};
        } else {
            return false;
        }
        e.setValue(value);
        e.setByteArray(true);
        e.setHandled(true);
        return true;
    }

    /** @return the method's result, null for an object that is not a payment object */
    ErrorCode invoke(ValueEventArgs e, List<? extends GXDLMSObject> objects) {
        GXDLMSObject target = e.getTarget();
        Object parameter = e.getParameters();
        if (target instanceof GXDLMSTokenGateway) {
            if (e.getIndex() != 1) {
                return ErrorCode.READ_WRITE_DENIED;
            }
            if (!(parameter instanceof byte[])) {
                return ErrorCode.UNMATCHED_TYPE;
            }
            TokenEntry.enter((GXDLMSTokenGateway) target, (byte[]) parameter, objects,
                    now(objects));
            return ErrorCode.OK;
        } else if (target instanceof GXDLMSAccount) {
            return account((GXDLMSAccount) target, e.getIndex(), objects);
        } else if (target instanceof GXDLMSCredit) {
            return credit((GXDLMSCredit) target, e.getIndex(), parameter, objects);
        } else if (target instanceof GXDLMSCharge) {
            return ChargeCollection.invoke((GXDLMSCharge) target, e.getIndex(), parameter,
                    e.getSettings(), objects, now(objects));
        }
        return null;
    }

    private ErrorCode account(GXDLMSAccount account, int method,
            List<? extends GXDLMSObject> objects) {
        switch (method) {
        case 1:
            account.setAccountStatus(AccountStatus.ACTIVE);
            account.setAccountActivationTime(PaymentTimes.at(now(objects)));
            SupplyControl.update(objects);
            return ErrorCode.OK;
        case 2:
            account.setAccountStatus(AccountStatus.CLOSED);
            account.setAccountClosureTime(PaymentTimes.at(now(objects)));
            return ErrorCode.OK;
        case 3:
            // The meter's initial state, the gateway's used tokens forgotten: so that test
            // scripts leave the meter as they found it. The relay is left as it is.
            Prepayment.reset(objects);
            GXDLMSTokenGateway gateway = PaymentObjects.tokenGateway(objects);
            if (gateway != null) {
                UsedTokens.forget(gateway);
            }
            return ErrorCode.OK;
        default:
            return ErrorCode.READ_WRITE_DENIED;
        }
    }

    private static ErrorCode credit(GXDLMSCredit credit, int method, Object parameter,
            List<? extends GXDLMSObject> objects) {
        switch (method) {
        case 1:
        case 2:
            if (!(parameter instanceof Integer)) {
                return ErrorCode.UNMATCHED_TYPE;
            }
            long amount = (method == 1 ? credit.getCurrentCreditAmount() : 0L)
                    + (Integer) parameter;
            if (amount > Integer.MAX_VALUE || amount < Integer.MIN_VALUE) {
                return ErrorCode.OTHER_REASON;
            }
            credit.setCurrentCreditAmount((int) amount);
            SupplyControl.update(objects);
            return ErrorCode.OK;
        case 3:
            if (credit.getStatus() != CreditStatus.SELECTABLE) {
                return ErrorCode.OTHER_REASON;
            }
            credit.setStatus(CreditStatus.INVOKED);
            SupplyControl.update(objects);
            return ErrorCode.OK;
        default:
            return ErrorCode.READ_WRITE_DENIED;
        }
    }

    private Instant now(List<? extends GXDLMSObject> objects) {
        GXDLMSClock meterClock = PaymentObjects.clock(objects);
        return meterClock == null ? Instant.now() : clock.now(meterClock);
    }
}
