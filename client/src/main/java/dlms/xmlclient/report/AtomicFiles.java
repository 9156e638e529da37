package dlms.xmlclient.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a file through a temporary file and a rename, so no reader ever sees half of it. */
public final class AtomicFiles {

    /** Writes the content of a file to a writer. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, String content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** Streams the content into a temporary file beside {@code target}, then renames it. */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.isDirectory(target)) {
            throw new IOException("it is a folder");
        }
        // Not Files.createTempFile: it makes the file private (0600), and reports are for sharing.
        Path temp = dir.resolve("." + target.getFileName() + "." + ThreadLocalRandom.current().nextLong(1L << 48) + ".tmp");
        try {
            // Files.newBufferedWriter's own 8 KiB buffer is enough: a 64 KiB one more per file
            // was a fleet's largest allocation (44 reply files a meter, thousands of meters).
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
