package dlms.xmlclient.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code xmlclient.options} files: association flags for the scripts at and below their folder
 * (a deeper file overrides a shallower one; the command line overrides both). One or more flags
 * per line, {@code #} starts a comment, quotes keep spaces in a value.
 */
final class FolderOptions {

    static final String FILE_NAME = "xmlclient.options";
    /** Association flags only: the target meter and the run itself are the command line's. */
    private static final Set<String> ALLOWED = Set.of(ClientOptions.CLIENT, ClientOptions.SERVER,
            ClientOptions.AUTHENTICATION, ClientOptions.PASSWORD, ClientOptions.REFERENCING);

    private final Path root;
    private final Map<Path, FlagValues> byFolder = new HashMap<>();

    private FolderOptions(Path root) {
        this.root = root;
    }

    /**
     * Reads the options files at {@code root} and, when {@code below}, in every folder under it;
     * errors name the file and line.
     */
    static FolderOptions load(Path root, boolean below) throws UsageException {
        FolderOptions options = new FolderOptions(root);
        try (Stream<Path> files = Files.walk(root, below ? Integer.MAX_VALUE : 1)) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals(FILE_NAME)).toList()) {
                options.byFolder.put(file.getParent(), read(file));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException(root + ": cannot read the folder: " + e.getMessage());
        }
        return options;
    }

    /** The flags for a folder below the root: the root's file first, the folder's own last. */
    FlagValues forFolder(Path folder) {
        FlagValues flags = new FlagValues();
        List<Path> chain = new ArrayList<>();
        for (Path p = folder; p != null && p.startsWith(root); p = p.getParent()) {
            chain.add(0, p);
        }
        for (Path p : chain) {
            FlagValues own = byFolder.get(p);
            if (own != null) {
                flags = flags.overriddenBy(own);
            }
        }
        return flags;
    }

    static FlagValues read(Path file) throws UsageException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot be read: " + e.getMessage());
        }
        FlagValues flags = new FlagValues();
        for (int i = 0; i < lines.size(); i++) {
            String origin = file + ":" + (i + 1) + ": ";
            List<String> tokens = tokens(lines.get(i), origin);
            if (tokens.isEmpty()) {
                continue;
            }
            CommandLine line;
            try {
                line = new DefaultParser().parse(ClientOptions.definitions(), tokens.toArray(String[]::new));
            } catch (ParseException e) {
                throw new UsageException(origin + e.getMessage());
            }
            if (!line.getArgList().isEmpty()) {
                throw new UsageException(origin + "'" + line.getArgList().get(0) + "' is not a flag");
            }
            for (Option o : line.getOptions()) {
                String key = o.getOpt() != null ? o.getOpt() : o.getLongOpt();
                if (!ALLOWED.contains(key)) {
                    throw new UsageException(origin + (o.getOpt() != null ? "-" : "--") + key
                            + " is not allowed in an options file (association flags only: -c -s -a -P -r)");
                }
            }
            flags = flags.overriddenBy(FlagValues.of(line, origin));
        }
        return flags;
    }

    /** Splits a line on spaces; quotes group, {@code #} outside quotes ends the line. */
    static List<String> tokens(String line, String origin) throws UsageException {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    token.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                token = token == null ? new StringBuilder() : token;
            } else if (Character.isWhitespace(ch) || ch == '#') {
                if (token != null) {
                    tokens.add(token.toString());
                    token = null;
                }
                if (ch == '#') {
                    break;
                }
            } else {
                token = token == null ? new StringBuilder() : token;
                token.append(ch);
            }
        }
        if (quote != 0) {
            throw new UsageException(origin + "unclosed " + quote);
        }
        if (token != null) {
            tokens.add(token.toString());
        }
        return tokens;
    }
}
