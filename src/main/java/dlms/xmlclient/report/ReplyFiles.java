package dlms.xmlclient.report;

import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.StepReply;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Writes each script's replies to {@code <out>/replies/<relative path>}: a {@code <Messages>}
 * file with one reply per request, in the format message and expected files use.
 */
public final class ReplyFiles implements RunListener {

    private final Path repliesDir;
    private final PrintStream err;

    public ReplyFiles(Path outDir, PrintStream err) {
        this.repliesDir = outDir.resolve("replies");
        this.err = err;
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
                err.println("cannot remove the stale " + target + ": " + e.getMessage());
            }
            return;
        }
        try {
            AtomicFiles.write(target, render(outcome));
        } catch (IOException e) {
            err.println("cannot write " + target + ": " + e.getMessage());
        }
    }

    static String render(ScriptOutcome outcome) {
        return render(outcome, StepReply::replyXml);
    }

    /** @param replyText the text to write for each reply (the recorder puts placeholders in) */
    static String render(ScriptOutcome outcome, Function<StepReply, String> replyText) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Messages>\n");
        for (StepReply reply : outcome.replies()) {
            xml.append("  <!-- #").append(reply.step().number()).append(" line ").append(reply.step().line())
                    .append(" -->\n");
            if (reply.replyXml() == null) {
                xml.append("  <NoReply /> <!-- none on this interface -->\n");
            } else {
                xml.append(indent(replyText.apply(reply))).append('\n');
            }
        }
        if (outcome.status() != ScriptOutcome.Status.COMPLETED && outcome.error() != null) {
            xml.append("  <!-- stopped: ").append(outcome.error().replace("--", "- -")).append(" -->\n");
        }
        return xml.append("</Messages>\n").toString();
    }

    private static String indent(String xml) {
        return "  " + xml.replace("\r\n", "\n").replace("\n", "\n  ");
    }
}
