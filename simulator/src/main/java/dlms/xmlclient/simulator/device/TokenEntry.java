package dlms.xmlclient.simulator.device;

import java.time.Instant;
import java.util.List;

import gurux.dlms.objects.GXDLMSAccount;
import gurux.dlms.objects.GXDLMSCredit;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSTokenGateway;
import gurux.dlms.objects.GXTokenGatewayConfiguration;
import gurux.dlms.objects.enums.AccountStatus;
import gurux.dlms.objects.enums.TokenDelivery;
import gurux.dlms.objects.enums.TokenStatusCode;

/**
 * The Token gateway's enter method (Blue Book class 115, method 1): the token is kept in
 * token (attribute 2) with its time (3), delivered remotely (5), and its processing ends in
 * token_status (6), the first check that fails naming it: token_format_failure (not a
 * {@link TestToken}), authentication_failure (its check value is wrong: a typo),
 * validation_result_failure (this gateway has accepted it already),
 * token_execution_result_failure (the account is not active, or the credit would overflow);
 * token_execution_ok when its amount went to the credits of the account's
 * token_gateway_configuration, each its token_proportion (percent).
 */
final class TokenEntry {

    private TokenEntry() {
    }

    /**
     * @param gateway the Token gateway
     * @param token the method's parameter
     * @param objects the device
     * @param now the meter's time
     */
    static void enter(GXDLMSTokenGateway gateway, byte[] token,
            List<? extends GXDLMSObject> objects, Instant now) {
        gateway.setToken(token);
        gateway.setTime(PaymentTimes.at(now));
        gateway.setDeliveryMethod(TokenDelivery.REMOTE);
        gateway.setDataValue("");
        gateway.getDescriptions().clear();
        TokenStatusCode status = TestToken.check(token);
        if (status == TokenStatusCode.FORMAT_OK) {
            status = execute(gateway, TestToken.decode(token), objects);
        }
        gateway.setStatusCode(status);
        SupplyControl.update(objects);
    }

    private static TokenStatusCode execute(GXDLMSTokenGateway gateway, TestToken token,
            List<? extends GXDLMSObject> objects) {
        if (UsedTokens.isUsed(gateway, token.id())) {
            return TokenStatusCode.VALIDATION_RESULT_FAILURE;
        }
        GXDLMSAccount account = PaymentObjects.account(objects);
        if (account == null || account.getAccountStatus() != AccountStatus.ACTIVE
                || account.getTokenGatewayConfigurations() == null) {
            return TokenStatusCode.TOKEN_EXECUTION_RESULT_FAILURE;
        }
        List<GXTokenGatewayConfiguration> shares = account.getTokenGatewayConfigurations();
        long[] amounts = new long[shares.size()];
        for (int i = 0; i != amounts.length; ++i) {
            GXDLMSCredit credit = PaymentObjects.credit(objects,
                    shares.get(i).getCreditReference());
            long share = token.amount() * (shares.get(i).getTokenProportion() & 0xFF) / 100;
            amounts[i] = credit == null ? 0 : credit.getCurrentCreditAmount() + share;
            if (amounts[i] > Integer.MAX_VALUE) {
                return TokenStatusCode.TOKEN_EXECUTION_RESULT_FAILURE;
            }
        }
        for (int i = 0; i != amounts.length; ++i) {
            GXDLMSCredit credit = PaymentObjects.credit(objects,
                    shares.get(i).getCreditReference());
            if (credit != null) {
                credit.setCurrentCreditAmount((int) amounts[i]);
            }
        }
        UsedTokens.use(gateway, token.id());
        gateway.getDescriptions().add(Prepayment.description(token));
        return TokenStatusCode.TOKEN_EXECUTION_OK;
    }
}
