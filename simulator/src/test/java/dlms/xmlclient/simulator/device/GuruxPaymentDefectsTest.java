package dlms.xmlclient.simulator.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.objects.GXDLMSCharge;
import gurux.dlms.objects.GXDLMSCredit;
import gurux.dlms.objects.GXDLMSTokenGateway;

/**
 * What gurux.dlms 4.0.47's payment metering classes do wrong on a server, each the reason for
 * a part of {@link PaymentBehaviours}. When one of these fails, gurux.dlms was fixed and the
 * work-around may go.
 */
class GuruxPaymentDefectsTest {

    @Test
    void guruxTokenGatewayRefusesEnter() throws Exception {
        GXDLMSTokenGateway gateway = new GXDLMSTokenGateway(Prepayment.TOKEN_GATEWAY);
        ValueEventArgs e = new ValueEventArgs(gateway, 1, 0, new byte[10]);
        gateway.invoke(null, e);
        assertEquals(ErrorCode.READ_WRITE_DENIED, e.getError(), "TokenEntry may use it now");
    }

    @Test
    void guruxCreditUpdateAmountFailsOnItsParameter() {
        // The parameter is read from the event's value, which a server's action leaves null.
        GXDLMSCredit credit = new GXDLMSCredit(Prepayment.TOKEN_CREDIT);
        assertThrows(NullPointerException.class,
                () -> credit.invoke(null, new ValueEventArgs(credit, 1, 0, 100)));
    }

    @Test
    void guruxChargeTypesLastCollectionTimeAsDateTimeNotOctetString() {
        // Blue Book, Charge (class 113): last_collection_time is an octet-string (a
        // date-time), as unit_charge_activation_time (7) is.
        GXDLMSCharge charge = new GXDLMSCharge(Prepayment.STANDING_CHARGE);
        assertEquals(DataType.OCTET_STRING, charge.getDataType(7));
        assertEquals(DataType.DATETIME, charge.getDataType(10), "PaymentTimes may go");
    }
}
