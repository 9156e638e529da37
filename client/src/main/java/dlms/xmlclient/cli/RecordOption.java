package dlms.xmlclient.cli;

import dlms.xmlclient.report.RecordMode;
import org.apache.commons.cli.CommandLine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code --record}, {@code --record=update} (or {@code --record update}), {@code --record=missing}. */
final class RecordOption {

    private static final List<String> VALUES = List.of("update", "missing");

    private RecordOption() {
    }

    /** The mode asked for; empty without --record. */
    static Optional<RecordMode> of(CommandLine line) throws UsageException {
        if (!line.hasOption(ClientOptions.RECORD)) {
            return Optional.empty();
        }
        String value = line.getOptionValue(ClientOptions.RECORD);
        if (value == null || value.equals("missing")) {
            return Optional.of(RecordMode.MISSING);
        }
        if (value.equals("update")) {
            return Optional.of(RecordMode.UPDATE);
        }
        // The word after --record is shown only when it is a slip of the keyboard: it may be a
        // secret that lost its flag.
        Optional<String> meant = UsageErrors.nearest(value.toLowerCase(Locale.ROOT), VALUES);
        throw new UsageException(meant.map(m -> "--record " + value + ": did you mean --record=" + m + "?")
                .orElse("--record takes no value but update or missing, and the word after it is neither (not shown:"
                        + " it may be a secret)")
                + " (--record writes the missing expected files, --record=update also updates existing ones)");
    }
}
