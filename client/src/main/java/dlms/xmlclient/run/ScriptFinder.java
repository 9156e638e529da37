package dlms.xmlclient.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds the message files under -x: one file, or every *.xml below a folder in sorted order. */
public final class ScriptFinder {

    private ScriptFinder() {
    }

    public static List<ScriptSource> find(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        if (!Files.isDirectory(path)) {
            return List.of(new ScriptSource(path, path.getFileName().toString()));
        }
        try (Stream<Path> files = Files.walk(path)) {
            // Not only regular files: an unreadable entry (a dangling link) must be an error, not missed.
            return files.filter(p -> !Files.isDirectory(p))
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
                    .map(p -> new ScriptSource(p, relative(path, p)))
                    .sorted(Comparator.comparing(ScriptSource::relativePath))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
