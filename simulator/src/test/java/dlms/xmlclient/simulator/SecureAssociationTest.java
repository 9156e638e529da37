package dlms.xmlclient.simulator;

import org.junit.jupiter.api.Tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.GXDLMSException;
import gurux.dlms.GXDLMSExceptionResponse;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.ExceptionServiceError;
import gurux.dlms.enums.ExceptionStateError;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.SourceDiagnostic;
import gurux.dlms.objects.enums.ApplicationContextName;

/** The association table the client side relies on, with a real client per association. */
@Tag("integration")
class SecureAssociationTest {

    /** Client SAP, association, authentication, secret, ciphered. */
    static Stream<Arguments> associations() {
        return Stream.of(
                Arguments.of(16, "0.0.40.0.1.255", Authentication.NONE, null, false),
                Arguments.of(17, "0.0.40.0.2.255", Authentication.LOW, "00000000", false),
                Arguments.of(18, "0.0.40.0.3.255", Authentication.HIGH, "Gurux", false),
                Arguments.of(1, "0.0.40.0.4.255", Authentication.HIGH_GMAC, null, true),
                Arguments.of(2, "0.0.40.0.5.255", Authentication.HIGH_MD5, "Gurux", true),
                Arguments.of(3, "0.0.40.0.6.255", Authentication.HIGH_SHA1, "Gurux", true),
                Arguments.of(4, "0.0.40.0.7.255", Authentication.HIGH_SHA256, "Gurux", true));
    }

    static TestClient client(MeterSimulator meter, int sap,
            Authentication authentication, String secret, boolean ciphered)
            throws Exception {
        return ciphered ? TestClient.ciphered(meter, sap, authentication, secret, 1)
                : TestClient.connect(meter, sap, authentication, secret);
    }

    @ParameterizedTest(name = "client {0} {2}")
    @MethodSource("associations")
    void everyAssociationReadsTheClockWithItsCredentials(int sap, String ln,
            Authentication authentication, String secret, boolean ciphered)
            throws Exception {
        for (boolean wrapper : new boolean[] {false, true}) {
            try (MeterSimulator meter = MeterSimulator.start(
                    new SimulatorOptions().port(0).wrapper(wrapper));
                    TestClient client = client(meter, sap, authentication, secret, ciphered)
                            .associate()) {
                GXReplyData clock = client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2);
                assertEquals(0, clock.getError());
                assertEquals(12, ((byte[]) clock.getValue()).length, "date-time");
                GXReplyData partners = client.read(Associations.CURRENT,
                        ObjectType.ASSOCIATION_LOGICAL_NAME, 3);
                assertEquals(sap, ((Number) ((List<?>) partners.getValue()).get(0)).intValue());
                client.release();
            }
        }
    }

    @ParameterizedTest(name = "client {0} {2}")
    @MethodSource("associations")
    void associationsUseTheirMechanismContextAndSecuritySetup(int sap, String ln,
            Authentication authentication, String secret, boolean ciphered) {
        var association = Associations.forClient(DefaultDevice.create(), sap);
        assertEquals(ln, association.getLogicalName());
        assertEquals(authentication, association.getAuthenticationMechanismName()
                .getMechanismId());
        assertEquals(ciphered ? ApplicationContextName.LOGICAL_NAME_WITH_CIPHERING
                : ApplicationContextName.LOGICAL_NAME,
                association.getApplicationContextName().getContextId());
        if (ciphered) {
            assertEquals("0.0.43.0." + sap + ".255", association.getSecuritySetupReference());
        }
    }

    @ParameterizedTest(name = "client {0}")
    @ValueSource(ints = {18, 2, 3, 4})
    void wrongHlsSecretGetsReadWriteDeniedInTheHlsReplyAndNothingIsServed(int sap)
            throws Exception {
        Authentication authentication = Associations.forClient(DefaultDevice.create(), sap)
                .getAuthenticationMechanismName().getMechanismId();
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = client(meter, sap, authentication, "Wrong", sap < 16)) {
            // The AARE accepts (authentication-required), waiting for the client's HLS reply ...
            client.aarq();
            GXReplyData hls = client.exchange(client.dlms().getApplicationAssociationRequest());
            // ... which is refused: no f(CtoS) from the meter.
            assertEquals(ErrorCode.READ_WRITE_DENIED.getValue(), hls.getError());
            assertThrows(GXDLMSException.class,
                    () -> client.dlms().parseApplicationAssociationResponse(hls.getData()));
            if (sap < 16) {
                // gurux.dlms alone would serve a ciphered request now.
                GXReplyData clock = client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2);
                assertEquals(ErrorCode.READ_WRITE_DENIED.getValue(), clock.getError());
                assertNull(clock.getValue());
            } else {
                GXDLMSExceptionResponse e = assertThrows(GXDLMSExceptionResponse.class,
                        () -> client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2));
                assertEquals(ExceptionStateError.SERVICE_UNKNOWN, e.getStateError());
                assertEquals(ExceptionServiceError.SERVICE_NOT_SUPPORTED,
                        e.getExceptionServiceError());
            }
        }
    }

    @ParameterizedTest(name = "client {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void cipheredRequestWithoutTheHlsReplyIsNotServed(int sap) throws Exception {
        var association = Associations.forClient(DefaultDevice.create(), sap);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.ciphered(meter, sap,
                        association.getAuthenticationMechanismName().getMechanismId(), "Gurux",
                        1).aarq()) {
            GXReplyData clock = client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2);
            assertEquals(ErrorCode.READ_WRITE_DENIED.getValue(), clock.getError());
        }
    }

    @ParameterizedTest(name = "client {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void plainAarqForACipheredAssociationIsRejected(int sap) throws Exception {
        var association = Associations.forClient(DefaultDevice.create(), sap);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                TestClient client = TestClient.connect(meter, sap,
                        association.getAuthenticationMechanismName().getMechanismId(), "Gurux")) {
            GXDLMSException e = assertThrows(GXDLMSException.class, client::associate);
            assertEquals(SourceDiagnostic.NOT_SUPPORTED.getValue(),
                    e.getDiagnostic());
            assertNotNull(e.getResult());
        }
    }
}
