package dlms.xmlclient.cli;

import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

import java.util.List;

/**
 * Command-line mistakes told without repeating what was typed after a flag: a mistyped
 * {@code --pasword=…} or a value that lost its flag may be a secret.
 */
final class UsageErrors {

    private UsageErrors() {
    }

    /** commons-cli's message, with an unknown option shown only up to its '='. */
    static String of(ParseException e) {
        if (e instanceof UnrecognizedOptionException u && u.getOption() != null) {
            String option = u.getOption();
            int eq = option.indexOf('=');
            return "unknown option " + (eq < 0 ? option : option.substring(0, eq) + "=…");
        }
        return e.getMessage();
    }

    /** Words that are not flags (e.g. the second word of an unquoted value), never shown. */
    static String strayArguments(List<String> arguments) {
        return arguments.size() + (arguments.size() == 1 ? " word that is" : " words that are")
                + " not a flag or a flag's value (not shown: it may be a secret; quote a value with spaces)";
    }
}
