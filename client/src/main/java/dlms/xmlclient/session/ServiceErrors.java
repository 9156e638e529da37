package dlms.xmlclient.session;

import gurux.dlms.GXDLMSConfirmedServiceError;
import gurux.dlms.GXDLMSExceptionResponse;
import gurux.dlms.enums.ErrorCode;

import java.util.Locale;

/**
 * A service-level error the meter sent (exception-response, confirmed-service-error) in the
 * Green Book's words, from the fields gurux.dlms parsed: never the library's own message text.
 */
final class ServiceErrors {

    private ServiceErrors() {
    }

    static String describe(RuntimeException error) {
        if (error instanceof GXDLMSExceptionResponse e) {
            return "exception-response: state-error " + name(e.getStateError()) + ", service-error "
                    + name(e.getExceptionServiceError())
                    + (e.getValue() == null ? "" : " (" + e.getValue() + ")");
        }
        if (error instanceof GXDLMSConfirmedServiceError e) {
            return "confirmed-service-error: " + name(e.getConfirmedServiceError()) + ", "
                    + name(e.getServiceError()) + " " + (e.getServiceErrorValue() & 0xFF);
        }
        return "a service error (" + error.getClass().getSimpleName() + ")";
    }

    /**
     * A data-access-result as the Blue Book spells it, e.g. read-write-denied. gurux.dlms 4.0.47
     * has no name (null) for a value the standard does not define: the number is given then.
     */
    static String dataAccessResult(int error) {
        ErrorCode code = ErrorCode.forValue(error);
        return code == null ? "result " + error + ", which DLMS does not define" : name(code);
    }

    /** An enum constant as the standard spells it: SERVICE_NOT_ALLOWED → service-not-allowed. */
    private static String name(Enum<?> value) {
        return value == null ? "undefined" : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
