package dlms.xmlclient.session;

import gurux.dlms.GXDLMSExceptionResponse;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ExceptionServiceError;

import javax.crypto.AEADBadTagException;

/**
 * Why an association failed, in one line with a hint at the settings to check, from what the
 * meter sent: the AARE's result and diagnostic, an exception-response, or a reply that cannot
 * be deciphered. Never names a secret.
 */
final class AssociationFailure {

    private AssociationFailure() {
    }

    /**
     * The AARE rejected the association (result 1 or 2): the diagnostic in words, read from the
     * AARE itself, with a hint where the diagnostic supports one.
     */
    static SessionException rejected(AcseApdu aare, ConnectionSettings settings) {
        int result = aare.result();
        String rejection = "association rejected by the meter" + (result == 2 ? " (transient)" : "");
        int diagnostic = aare.diagnostic();
        if (aare.diagnosticSource() == 0xA2) {
            return failure(rejection + ": ACSE service provider diagnostic " + switch (diagnostic) {
                case 0 -> "null (0)";
                case 1 -> "no-reason-given (1)";
                case 2 -> "no-common-acse-version (2)";
                default -> "undefined (" + diagnostic + ")";
            }, Hint.NONE);
        }
        if (aare.diagnosticSource() != 0xA1 || diagnostic < 0) {
            return failure(rejection + ", without a readable result-source-diagnostic", Hint.NONE);
        }
        String why = rejection + ": " + AcseApdu.userDiagnosticName(diagnostic);
        return switch (diagnostic) {
            case 2 -> failure(why, Hint.of(" (check ").then(Setting.REFERENCING).then(", and ").then(Setting.SECURITY)
                    .then(": the meter may need ciphering on this client, or refuse it)"));
            case 3 -> failure(why, Hint.of(" (our system title: check ").then(Setting.SYSTEM_TITLE).then(")"));
            case 11 -> failure(why, Hint.of(" (check ").then(Setting.AUTHENTICATION, Setting.CLIENT_ADDRESS)
                    .then(": the meter offers another level to client " + settings.clientAddress() + ")"));
            case 12, 14 -> failure(why, Hint.check(Setting.AUTHENTICATION));
            case 13 -> authenticationFailure(why, settings);
            default -> failure(why, Hint.NONE);
        };
    }

    /**
     * Diagnostic 13 is evidence against what the AARQ carried: the LLS password, or (HighGMAC) the
     * keys its ciphered user-information was protected with. An HLS secret is first used in pass
     * 3, so the AARE says nothing about it.
     */
    private static SessionException authenticationFailure(String why, ConnectionSettings settings) {
        Authentication a = settings.authentication();
        if (a == Authentication.LOW) {
            return failure(why + ": wrong password", Hint.check(Setting.PASSWORD));
        }
        if (a == Authentication.HIGH_GMAC && settings.security().ciphered()) {
            return failure(why, Hint.check(Setting.AUTHENTICATION_KEY, Setting.BLOCK_CIPHER_KEY, Setting.SYSTEM_TITLE));
        }
        return failure(why, Hint.NONE);
    }

    /** A service error the meter sent instead of an AARE or challenge reply. */
    static SessionException refused(String what, RuntimeException serviceError, long sentCounter) {
        if (serviceError instanceof GXDLMSExceptionResponse e) {
            if (e.getExceptionServiceError() == ExceptionServiceError.INVOCATION_COUNTER_ERROR) {
                return invocationCounterTooLow(sentCounter, e.getValue());
            }
            if (e.getExceptionServiceError() == ExceptionServiceError.DECIPHERING_ERROR) {
                return failure("the meter could not decipher the " + what, Hint.of(": wrong block cipher key (")
                        .then(Setting.BLOCK_CIPHER_KEY).then("), authentication key (").then(Setting.AUTHENTICATION_KEY)
                        .then(") or security suite (").then(Setting.SECURITY_SUITE).then(")"));
            }
        }
        return failure(what + " refused by the meter: " + ServiceErrors.describe(serviceError), Hint.NONE);
    }

    private static SessionException invocationCounterTooLow(long sent, Object meterValue) {
        return failure("invocation counter " + sent + " refused by the meter as too low"
                + (meterValue == null ? "" : " (the meter reports " + meterValue + ")"),
                Hint.of(": read the meter's counter with ").then(Setting.INVOCATION_COUNTER_OBJECT)
                        .then(" 0.0.43.1.x.255 (its invocation counter object for this client) or start above it with ")
                        .then(Setting.INVOCATION_COUNTER));
    }

    /** The meter's {@code what} (AARE, reply) cannot be deciphered with our keys. */
    static SessionException undecipherable(SessionException.Kind kind, String what, Throwable cause) {
        return new SessionException(kind, "cannot decipher the meter's " + what, Hint.of(": wrong block cipher key (")
                .then(Setting.BLOCK_CIPHER_KEY).then("), authentication key (").then(Setting.AUTHENTICATION_KEY)
                .then(") or dedicated key (").then(Setting.DEDICATED_KEY).then("), or another security suite (")
                .then(Setting.SECURITY_SUITE).then(")"), cause);
    }

    private static SessionException failure(String message, Hint hint) {
        return new SessionException(SessionException.Kind.ASSOCIATE, message, hint);
    }

    /** The library could not decipher what it received (wrong key, title or suite). */
    static boolean isDecipheringFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AEADBadTagException || (t instanceof GXDLMSExceptionResponse r
                    && r.getExceptionServiceError() == ExceptionServiceError.DECIPHERING_ERROR)) {
                return true;
            }
        }
        return false;
    }
}
