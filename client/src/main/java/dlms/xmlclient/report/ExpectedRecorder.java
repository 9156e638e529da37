package dlms.xmlclient.report;

import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.verdict.RecordedClocks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --record}: writes each completed script's replies as its expected file, with the
 * meter's current time as a clock placeholder. Scripts that broke off are not recorded (a
 * partial file would pass for a whole one), nor scripts that carry their expectations inline.
 */
public final class ExpectedRecorder implements RunListener {

    private final Path expectedDir;
    private final PrintStream out;
    private final PrintStream err;
    private int recorded;

    public ExpectedRecorder(Path expectedDir, PrintStream out, PrintStream err) {
        this.expectedDir = expectedDir;
        this.out = out;
        this.err = err;
    }

    @Override
    public void scriptFinished(ScriptOutcome outcome) {
        if (outcome.status() != Status.COMPLETED) {
            return;
        }
        if (outcome.script().steps().stream().anyMatch(s -> s.inlineExpected() != null)) {
            err.println("--record: " + outcome.source().displayPath() + " keeps its expectations inline; not recorded");
            return;
        }
        Path target = expectedDir.resolve(outcome.source().relativePath());
        try {
            AtomicFiles.write(target, ReplyFiles.render(outcome,
                    r -> RecordedClocks.withPlaceholders(r.replyXml(), r.sentAt(),
                            RecordedClocks.readsClockTime(r.step().requestXml()))));
            recorded++;
        } catch (IOException e) {
            err.println("--record: cannot write " + target + ": " + e.getMessage());
        }
    }

    @Override
    public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
        out.println("recorded " + recorded + " expected " + (recorded == 1 ? "file" : "files") + " in " + expectedDir);
    }
}
