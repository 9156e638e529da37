package dlms.xmlclient.report;

import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.run.StepReply;
import dlms.xmlclient.script.ScriptException;
import dlms.xmlclient.verdict.Expectations;
import dlms.xmlclient.verdict.RecordedClocks;
import dlms.xmlclient.verdict.ReplyComparator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code --record}: writes each completed script's replies as its expected file when it has
 * none, with the meter's current time as a clock placeholder; an existing file stays as it is,
 * placeholders and comments a person wrote in it included. {@code --record=update} also brings
 * existing files up to date ({@link ExpectedUpdate}) and tells each value it changes. Scripts
 * that broke off are not recorded (a partial file would pass for a whole one), nor scripts that
 * carry their expectations inline.
 */
public final class ExpectedRecorder implements RunListener {

    private final Path expectedDir;
    private final RecordMode mode;
    private final PrintStream out;
    private final PrintStream err;
    private final WriteFailures failures;
    private final Expectations expectations;
    private final ReplyComparator comparator = new ReplyComparator();
    private int written;
    private int updated;
    private int unchanged;
    private int leftAlone;
    private int refused;
    private int notRecorded;

    /** @param failures where an expected file that cannot be written is told */
    public ExpectedRecorder(Path expectedDir, RecordMode mode, PrintStream out, PrintStream err,
            WriteFailures failures) {
        this.expectedDir = expectedDir;
        this.mode = mode;
        this.out = out;
        this.err = err;
        this.failures = failures;
        this.expectations = new Expectations(expectedDir);
    }

    @Override
    public void scriptFinished(ScriptOutcome outcome) {
        if (outcome.status() != Status.COMPLETED) {
            notRecorded++;
            return;
        }
        if (outcome.script().steps().stream().anyMatch(s -> s.inlineExpected() != null)) {
            err.println("--record: " + outcome.source().displayPath() + " keeps its expectations inline; not recorded");
            return;
        }
        Path target = expectedDir.resolve(outcome.source().relativePath());
        String fresh = ReplyFiles.render(outcome, r -> RecordedClocks.withPlaceholders(r.replyXml(), r.sentAt(),
                RecordedClocks.readsClockTime(r.step().requestXml())));
        if (!Files.exists(target)) {
            if (write(target, fresh)) {
                out.println(target + ": written");
                written++;
            }
        } else if (mode == RecordMode.UPDATE) {
            update(target, outcome, fresh);
        } else {
            leftAlone++;
        }
    }

    private void update(Path target, ScriptOutcome outcome, String fresh) {
        TextEdits.Result result;
        try {
            expectations.checkFile(target);
            String old = Files.readString(target);
            // Worked on with \n line ends; a file written with \r\n gets them back.
            boolean crlf = old.contains("\r\n");
            List<Instant> sentAt = outcome.replies().stream().map(StepReply::sentAt).toList();
            result = new ExpectedUpdate(comparator, crlf ? old.replace("\r\n", "\n") : old, fresh,
                    ReplyFiles.render(outcome), sentAt).result();
            if (crlf) {
                result = new TextEdits.Result(result.text().replace("\n", "\r\n"), result.notes());
            }
            if (result.text().equals(old)) {
                out.println(target + ": unchanged");
                unchanged++;
                return;
            }
        } catch (ScriptException e) {
            refuse(e.getMessage());
            return;
        } catch (ExpectedUpdate.Refused e) {
            refuse(target + ":" + e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            refuse(target + ": cannot update: " + WriteFailures.why(e));
            return;
        }
        if (write(target, result.text())) {
            result.notes().forEach(n -> out.println(target + ":" + n.line() + ": " + n.note()));
            updated++;
        }
    }

    private void refuse(String why) {
        err.println("--record=update: " + why + "; the file is left as it is");
        refused++;
    }

    private boolean write(Path target, String text) {
        try {
            AtomicFiles.write(target, text);
            return true;
        } catch (IOException | RuntimeException e) {
            failures.add(target, e);
            return false;
        }
    }

    /** True when an existing expected file could not be updated (named on stderr): bad input. */
    public boolean refusedAny() {
        return refused > 0;
    }

    @Override
    public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
        StringBuilder line = new StringBuilder("recorded in " + expectedDir + ": " + files(written) + " written");
        if (mode == RecordMode.UPDATE) {
            line.append(", ").append(updated).append(" updated, ").append(unchanged).append(" unchanged");
        } else {
            line.append(", ").append(leftAlone).append(" existing left as they are (--record=update updates them)");
        }
        if (refused > 0) {
            line.append(", ").append(refused).append(" not updated (named above)");
        }
        if (notRecorded > 0) {
            line.append("; ").append(notRecorded).append(notRecorded == 1 ? " script" : " scripts")
                    .append(" did not complete and ").append(notRecorded == 1 ? "is" : "are").append(" not recorded");
        }
        out.println(line);
    }

    private static String files(int n) {
        return n + " expected " + (n == 1 ? "file" : "files");
    }
}
