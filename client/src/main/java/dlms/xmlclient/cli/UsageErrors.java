package dlms.xmlclient.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command-line mistakes told without repeating what was typed after a flag: a mistyped
 * {@code --pasword=…} or a value that lost its flag may be a secret.
 */
final class UsageErrors {

    /** A typed name this many edits from a known one is taken for a slip of the keyboard. */
    private static final int MAX_EDITS = 2;

    private UsageErrors() {
    }

    /**
     * commons-cli's message, with an unknown option shown only up to its '=' and, when one of
     * the known long options is a slip of the keyboard away, "did you mean" it.
     */
    static String of(ParseException e) {
        if (e instanceof UnrecognizedOptionException u && u.getOption() != null) {
            String option = u.getOption();
            int eq = option.indexOf('=');
            String name = eq < 0 ? option : option.substring(0, eq);
            return "unknown option " + (eq < 0 ? option : name + "=…") + nearest(name)
                    .map(known -> " (did you mean --" + known + "?)").orElse("");
        }
        return e.getMessage();
    }

    /** The long option nearest a mistyped {@code --name}: at most two edits away, and the only one so near. */
    static Optional<String> nearest(String typed) {
        if (!typed.startsWith("--")) {
            return Optional.empty();
        }
        return nearest(typed.substring(2), ClientOptions.definitions().getOptions().stream()
                .map(Option::getLongOpt).filter(n -> n != null).toList());
    }

    /** Of {@code known} words, the one nearest {@code typed}: at most two edits away, and the only one so near. */
    static Optional<String> nearest(String typed, List<String> known) {
        int best = MAX_EDITS + 1;
        List<String> nearest = new ArrayList<>();
        for (String word : known) {
            int d = edits(typed, word);
            if (d < best) {
                best = d;
                nearest.clear();
            }
            if (d == best) {
                nearest.add(word);
            }
        }
        return best <= MAX_EDITS && nearest.size() == 1 ? Optional.of(nearest.get(0)) : Optional.empty();
    }

    /** Levenshtein distance with adjacent swaps (Damerau's "optimal string alignment"). */
    private static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** Words that are not flags (e.g. the second word of an unquoted value), never shown. */
    static String strayArguments(List<String> arguments) {
        return arguments.size() + (arguments.size() == 1 ? " word that is" : " words that are")
                + " not a flag or a flag's value (not shown: it may be a secret; quote a value with spaces)";
    }
}
