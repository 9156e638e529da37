package dlms.xmlclient.session;

import gurux.dlms.GXDLMSExceptionResponse;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ExceptionServiceError;

import javax.crypto.AEADBadTagException;

/**
 * Why an association failed, in one line with a hint, from what the meter sent: the AARE's
 * result and diagnostic, an exception-response, or a reply that cannot be deciphered. Never
 * names a secret.
 */
final class AssociationFailure {

    private AssociationFailure() {
    }

    /**
     * The AARE rejected the association (result 1 or 2): the diagnostic in words, read from the
     * AARE itself, with a hint where the diagnostic supports one.
     */
    static String rejected(AcseApdu aare) {
        return rejected(aare, null);
    }

    static String rejected(AcseApdu aare, ConnectionSettings settings) {
        int result = aare.result();
        String rejection = "association rejected by the meter" + (result == 2 ? " (transient)" : "");
        int diagnostic = aare.diagnostic();
        if (aare.diagnosticSource() == 0xA2) {
            return rejection + ": ACSE service provider diagnostic " + switch (diagnostic) {
                case 0 -> "null (0)";
                case 1 -> "no-reason-given (1)";
                case 2 -> "no-common-acse-version (2)";
                default -> "undefined (" + diagnostic + ")";
            };
        }
        if (aare.diagnosticSource() != 0xA1 || diagnostic < 0) {
            return rejection + ", without a readable result-source-diagnostic";
        }
        String why = AcseApdu.userDiagnosticName(diagnostic);
        String hint = settings == null ? "" : switch (diagnostic) {
            case 2 -> " (check -r, and -C: the meter may need ciphering on this client, or refuse it)";
            case 3 -> " (our system title: check -T)";
            case 11 -> " (check -a and -c: the meter offers another level to client " + settings.clientAddress() + ")";
            case 12, 14 -> " (check -a)";
            case 13 -> authenticationFailureHint(settings);
            default -> "";
        };
        return rejection + ": " + why + hint;
    }

    /**
     * Diagnostic 13 is evidence against what the AARQ carried: the LLS password, or (HighGMAC) the
     * keys its ciphered user-information was protected with. An HLS secret is first used in pass
     * 3, so the AARE says nothing about it.
     */
    private static String authenticationFailureHint(ConnectionSettings settings) {
        Authentication a = settings.authentication();
        if (a == Authentication.LOW) {
            return ": wrong password (check -P)";
        }
        if (a == Authentication.HIGH_GMAC && settings.security().ciphered()) {
            return " (check -A, -B and -T)";
        }
        return "";
    }

    /** A service error the meter sent instead of an AARE or challenge reply. */
    static String refused(String what, RuntimeException serviceError, long sentCounter) {
        if (serviceError instanceof GXDLMSExceptionResponse e) {
            if (e.getExceptionServiceError() == ExceptionServiceError.INVOCATION_COUNTER_ERROR) {
                return invocationCounterTooLow(sentCounter, e.getValue());
            }
            if (e.getExceptionServiceError() == ExceptionServiceError.DECIPHERING_ERROR) {
                return "the meter could not decipher the " + what + ": wrong block cipher key (-B), authentication"
                        + " key (-A) or security suite (-V)";
            }
        }
        return what + " refused by the meter: " + ServiceErrors.describe(serviceError);
    }

    static String invocationCounterTooLow(long sent, Object meterValue) {
        return "invocation counter " + sent + " refused by the meter as too low"
                + (meterValue == null ? "" : " (the meter reports " + meterValue + ")")
                + ": read the meter's counter with -v 0.0.43.1.x.255 (its invocation counter object for this"
                + " client) or start above it with -F";
    }

    static String undecipherable(String what) {
        return "cannot decipher the meter's " + what + ": wrong block cipher key (-B), authentication key (-A)"
                + " or dedicated key (-D), or another security suite (-V)";
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
