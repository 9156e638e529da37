package dlms.xmlclient.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files on disk: a write makes its folders, replaces a file, refuses a folder, and leaves no temporary file. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void makesTheFoldersAFileNeeds() throws IOException {
        Path file = dir.resolve("a/b/c.xml");
        AtomicFiles.write(file, "<c/>");
        assertEquals("<c/>", Files.readString(file));
        assertEquals(1, entries(file.getParent()));
    }

    @Test
    void replacesAFileThatIsThere() throws IOException {
        Path file = dir.resolve("c.xml");
        Files.writeString(file, "old and longer");
        AtomicFiles.write(file, "new");
        assertEquals("new", Files.readString(file));
        assertEquals(1, entries(dir));
    }

    @Test
    void refusesAFolderInTheFilesPlaceAndLeavesNoTemporaryFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("junit.xml"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(folder, "x"));
        assertEquals("it is a folder", e.getMessage());
        assertTrue(Files.isDirectory(folder));
        assertEquals(1, entries(dir));
    }

    @Test
    void namesAFileWhereAFolderShouldBeAsMakingTheFolderDoes() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(plain.resolve("b.xml"), "<b/>"));
        assertEquals(FileAlreadyExistsException.class, e.getClass());
        assertEquals(plain.toString(), e.getMessage()); // the same every run: no temporary file's name
        assertEquals(1, entries(dir));
    }

    @Test
    void leavesNoTemporaryFileWhenTheContentFails() {
        Path file = dir.resolve("c.xml");
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half");
            throw new IOException("the content broke");
        }));
        assertEquals(0, entries(dir));
    }

    private static long entries(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
