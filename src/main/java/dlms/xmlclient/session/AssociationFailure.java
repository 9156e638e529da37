package dlms.xmlclient.session;

import gurux.dlms.GXDLMSExceptionResponse;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ExceptionServiceError;

import javax.crypto.AEADBadTagException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an association failed, in one line with a hint, from what the meter sent: the AARE's
 * result and diagnostic, an exception-response, or a reply that cannot be deciphered. Never
 * names a secret.
 */
final class AssociationFailure {

    private static final Pattern RESULT = Pattern.compile("<AssociationResult Value=\"(\\d+)\"");
    private static final Pattern USER_DIAGNOSTIC = Pattern.compile("<ACSEServiceUser Value=\"(\\d+)\"");
    private static final Pattern PROVIDER_DIAGNOSTIC = Pattern.compile("<ACSEServiceProvider Value=\"(\\d+)\"");

    private AssociationFailure() {
    }

    /**
     * The AARE rejected the association. The diagnostic is read from the AARE itself: gurux.dlms
     * 4.0.47 throws UnsupportedOperationException instead of naming diagnostics 3..10
     * (calling-AP-title-not-recognised and the like).
     *
     * @param aareXml the AARE as translated XML, or null when it could not be translated
     */
    static String rejected(String aareXml, ConnectionSettings settings, Throwable libraryError) {
        Integer result = number(RESULT, aareXml);
        Integer user = number(USER_DIAGNOSTIC, aareXml);
        Integer provider = number(PROVIDER_DIAGNOSTIC, aareXml);
        String rejection = "rejected by the meter" + (result != null && result == 2 ? " (transient)" : "");
        if (user == null) {
            if (provider != null) {
                return "association " + rejection + ": ACSE service provider diagnostic " + provider;
            }
            return "association rejected by the meter: " + Session.oneLine(libraryError) + hint(libraryError);
        }
        String a = SecuritySettings.name(settings.authentication());
        String why = switch (user) {
            case 1 -> "no reason given";
            case 2 -> "application context name not supported (check -r, and -C: the meter may need ciphering"
                    + " on this client, or refuse it)";
            case 3 -> "calling AP title (our system title) not recognised (check -T)";
            case 11 -> "authentication mechanism " + a + " not recognised (check -a and -c: the meter offers another"
                    + " level to client " + settings.clientAddress() + ")";
            case 12 -> "authentication mechanism name required (check -a)";
            case 13 -> authenticationFailure(settings);
            case 14 -> "authentication required (check -a)";
            default -> "diagnostic " + user;
        };
        return "association " + rejection + ": " + why;
    }

    private static String authenticationFailure(ConnectionSettings settings) {
        Authentication a = settings.authentication();
        if (a == Authentication.LOW) {
            return "authentication failure: wrong password (check -P)";
        }
        if (a == Authentication.HIGH_GMAC) {
            return "authentication failure (check -A, -B and -T)";
        }
        return "authentication failure: wrong secret (check -P)";
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
        return what + " refused by the meter: " + Session.oneLine(serviceError);
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

    static String hint(Throwable e) {
        String m = String.valueOf(e.getMessage()).toLowerCase();
        if (m.contains("authentication failure")) {
            return " (check -a and -P)";
        }
        if (m.contains("not supported") || m.contains("application context")) {
            return " (check -a and -r)";
        }
        return "";
    }

    private static Integer number(Pattern pattern, String xml) {
        if (xml == null) {
            return null;
        }
        Matcher m = pattern.matcher(xml);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
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
