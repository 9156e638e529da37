package dlms.xmlclient.report;

import dlms.xmlclient.decode.CommentedXml;
import dlms.xmlclient.decode.DecodedReply;
import dlms.xmlclient.decode.ScriptDecoding;
import dlms.xmlclient.memo.BoundedMemo;
import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.StepReply;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Writes each script's replies to {@code <out>/replies/<relative path>}: a {@code <Messages>}
 * file with one reply per request, in the format message and expected files use.
 */
public final class ReplyFiles implements RunListener {

    /** Annotated replies as a reply file indents them, by the annotated text. */
    private static final BoundedMemo<String, String> INDENTED = new BoundedMemo<>(16L << 20);

    private final Path repliesDir;
    private final WriteFailures failures;

    public ReplyFiles(Path outDir, PrintStream err) {
        this(outDir, new WriteFailures(err));
    }

    /** @param failures where a reply file that cannot be written is told and kept */
    public ReplyFiles(Path outDir, WriteFailures failures) {
        this.repliesDir = outDir.resolve("replies");
        this.failures = failures;
    }

    public Path fileFor(String relativePath) {
        return repliesDir.resolve(relativePath);
    }

    @Override
    public void scriptFinished(ScriptOutcome outcome) {
        Path target = fileFor(outcome.source().relativePath());
        if (outcome.script() == null) {
            // Nothing was sent; a reply file from an earlier run must not pass for this one's.
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                failures.add("cannot remove the stale " + target + ": " + WriteFailures.why(e));
            }
            return;
        }
        try {
            AtomicFiles.write(target, out -> render(outcome, StepReply::replyXml, out));
        } catch (IOException | RuntimeException e) {
            failures.add(target, e);
        }
    }

    static String render(ScriptOutcome outcome) {
        return render(outcome, StepReply::replyXml);
    }

    /** @param replyText the text to write for each reply (the recorder puts placeholders in) */
    static String render(ScriptOutcome outcome, Function<StepReply, String> replyText) {
        StringBuilder xml = new StringBuilder();
        try {
            render(outcome, replyText, xml);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringBuilder does not throw
        }
        return xml.toString();
    }

    /**
     * Streams the reply file: one reply at a time, never the whole file in one string. Each
     * reply is headed by what was asked ({@code #1 line 5: Get Register 1.0.1.8.0.255 ...}) and
     * carries what its values mean as comments ({@code <!-- = 1094547 Wh -->}), which no
     * comparison reads.
     */
    static void render(ScriptOutcome outcome, Function<StepReply, String> replyText, Appendable xml)
            throws IOException {
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Messages>\n");
        List<StepReply> replies = outcome.replies();
        ScriptDecoding decoding = Decodings.of(replies);
        for (int i = 0; i < replies.size(); i++) {
            StepReply reply = replies.get(i);
            DecodedReply decoded = decoding.reply(i);
            xml.append("  <!-- #").append(String.valueOf(reply.step().number())).append(" line ")
                    .append(String.valueOf(reply.step().line())).append(": ")
                    .append(CommentedXml.comment(decoded.request()));
            if (decoded.description() != null) {
                xml.append(" - ").append(CommentedXml.comment(decoded.description()));
            }
            xml.append(" -->\n");
            if (reply.replyXml() == null) {
                xml.append("  <NoReply /> <!-- none on this interface -->\n");
            } else {
                String text = replyText.apply(reply);
                if (text.equals(reply.replyXml())) {
                    String annotated = decoding.annotatedReply(i); // shared by the meters that got this reply
                    xml.append(INDENTED.get(annotated, ReplyFiles::indent, 4L * annotated.length()));
                } else {
                    xml.append(indent(CommentedXml.annotated(text, reply.replyXml(), decoded.comments())));
                }
                xml.append('\n');
            }
        }
        if (outcome.status() != ScriptOutcome.Status.COMPLETED && outcome.error() != null) {
            xml.append("  <!-- stopped: ").append(outcome.error().replace("--", "- -")).append(" -->\n");
        }
        xml.append("</Messages>\n");
    }

    private static String indent(String xml) {
        return "  " + xml.replace("\r\n", "\n").replace("\n", "\n  ");
    }
}
