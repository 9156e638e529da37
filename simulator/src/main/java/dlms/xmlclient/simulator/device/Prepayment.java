package dlms.xmlclient.simulator.device;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import gurux.dlms.objects.GXChargePerUnitScaling;
import gurux.dlms.objects.GXChargeTable;
import gurux.dlms.objects.GXCommodity;
import gurux.dlms.objects.GXCreditChargeConfiguration;
import gurux.dlms.objects.GXCurrency;
import gurux.dlms.objects.GXDLMSAccount;
import gurux.dlms.objects.GXDLMSCharge;
import gurux.dlms.objects.GXDLMSCredit;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSTokenGateway;
import gurux.dlms.objects.GXTokenGatewayConfiguration;
import gurux.dlms.objects.GXUnitCharge;
import gurux.dlms.objects.enums.AccountStatus;
import gurux.dlms.objects.enums.ChargeConfiguration;
import gurux.dlms.objects.enums.ChargeType;
import gurux.dlms.objects.enums.CreditConfiguration;
import gurux.dlms.objects.enums.CreditStatus;
import gurux.dlms.objects.enums.CreditType;
import gurux.dlms.objects.enums.Currency;
import gurux.dlms.objects.enums.PaymentMode;
import gurux.dlms.objects.enums.TokenDelivery;
import gurux.dlms.objects.enums.TokenStatusCode;

/**
 * The built-in meter's payment metering objects (Blue Book payment metering classes, OBIS
 * group C 19 "prepayment"): one prepayment Account, a token credit and an emergency credit,
 * a standing charge and the Token gateway, in euro cents. {@link #reset} puts every one of
 * them back as {@link #addDefaults} made it; what they do is in {@link PaymentBehaviours}.
 */
public final class Prepayment {

    public static final String ACCOUNT = "0.0.19.0.0.255";
    public static final String TOKEN_CREDIT = "0.0.19.10.0.255";
    public static final String EMERGENCY_CREDIT = "0.0.19.10.1.255";
    public static final String STANDING_CHARGE = "0.0.19.20.0.255";
    public static final String TOKEN_GATEWAY = "0.0.19.40.0.255";

    /** Token credit on delivery: 5.00 EUR, two standing charges. */
    static final int INITIAL_CREDIT = 500;
    /** The standing charge collected per period: 2.50 EUR. */
    static final short STANDING_CHARGE_PER_PERIOD = 250;
    /** Below this the account is in low credit: 3.00 EUR. */
    static final int LOW_CREDIT_THRESHOLD = 300;
    static final int EMERGENCY_CREDIT_AMOUNT = 1000;
    /** The account was opened at 2026-01-01T00:00Z, as the load profile starts. */
    static final long ACTIVATION_EPOCH_SECOND = 1_767_225_600L;

    private Prepayment() {
    }

    /** Adds the payment metering objects, in their initial state, to the built-in device. */
    static void addDefaults(GXDLMSObjectCollection objects) {
        objects.add(new GXDLMSAccount(ACCOUNT));
        objects.add(new GXDLMSCredit(TOKEN_CREDIT));
        objects.add(new GXDLMSCredit(EMERGENCY_CREDIT));
        objects.add(new GXDLMSCharge(STANDING_CHARGE));
        objects.add(new GXDLMSTokenGateway(TOKEN_GATEWAY));
        reset(objects);
    }

    /** @return true for an object of the payment metering classes 111, 112, 113 and 115 */
    public static boolean isPaymentObject(GXDLMSObject object) {
        return object instanceof GXDLMSAccount || object instanceof GXDLMSCredit
                || object instanceof GXDLMSCharge || object instanceof GXDLMSTokenGateway;
    }

    /**
     * @return false for the Token gateway and the Charges, which a real meter keeps from its
     *         public client; true for every other object (the Account and Credits are read
     *         by in-home displays through the public client)
     */
    public static boolean isPublic(GXDLMSObject object) {
        return !(object instanceof GXDLMSTokenGateway || object instanceof GXDLMSCharge);
    }

    /**
     * Puts the device's payment metering objects (those at the built-in logical names) back in
     * their initial state. The Token gateway's memory of used tokens is kept apart, in
     * {@link UsedTokens}.
     */
    static void reset(List<? extends GXDLMSObject> objects) {
        for (GXDLMSObject it : objects) {
            if (it instanceof GXDLMSAccount && ACCOUNT.equals(it.getLogicalName())) {
                account((GXDLMSAccount) it);
            } else if (it instanceof GXDLMSCredit && TOKEN_CREDIT.equals(it.getLogicalName())) {
                tokenCredit((GXDLMSCredit) it);
            } else if (it instanceof GXDLMSCredit
                    && EMERGENCY_CREDIT.equals(it.getLogicalName())) {
                emergencyCredit((GXDLMSCredit) it);
            } else if (it instanceof GXDLMSCharge
                    && STANDING_CHARGE.equals(it.getLogicalName())) {
                standingCharge((GXDLMSCharge) it);
            } else if (it instanceof GXDLMSTokenGateway
                    && TOKEN_GATEWAY.equals(it.getLogicalName())) {
                tokenGateway((GXDLMSTokenGateway) it);
            }
        }
    }

    private static void account(GXDLMSAccount account) {
        account.setPaymentMode(PaymentMode.PREPAYMENT);
        account.setAccountStatus(AccountStatus.ACTIVE);
        account.setCurrentCreditInUse((byte) 1);
        account.setAvailableCredit(INITIAL_CREDIT);
        account.setAmountToClear(0);
        account.setClearanceThreshold(0);
        account.setAggregatedDebt(0);
        account.setCreditReferences(new ArrayList<>(List.of(TOKEN_CREDIT, EMERGENCY_CREDIT)));
        account.setChargeReferences(new ArrayList<>(List.of(STANDING_CHARGE)));
        GXCreditChargeConfiguration collection = new GXCreditChargeConfiguration();
        collection.setCreditReference(TOKEN_CREDIT);
        collection.setChargeReference(STANDING_CHARGE);
        account.setCreditChargeConfigurations(new ArrayList<>(List.of(collection)));
        GXTokenGatewayConfiguration tokens = new GXTokenGatewayConfiguration();
        tokens.setCreditReference(TOKEN_CREDIT);
        tokens.setTokenProportion((byte) 100);
        account.setTokenGatewayConfigurations(new ArrayList<>(List.of(tokens)));
        account.setAccountActivationTime(PaymentTimes.at(ACTIVATION_EPOCH_SECOND));
        account.setAccountClosureTime(PaymentTimes.notSpecified());
        GXCurrency euro = new GXCurrency();
        euro.setName("EUR");
        euro.setScale((short) -2);
        euro.setUnit(Currency.MONETARY);
        account.setCurrency(euro);
        account.setLowCreditThreshold(LOW_CREDIT_THRESHOLD);
        account.setNextCreditAvailableThreshold(0);
        account.setMaxProvision(0);
        account.setMaxProvisionPeriod(0);
    }

    private static void tokenCredit(GXDLMSCredit credit) {
        credit.setCurrentCreditAmount(INITIAL_CREDIT);
        credit.setType(CreditType.TOKEN);
        credit.setPriority((byte) 1);
        credit.setWarningThreshold(LOW_CREDIT_THRESHOLD);
        credit.setLimit(0);
        credit.setCreditConfiguration(EnumSet.of(CreditConfiguration.VISUAL,
                CreditConfiguration.TOKENS));
        credit.setStatus(CreditStatus.IN_USE);
        credit.setPresetCreditAmount(0);
        credit.setCreditAvailableThreshold(0);
        credit.setPeriod(PaymentTimes.notSpecified());
    }

    private static void emergencyCredit(GXDLMSCredit credit) {
        credit.setCurrentCreditAmount(EMERGENCY_CREDIT_AMOUNT);
        credit.setType(CreditType.EMERGENCY);
        credit.setPriority((byte) 2);
        credit.setWarningThreshold(0);
        credit.setLimit(0);
        credit.setCreditConfiguration(EnumSet.of(CreditConfiguration.VISUAL,
                CreditConfiguration.CONFIRMATION, CreditConfiguration.PAID_BACK,
                CreditConfiguration.RESETTABLE));
        credit.setStatus(CreditStatus.ENABLED);
        credit.setPresetCreditAmount(EMERGENCY_CREDIT_AMOUNT);
        credit.setCreditAvailableThreshold(LOW_CREDIT_THRESHOLD);
        credit.setPeriod(PaymentTimes.notSpecified());
    }

    private static void standingCharge(GXDLMSCharge charge) {
        charge.setTotalAmountPaid(0);
        charge.setChargeType(ChargeType.TIME_BASED_COLLECTION);
        charge.setPriority((byte) 1);
        charge.setUnitChargeActive(unitCharge());
        charge.setUnitChargePassive(unitCharge());
        charge.setUnitChargeActivationTime(PaymentTimes.at(ACTIVATION_EPOCH_SECOND));
        charge.setPeriod(86_400);
        charge.setChargeConfiguration(EnumSet.of(ChargeConfiguration.CONTINUOUS_COLLECTION));
        charge.setLastCollectionTime(PaymentTimes.notSpecified());
        charge.setLastCollectionAmount(0);
        charge.setTotalAmountRemaining(0);
        charge.setProportion(0);
    }

    /** A time-based charge: no commodity, one price per period at price_scale -2 (cents). */
    private static GXUnitCharge unitCharge() {
        GXUnitCharge unit = new GXUnitCharge();
        GXChargePerUnitScaling scaling = new GXChargePerUnitScaling();
        scaling.setCommodityScale((short) 0);
        scaling.setPriceScale((short) -2);
        unit.setChargePerUnitScaling(scaling);
        unit.setCommodity(new GXCommodity());
        GXChargeTable price = new GXChargeTable();
        price.setIndex("");
        price.setChargePerUnit(STANDING_CHARGE_PER_PERIOD);
        unit.setChargeTables(new GXChargeTable[] {price});
        return unit;
    }

    private static void tokenGateway(GXDLMSTokenGateway gateway) {
        gateway.setToken(new byte[0]);
        gateway.setTime(PaymentTimes.notSpecified());
        gateway.getDescriptions().clear();
        gateway.setDeliveryMethod(TokenDelivery.REMOTE);
        gateway.setStatusCode(TokenStatusCode.FORMAT_OK);
        gateway.setDataValue("");
    }

    /** @return the description of an accepted token (token_description's one entry) */
    static String description(TestToken token) {
        return "TID " + token.id() + " +" + token.amount();
    }
}
