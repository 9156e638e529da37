package dlms.xmlclient.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Flag values and where each came from (the command line, or an options file and line), so
 * that an error names the place to fix. Later layers override earlier ones.
 */
final class FlagValues {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> origins = new HashMap<>();

    static FlagValues of(CommandLine line) {
        return of(line, "");
    }

    /** @param origin prefix for error messages, e.g. {@code messages/xmlclient.options:3: } */
    static FlagValues of(CommandLine line, String origin) {
        return of(line, origin, Set.of(), Path.of(""));
    }

    /**
     * @param fileFlags flags whose value is a file name, resolved against {@code folder}
     * @param folder    the folder relative file names start from
     */
    static FlagValues of(CommandLine line, String origin, Set<String> fileFlags, Path folder) {
        FlagValues flags = new FlagValues();
        for (Option option : line.getOptions()) {
            String key = option.getOpt() != null ? option.getOpt() : option.getLongOpt();
            String value = option.hasArg() ? option.getValue() : "";
            flags.values.put(key, fileFlags.contains(key) ? folder.resolve(value).toString() : value);
            flags.origins.put(key, origin);
        }
        return flags;
    }

    /** Flags that give the same thing two ways: a layer that has one drops the other from below. */
    private static final List<Set<String>> ALTERNATIVES =
            List.of(Set.of(ClientOptions.PASSWORD, ClientOptions.PASSWORD_FILE));

    /** These values, with {@code over}'s values replacing them where both have a flag. */
    FlagValues overriddenBy(FlagValues over) {
        FlagValues merged = new FlagValues();
        merged.values.putAll(values);
        merged.origins.putAll(origins);
        for (Set<String> alternatives : ALTERNATIVES) {
            if (alternatives.stream().anyMatch(over::has)) {
                alternatives.forEach(merged.values::remove);
                alternatives.forEach(merged.origins::remove);
            }
        }
        merged.values.putAll(over.values);
        merged.origins.putAll(over.origins);
        return merged;
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    /** True when the flag was given on the command line itself, not in an options file. */
    boolean onCommandLine(String option) {
        return has(option) && origins.getOrDefault(option, "").isEmpty();
    }

    String get(String option) {
        return values.get(option);
    }

    String get(String option, String fallback) {
        return values.getOrDefault(option, fallback);
    }

    /** Where the flag was written, e.g. {@code messages/xmlclient.options:3}; null when on the command line. */
    String fileLine(String option) {
        String origin = origins.getOrDefault(option, "");
        if (origin.isEmpty()) {
            return null;
        }
        return origin.endsWith(": ") ? origin.substring(0, origin.length() - 2) : origin;
    }

    /**
     * These flags' values with where each was written: equal values from different lines tell
     * apart, and flags outside {@code options} (a meter's host and port) do not.
     */
    Written written(Set<String> options) {
        Map<String, String> v = new HashMap<>(values);
        Map<String, String> o = new HashMap<>(origins);
        v.keySet().retainAll(options);
        o.keySet().retainAll(options);
        return new Written(v, o);
    }

    record Written(Map<String, String> values, Map<String, String> origins) {
        // equals and hashCode written out: a record's own bootstrap through ObjectMethods on first call,
        // milliseconds of a cold start (docs/developer-notes.md).
        @Override
        public boolean equals(Object o) {
            return o instanceof Written w && Objects.equals(w.values, values) && Objects.equals(w.origins, origins);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(values) + Objects.hashCode(origins);
        }
    }

    /** The flag as the user wrote it, with its origin: {@code -c} or {@code dir/xmlclient.options:3: -c}. */
    String flag(String option) {
        return origins.getOrDefault(option, "") + (option.length() == 1 ? "-" : "--") + option;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlagValues f && f.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
