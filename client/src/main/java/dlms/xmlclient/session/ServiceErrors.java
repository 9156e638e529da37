package dlms.xmlclient.session;

import gurux.dlms.GXDLMSConfirmedServiceError;
import gurux.dlms.GXDLMSExceptionResponse;

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

    /** An enum constant as the standard spells it: SERVICE_NOT_ALLOWED → service-not-allowed. */
    private static String name(Enum<?> value) {
        return value == null ? "undefined" : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
