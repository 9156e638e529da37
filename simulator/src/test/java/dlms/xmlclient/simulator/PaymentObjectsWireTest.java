package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.device.Prepayment;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ObjectType;

/**
 * The payment metering objects' attributes as they go on the wire, against the types of the
 * Blue Book (DLMS UA 1000-1: Account class 111, Credit 112, Charge 113, Token gateway 115),
 * written out by hand: the GetResponse-normal header C4 01 C1 00, then the Data.
 */
@Tag("integration")
class PaymentObjectsWireTest {

    private static final String GET_RESPONSE = "C4 01 C1 00 ";

    @Test
    void paymentAttributesHaveTheBlueBooksTypes() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.managementClient(meter).associate()) {
            // account_mode_and_status: structure {account_mode enum (2) prepayment,
            // account_status enum (2) active}
            assertEquals("02 02 16 02 16 02",
                    data(client, Prepayment.ACCOUNT, ObjectType.ACCOUNT, 2));
            // current_credit_status: bit-string, 8 bits, bit 0 (first) in credit
            assertEquals("04 08 80", data(client, Prepayment.ACCOUNT, ObjectType.ACCOUNT, 4));
            // account_activation_time: date-time as octet-string (12), 2026-01-01 Thursday
            // 00:00:00.00, deviation 0, status 0
            assertEquals("09 0C 07 EA 01 01 04 00 00 00 00 00 00 00",
                    data(client, Prepayment.ACCOUNT, ObjectType.ACCOUNT, 13));
            // account_closure_time: not specified (every field FF, deviation 8000)
            assertEquals("09 0C FF FF FF FF FF FF FF FF FF 80 00 FF",
                    data(client, Prepayment.ACCOUNT, ObjectType.ACCOUNT, 14));
            // currency: structure {name utf8-string "EUR", scale integer -2, unit enum (2)
            // monetary}
            assertEquals("02 03 0C 03 45 55 52 0F FE 16 02",
                    data(client, Prepayment.ACCOUNT, ObjectType.ACCOUNT, 15));
            // credit_configuration: bit-string, 5 bits: 0 visual indication, 4 tokens
            assertEquals("04 05 88", data(client, Prepayment.TOKEN_CREDIT, ObjectType.CREDIT, 7));
            // unit_charge_active: structure {charge_per_unit_scaling {commodity_scale 0,
            // price_scale -2}, commodity {class 0, LN 0.0.0.0.0.0, attribute 0: none, a time
            // based charge}, charge_table array {index "" , charge_per_unit long 250}}
            assertEquals("02 03 02 02 0F 00 0F FE 02 03 12 00 00 09 06 00 00 00 00 00 00 0F 00"
                    + " 01 01 02 02 09 00 10 00 FA",
                    data(client, Prepayment.STANDING_CHARGE, ObjectType.CHARGE, 5));
            // period: double-long-unsigned, one day
            assertEquals("06 00 01 51 80",
                    data(client, Prepayment.STANDING_CHARGE, ObjectType.CHARGE, 8));
            // charge_configuration: bit-string, 2 bits: 1 continuous collection
            assertEquals("04 02 40",
                    data(client, Prepayment.STANDING_CHARGE, ObjectType.CHARGE, 9));
            // last_collection_time: an octet-string (gurux.dlms would send tag 25)
            assertEquals("09 0C FF FF FF FF FF FF FF FF FF 80 00 FF",
                    data(client, Prepayment.STANDING_CHARGE, ObjectType.CHARGE, 10));
            // token_status: structure {status_code enum (0), data_value bit-string (empty)}
            assertEquals("02 02 16 00 04 00",
                    data(client, Prepayment.TOKEN_GATEWAY, ObjectType.TOKEN_GATEWAY, 6));

            client.method(Prepayment.STANDING_CHARGE, ObjectType.CHARGE, 3, 0, DataType.INT8);
            // 2.50 left, below the low credit threshold 3.00: bits 0 and 1
            assertEquals("04 08 C0", data(client, Prepayment.ACCOUNT, ObjectType.ACCOUNT, 4));
            assertEquals("05 00 00 00 FA",
                    data(client, Prepayment.ACCOUNT, ObjectType.ACCOUNT, 5));
        }
    }

    private static String data(TestClient client, String ln, ObjectType type, int attribute)
            throws Exception {
        byte[] frame = client.exchangeKeepingFrame(client.dlms().read(ln, type, attribute)[0]);
        String apdu = gurux.common.GXCommon.bytesToHex(WireApdu.of(frame, false));
        assertEquals(GET_RESPONSE, apdu.substring(0, GET_RESPONSE.length()), apdu);
        return apdu.substring(GET_RESPONSE.length());
    }
}
