package dlms.xmlclient.simulator.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import dlms.xmlclient.simulator.TestClient;
import gurux.common.GXCommon;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.enums.TokenStatusCode;

/** The Token gateway's enter method over a real association, and the test token format. */
@Tag("integration")
class TokenGatewayTest {

    private static final String GATEWAY = Prepayment.TOKEN_GATEWAY;
    /** Token 1 for 10.00 EUR; its check value computed apart from TestToken (CRC-16/X.25). */
    private static final String TOKEN_1 = "00000001000003E819C9";

    @Test
    void aTestTokenEndsInTheHdlcCheckSequenceOfItsIdentifierAndAmount() {
        assertArrayEquals(GXCommon.hexToBytes(TOKEN_1), new TestToken(1, 1000).encode());
        assertEquals(new TestToken(1, 1000), TestToken.decode(GXCommon.hexToBytes(TOKEN_1)));
    }

    @Test
    void aValidTokenIsAcceptedOnceAndItsAmountGoesToTheTokenCredit() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals(500, credit(client));
            assertEquals(0, enter(client, GXCommon.hexToBytes(TOKEN_1)));
            assertEquals(TokenStatusCode.TOKEN_EXECUTION_OK.ordinal(), status(client));
            assertEquals(1500, credit(client));
            assertEquals(1500, number(client, Prepayment.ACCOUNT, ObjectType.ACCOUNT, 5),
                    "available_credit");
            assertArrayEquals(GXCommon.hexToBytes(TOKEN_1),
                    (byte[]) client.read(GATEWAY, ObjectType.TOKEN_GATEWAY, 2).getValue());
            assertEquals(List.of("TID 1 +1000"), descriptions(client));

            assertEquals(0, enter(client, GXCommon.hexToBytes(TOKEN_1)));
            assertEquals(TokenStatusCode.VALIDATION_RESULT_FAILURE.ordinal(), status(client),
                    "the same token again");
            assertEquals(1500, credit(client));
            assertEquals(List.of(), descriptions(client));
        }
    }

    @Test
    void aMistypedTokenIsRefusedAsNotAuthenticAndAShortOneAsMalformed() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals(0, enter(client, GXCommon.hexToBytes("00000001000003E919C9")));
            assertEquals(TokenStatusCode.AUTHENTICATION_FAILURE.ordinal(), status(client));
            assertEquals(0, enter(client, GXCommon.hexToBytes("00000001000003E8")));
            assertEquals(TokenStatusCode.TOKEN_FORMAT_FAILURE.ordinal(), status(client));
            assertEquals(500, credit(client));
        }
    }

    @Test
    void enterTakesAnOctetStringOnly() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.managementClient(meter).associate()) {
            assertEquals(ErrorCode.UNMATCHED_TYPE.getValue(), client.method(GATEWAY,
                    ObjectType.TOKEN_GATEWAY, 1, 1000, DataType.INT32).getError());
            assertEquals(500, credit(client));
        }
    }

    @Test
    void theAccountsResetRestoresTheCreditAndForgetsTheUsedTokens() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.managementClient(meter).associate()) {
            enter(client, GXCommon.hexToBytes(TOKEN_1));
            assertEquals(1500, credit(client));
            assertEquals(0, client.method(Prepayment.ACCOUNT, ObjectType.ACCOUNT, 3, 0,
                    DataType.INT8).getError());
            assertEquals(500, credit(client));
            assertEquals(TokenStatusCode.FORMAT_OK.ordinal(), status(client));
            enter(client, GXCommon.hexToBytes(TOKEN_1));
            assertEquals(TokenStatusCode.TOKEN_EXECUTION_OK.ordinal(), status(client),
                    "accepted again after the reset");
            client.method(Prepayment.ACCOUNT, ObjectType.ACCOUNT, 3, 0, DataType.INT8);
        }
    }

    @Test
    void thePublicClientReadsTheCreditButNeitherSeesNorUsesTheTokenGateway() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.publicClient(meter).associate()) {
            assertEquals(500, credit(client));
            int read = client.read(GATEWAY, ObjectType.TOKEN_GATEWAY, 6).getError();
            assertEquals(ErrorCode.READ_WRITE_DENIED.getValue(), read, "token_status");
            int entered = enter(client, GXCommon.hexToBytes(TOKEN_1));
            assertEquals(ErrorCode.READ_WRITE_DENIED.getValue(), entered, "enter");
        }
    }

    private static int enter(TestClient client, byte[] token) throws Exception {
        return client.method(GATEWAY, ObjectType.TOKEN_GATEWAY, 1, token, DataType.OCTET_STRING)
                .getError();
    }

    private static int status(TestClient client) throws Exception {
        List<?> status = (List<?>) client.read(GATEWAY, ObjectType.TOKEN_GATEWAY, 6).getValue();
        return ((Number) status.get(0)).intValue();
    }

    private static List<String> descriptions(TestClient client) throws Exception {
        // gurux.dlms's client reads an empty array (01 00) as null.
        List<?> list = (List<?>) client.read(GATEWAY, ObjectType.TOKEN_GATEWAY, 4).getValue();
        return list == null ? List.of() : list.stream().map(it -> new String((byte[]) it)).toList();
    }

    private static int credit(TestClient client) throws Exception {
        return number(client, Prepayment.TOKEN_CREDIT, ObjectType.CREDIT, 2);
    }

    static int number(TestClient client, String ln, ObjectType type, int attribute)
            throws Exception {
        return ((Number) client.read(ln, type, attribute).getValue()).intValue();
    }
}
