package dlms.xmlclient.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
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

    /**
     * Streams the content into a temporary file beside {@code target}, then renames it. Four
     * system calls when all goes well (create, write, close, rename): the folder is made, and a
     * folder in the target's place named, only when the create or the rename fails. A run
     * writes a file per script, and each call more cost a cold batch some 0.1 ms per file.
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // Not Files.createTempFile: it makes the file private (0600), and reports are for sharing.
        Path temp = dir.resolve("." + target.getFileName() + "." + ThreadLocalRandom.current().nextLong(1L << 48) + ".tmp");
        Writer out = create(temp, dir);
        boolean moved = false;
        try {
            try (out) {
                content.writeTo(out);
            }
            move(temp, target);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    // Files.newBufferedWriter's own 8 KiB buffer is enough: a 64 KiB one more per file was a
    // fleet's largest allocation (44 reply files a meter, thousands of meters).
    private static Writer create(Path temp, Path dir) throws IOException {
        try {
            return Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
            // No folder yet, or a file in a folder's place: making the folders says which, as before.
            Files.createDirectories(dir);
            return Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                if (Files.isDirectory(target)) { // a plain move would replace an empty folder
                    throw new IOException("it is a folder");
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (Files.isDirectory(target)) {
                throw new IOException("it is a folder", e);
            }
            throw e;
        }
    }
}
