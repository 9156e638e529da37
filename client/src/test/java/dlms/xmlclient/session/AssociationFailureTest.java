package dlms.xmlclient.session;

import dlms.xmlclient.media.Medium;

import gurux.common.GXCommon;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXDLMSExceptionResponse;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ExceptionServiceError;
import gurux.dlms.enums.ExceptionStateError;
import gurux.dlms.enums.InterfaceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AssociationFailureTest {

    static final ConnectionSettings GMAC = new ConnectionSettings(Medium.tcp("meter", 4059), InterfaceType.HDLC, true, 1, 1,
            Authentication.HIGH_GMAC, null, SecuritySettings.NONE, HdlcParameters.DEFAULT, ReplyLimits.DEFAULT, FindingPolicy.FAIL);
    static final ConnectionSettings LOW = new ConnectionSettings(Medium.tcp("meter", 4059), InterfaceType.HDLC, true, 17, 1,
            Authentication.LOW, "x", SecuritySettings.NONE, HdlcParameters.DEFAULT, ReplyLimits.DEFAULT, FindingPolicy.FAIL);

    /** The failure with each suspect setting as a placeholder, where a caller words where it was set. */
    static String worded(SessionException e) {
        return e.worded(setting -> List.of("<" + setting.name() + ">"));
    }

    /** An AARE rejecting the association (result 1) with the given acse-service-user diagnostic. */
    static byte[] aare(int diagnostic) {
        return GXCommon.hexToBytes("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 "
                + String.format("%02X", diagnostic)
                + " BE 10 04 0E 08 00 06 5F 1F 04 00 00 10 1D 04 00 00 07");
    }

    @Test
    void guruxCannotNameDiagnostic3SoTheCauseIsReadFromTheAare() throws Exception {
        // gurux.dlms 4.0.47 defect: GXDLMSException knows only some diagnostics and throws
        // UnsupportedOperationException for calling-AP-title-not-recognised (3) and the like.
        GXDLMSClient library = new GXDLMSClient(true, 1, 1, Authentication.HIGH_GMAC, null, InterfaceType.HDLC);
        assertThrows(UnsupportedOperationException.class,
                () -> library.parseAareResponse(new GXByteBuffer(aare(3))));
        SessionException e = AssociationFailure.rejected(AcseApdu.parse(aare(3)), GMAC);
        assertEquals("association rejected by the meter: calling-AP-title-not-recognized (3)", e.getMessage());
        assertEquals(List.of(Setting.SYSTEM_TITLE), e.suspects());
        assertEquals("association rejected by the meter: calling-AP-title-not-recognized (3) (our system title:"
                + " check <SYSTEM_TITLE>)", worded(e));
    }

    @Test
    void eachDiagnosticIsNamedAsTheGreenBookNamesItWithAHintWhereItSupportsOne() throws Exception {
        SessionException password = AssociationFailure.rejected(AcseApdu.parse(aare(13)), LOW);
        assertEquals("association rejected by the meter: authentication-failure (13): wrong password",
                password.getMessage());
        assertEquals(List.of(Setting.PASSWORD), password.suspects());
        assertEquals("association rejected by the meter: authentication-failure (13): wrong password (check"
                + " <PASSWORD>)", worded(password));
        assertEquals("association rejected by the meter: authentication-mechanism-name-not-recognised (11) (check"
                        + " <AUTHENTICATION> and <CLIENT_ADDRESS>: the meter offers another level to client 17)",
                worded(AssociationFailure.rejected(AcseApdu.parse(aare(11)), LOW)));
        assertEquals("association rejected by the meter: application-context-name-not-supported (2) (check"
                        + " <REFERENCING>, and <SECURITY>: the meter may need ciphering on this client, or refuse it)",
                worded(AssociationFailure.rejected(AcseApdu.parse(aare(2)), GMAC)));
        SessionException plain = AssociationFailure.rejected(AcseApdu.parse(aare(1)), GMAC);
        assertEquals("association rejected by the meter: no-reason-given (1)", worded(plain));
        assertEquals(List.of(), plain.suspects());
    }

    @Test
    void aStaleCounterAndAnUndecipherableRequestAreNamed() {
        GXDLMSExceptionResponse stale = new GXDLMSExceptionResponse(ExceptionStateError.SERVICE_NOT_ALLOWED,
                ExceptionServiceError.INVOCATION_COUNTER_ERROR, 13L);
        assertEquals("invocation counter 5 refused by the meter as too low (the meter reports 13): read the meter's"
                        + " counter with <INVOCATION_COUNTER_OBJECT> 0.0.43.1.x.255 (its invocation counter object for"
                        + " this client) or start above it with <INVOCATION_COUNTER>",
                worded(AssociationFailure.refused("AARQ", stale, 5)));
        GXDLMSExceptionResponse garbled = new GXDLMSExceptionResponse(ExceptionStateError.SERVICE_NOT_ALLOWED,
                ExceptionServiceError.DECIPHERING_ERROR, null);
        SessionException undeciphered = AssociationFailure.refused("AARQ", garbled, 0);
        assertEquals("the meter could not decipher the AARQ", undeciphered.getMessage());
        assertEquals("the meter could not decipher the AARQ: wrong block cipher key (<BLOCK_CIPHER_KEY>), authentication"
                + " key (<AUTHENTICATION_KEY>) or security suite (<SECURITY_SUITE>)", worded(undeciphered));
    }
}
