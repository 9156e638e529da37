package dlms.xmlclient.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code xmlclient.options} files: association flags for the scripts at and below their folder.
 * A script gets the files of its folder and of every folder above it (as .editorconfig works, so
 * that {@code -x messages/clock/1-read.xml} runs as {@code -x messages} would); a deeper file
 * overrides a shallower one flag by flag, and the command line overrides both. One or more flags
 * per line, {@code #} starts a comment, quotes keep spaces in a value.
 */
final class FolderOptions {

    static final String FILE_NAME = "xmlclient.options";
    /** Association flags only: the target meter and the run itself are the command line's. */
    static final Set<String> ALLOWED = Set.of(ClientOptions.CLIENT, ClientOptions.SERVER,
            ClientOptions.LOGICAL_SERVER, ClientOptions.SERIAL_NUMBER,
            ClientOptions.AUTHENTICATION, ClientOptions.PASSWORD, ClientOptions.PASSWORD_FILE,
            ClientOptions.REFERENCING, ClientOptions.SECURITY, ClientOptions.SUITE, ClientOptions.SYSTEM_TITLE,
            ClientOptions.METER_SYSTEM_TITLE, ClientOptions.AUTHENTICATION_KEY, ClientOptions.BLOCK_CIPHER_KEY,
            ClientOptions.DEDICATED_KEY, ClientOptions.INVOCATION_COUNTER, ClientOptions.INVOCATION_COUNTER_OBJECT,
            ClientOptions.KEYS, ClientOptions.FINDINGS, ClientOptions.GBT_WINDOW);
    /** File flags: a relative name in an options file is relative to the file's folder. */
    private static final Set<String> FILES = Set.of(ClientOptions.PASSWORD_FILE, ClientOptions.KEYS);

    private final Path workingDir = Path.of("").toAbsolutePath();
    /** Each folder's own file, read once; empty flags where there is none. */
    private final Map<Path, FlagValues> byFolder = new HashMap<>();

    /** The flags for scripts in {@code folder}: the outermost file first, the folder's own last. */
    FlagValues forFolder(Path folder) throws UsageException {
        List<Path> chain = new ArrayList<>();
        for (Path p = folder.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            chain.add(0, p);
        }
        FlagValues flags = new FlagValues();
        for (Path dir : chain) {
            flags = flags.overriddenBy(own(dir));
        }
        return flags;
    }

    private FlagValues own(Path dir) throws UsageException {
        FlagValues known = byFolder.get(dir);
        if (known == null) {
            Path file = dir.resolve(FILE_NAME);
            known = Files.isRegularFile(file) ? read(file.startsWith(workingDir) ? workingDir.relativize(file) : file)
                    : new FlagValues();
            byFolder.put(dir, known);
        }
        return known;
    }

    static FlagValues read(Path file) throws UsageException {
        List<String> lines;
        try {
            lines = TextLines.read(file);
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
            CommandLine line = parse(tokens, origin);
            for (Option o : line.getOptions()) {
                String key = o.getOpt() != null ? o.getOpt() : o.getLongOpt();
                if (!ALLOWED.contains(key)) {
                    throw new UsageException(origin + (o.getOpt() != null ? "-" : "--") + key
                            + " is not allowed in an options file (association and security flags only:"
                            + " -c -s -l -n -a -P --password-file -r -C -V -T -M -A -B -D -F -v --keys --findings)");
                }
            }
            flags = flags.overriddenBy(FlagValues.of(line, origin, FILES, folderOf(file)));
        }
        return flags;
    }

    /** Flags written in a file, parsed as the command line's; an error starts with {@code origin}. */
    static CommandLine parse(List<String> tokens, String origin) throws UsageException {
        CommandLine line;
        try {
            line = new DefaultParser().parse(ClientOptions.definitions(), tokens.toArray(String[]::new));
        } catch (ParseException e) {
            throw new UsageException(origin + UsageErrors.of(e));
        }
        if (!line.getArgList().isEmpty()) {
            throw new UsageException(origin + UsageErrors.strayArguments(line.getArgList()));
        }
        return line;
    }

    private static Path folderOf(Path file) {
        return Optional.ofNullable(file.getParent()).orElse(Path.of(""));
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
