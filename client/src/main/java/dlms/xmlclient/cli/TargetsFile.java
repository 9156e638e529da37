package dlms.xmlclient.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code --targets FILE}: the meters of a fleet, one per line, {@code name,host,port[,flags]}.
 * The flags are that meter's own association flags (its server address, serial number,
 * password...), written as on the command line; {@code #} starts a comment, and a first line
 * {@code name,host,port,...} is a header. {@code bin/simulator -N COUNT --write-targets FILE}
 * writes such a file for a simulated fleet.
 */
final class TargetsFile {

    /** A meter's name is its output folder: no separators, no "..", nothing a shell would mangle. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** The fleet's own files in the output folder, which a meter's folder would collide with. */
    private static final Set<String> RESERVED = Set.of("junit.xml", "junit.xml.part", "junit.xml.tmp");
    /** What may differ from meter to meter: the options-file flags, and the framing. */
    private static final Set<String> ALLOWED = union(FolderOptions.ALLOWED, Set.of(ClientOptions.WRAPPER));

    /**
     * One meter of the fleet.
     *
     * @param flags  -h and -p from the host and port columns, and the meter's own flags
     * @param origin {@code targets.csv:7: }, for errors in the meter's flags
     * @param line   the line itself, as a broker's job carries it to a worker
     */
    record Target(String name, String host, int port, FlagValues flags, String origin, String line) {
    }

    private TargetsFile() {
    }

    static List<Target> read(Path file) throws UsageException {
        List<String> lines;
        try {
            lines = TextLines.read(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("--targets " + file + ": no such file");
        } catch (IOException e) {
            throw new UsageException("--targets " + file + ": cannot be read: " + e.getMessage());
        }
        List<Target> targets = new ArrayList<>();
        Map<String, Integer> lineOfName = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String origin = file + ":" + (i + 1) + ": ";
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#") || (targets.isEmpty() && text.startsWith("name,"))) {
                continue;
            }
            Target target = parse(text, origin);
            Integer earlier = lineOfName.putIfAbsent(target.name().toLowerCase(Locale.ROOT), i + 1);
            if (earlier != null) {
                throw new UsageException(origin + "meter name " + target.name() + " is already used on line " + earlier
                        + " (names are output folders: each must be unique, ignoring case)");
            }
            targets.add(target);
        }
        if (targets.isEmpty()) {
            throw new UsageException("--targets " + file + ": no meters in it (one per line: name,host,port[,flags])");
        }
        return targets;
    }

    /** One meter's line, {@code name,host,port[,flags]}; {@code origin} prefixes its errors. */
    static Target parse(String text, String origin) throws UsageException {
        String[] fields = text.split(",", 4);
        if (fields.length < 3) {
            // Never the line itself: its flags may hold a password.
            throw new UsageException(origin + "expected name,host,port[,flags], got " + fields.length
                    + (fields.length == 1 ? " field" : " comma-separated fields"));
        }
        String name = fields[0].strip();
        String host = fields[1].strip();
        String portText = fields[2].strip();
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new UsageException(origin + "meter name '" + name + "' is the name of a file the fleet writes in -o");
        }
        if (!NAME.matcher(name).matches()) {
            // Not echoed: a line whose columns slipped may have a secret there.
            throw new UsageException(origin + "meter name (column 1, " + name.length() + " characters): letters,"
                    + " digits, '.', '_' and '-' only, starting with a letter or digit (it names the meter's output"
                    + " folder)" + firstBadCharacter(name));
        }
        if (host.isEmpty()) {
            throw new UsageException(origin + "meter " + name + " has no host");
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new UsageException(origin + "meter " + name + ": port " + (portText.matches("[-+]?[0-9]{1,6}")
                    ? "'" + portText + "'" : "(column 3, " + portText.length() + " characters, not shown)")
                    + " is not 1-65535");
        }
        List<String> tokens = new ArrayList<>(List.of("-" + ClientOptions.HOST, host, "-" + ClientOptions.PORT,
                String.valueOf(port)));
        List<String> own = fields.length == 4 ? FolderOptions.tokens(fields[3], origin) : List.of();
        tokens.addAll(own);
        CommandLine line = FolderOptions.parse(tokens, origin);
        for (Option o : line.getOptions()) {
            String key = o.getOpt() != null ? o.getOpt() : o.getLongOpt();
            boolean column = key.equals(ClientOptions.HOST) || key.equals(ClientOptions.PORT);
            if (column ? line.getOptionValues(key).length > 1 : !ALLOWED.contains(key)) {
                throw new UsageException(origin + (o.getOpt() != null ? "-" : "--") + key + " is not a per-meter flag"
                        + " (host and port are columns; the flags are association flags: -c -s -l -n -a -P"
                        + " --password-file -r -w -C -V -T -M -A -B -D -F -v --keys)");
            }
        }
        return new Target(name, host, port, FlagValues.of(line, origin), origin, text);
    }

    /** Where a meter name first breaks the rule, without showing it. */
    private static String firstBadCharacter(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) && c < 128 || i > 0 && (c == '.' || c == '_' || c == '-');
            if (!ok) {
                return ": character " + (i + 1) + " is not allowed";
            }
        }
        return name.isEmpty() ? ": it is empty" : "";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
