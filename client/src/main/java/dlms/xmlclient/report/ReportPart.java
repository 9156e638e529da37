package dlms.xmlclient.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The body of a report (junit.xml's suites, report.html's sections), written to a hidden file
 * beside the report as each script finishes, so that a run of many large scripts holds only one
 * script's part in memory. At the end the report is put together from its head, this body and
 * its tail, into a temporary file renamed into place.
 */
final class ReportPart {

    private final Path file;
    private Writer out;
    private StringBuilder memory;
    private IOException broken;

    private ReportPart(Path file, Writer out, StringBuilder memory) {
        this.file = file;
        this.out = out;
        this.memory = memory;
    }

    /** A part file beside {@code report}; in memory if it cannot be made (the report will then say why). */
    static ReportPart open(Path report, WriteFailures failures) {
        Path dir = report.toAbsolutePath().getParent();
        Path file = dir.resolve("." + report.getFileName() + "." + ThreadLocalRandom.current().nextLong(1L << 48)
                + ".part");
        try {
            return new ReportPart(file, new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                    1 << 16), null);
        } catch (IOException e) {
            return inMemory();
        }
    }

    static ReportPart inMemory() {
        return new ReportPart(null, null, new StringBuilder());
    }

    /** A part that is this text. */
    static ReportPart text(String text) {
        ReportPart part = inMemory();
        part.append(text);
        return part;
    }

    void append(String text) {
        if (broken != null) {
            return;
        }
        if (memory != null) {
            memory.append(text);
            return;
        }
        try {
            out.write(text);
        } catch (IOException e) {
            broken = e;
        }
    }

    void fail(Exception e) {
        if (broken == null) {
            broken = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** Writes {@code head}, the body and {@code tail} to {@code target}, whole or not at all. */
    void writeWhole(Path target, String head, String tail) throws IOException {
        writeWhole(target, head, List.of(this), tail);
    }

    /** Writes {@code head}, each part's body in turn and {@code tail} to {@code target}, whole or not at all. */
    static void writeWhole(Path target, String head, List<ReportPart> parts, String tail) throws IOException {
        for (ReportPart part : parts) {
            part.close();
        }
        AtomicFiles.write(target, w -> {
            w.write(head);
            for (ReportPart part : parts) {
                part.copyTo(w);
            }
            w.write(tail);
        });
    }

    private void close() throws IOException {
        if (broken != null) {
            throw broken;
        }
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void copyTo(Writer w) throws IOException {
        if (memory != null) {
            w.append(memory);
        } else {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                in.transferTo(w);
            }
        }
    }

    /** Removes the part file. */
    void discard() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A hidden leftover; the report itself is what counts.
        }
        memory = null;
    }
}
