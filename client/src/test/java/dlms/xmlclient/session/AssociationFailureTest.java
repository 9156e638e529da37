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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AssociationFailureTest {

    static final ConnectionSettings GMAC = new ConnectionSettings(Medium.tcp("meter", 4059), InterfaceType.HDLC, true, 1, 1,
            Authentication.HIGH_GMAC, null, SecuritySettings.NONE, HdlcParameters.DEFAULT, ReplyLimits.DEFAULT, FindingPolicy.FAIL);
    static final ConnectionSettings LOW = new ConnectionSettings(Medium.tcp("meter", 4059), InterfaceType.HDLC, true, 17, 1,
            Authentication.LOW, "x", SecuritySettings.NONE, HdlcParameters.DEFAULT, ReplyLimits.DEFAULT, FindingPolicy.FAIL);

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
        assertEquals("association rejected by the meter: calling-AP-title-not-recognized (3) (our system title:"
                + " check -T)", AssociationFailure.rejected(AcseApdu.parse(aare(3)), GMAC));
    }

    @Test
    void eachDiagnosticIsNamedAsTheGreenBookNamesItWithAHintWhereItSupportsOne() throws Exception {
        assertEquals("association rejected by the meter: authentication-failure (13): wrong password (check -P)",
                AssociationFailure.rejected(AcseApdu.parse(aare(13)), LOW));
        assertEquals("association rejected by the meter: authentication-mechanism-name-not-recognised (11) (check -a"
                        + " and -c: the meter offers another level to client 17)",
                AssociationFailure.rejected(AcseApdu.parse(aare(11)), LOW));
        assertEquals("association rejected by the meter: application-context-name-not-supported (2) (check -r, and"
                        + " -C: the meter may need ciphering on this client, or refuse it)",
                AssociationFailure.rejected(AcseApdu.parse(aare(2)), GMAC));
        assertEquals("association rejected by the meter: no-reason-given (1)",
                AssociationFailure.rejected(AcseApdu.parse(aare(1)), GMAC));
    }

    @Test
    void aStaleCounterAndAnUndecipherableRequestAreNamed() {
        GXDLMSExceptionResponse stale = new GXDLMSExceptionResponse(ExceptionStateError.SERVICE_NOT_ALLOWED,
                ExceptionServiceError.INVOCATION_COUNTER_ERROR, 13L);
        assertEquals("invocation counter 5 refused by the meter as too low (the meter reports 13): read the meter's"
                        + " counter with -v 0.0.43.1.x.255 (its invocation counter object for this client) or start"
                        + " above it with -F", AssociationFailure.refused("AARQ", stale, 5));
        GXDLMSExceptionResponse garbled = new GXDLMSExceptionResponse(ExceptionStateError.SERVICE_NOT_ALLOWED,
                ExceptionServiceError.DECIPHERING_ERROR, null);
        assertEquals("the meter could not decipher the AARQ: wrong block cipher key (-B), authentication key (-A)"
                + " or security suite (-V)", AssociationFailure.refused("AARQ", garbled, 0));
    }
}
