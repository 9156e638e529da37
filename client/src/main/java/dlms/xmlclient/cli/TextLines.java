package dlms.xmlclient.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lines of a small text file the user edits (options, keys, password). */
final class TextLines {

    private TextLines() {
    }

    /** The file's lines, without the byte order mark that Windows editors may put first. */
    static List<String> read(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }
}
