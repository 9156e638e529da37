package dlms.xmlclient.bench;

import dlms.xmlclient.report.ConsoleReport;
import dlms.xmlclient.report.ExpectedRecorder;
import dlms.xmlclient.report.HtmlReport;
import dlms.xmlclient.report.JUnitReport;
import dlms.xmlclient.report.RecordMode;
import dlms.xmlclient.report.ReplyFiles;
import dlms.xmlclient.report.WriteFailures;
import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.RunPlan;
import dlms.xmlclient.run.RunLauncher;
import dlms.xmlclient.run.RunRequest;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.verdict.Verdict;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Our full path, as {@code xmlclient} runs scripts once its options are read: the listeners the
 * command wires (reply files, console, JUnit XML, HTML report) handed to the same
 * {@link RunLauncher} (trace file, script loading, session, reply XML, verdict). The console report
 * writes to nowhere: a terminal's speed is not ours. Links count the bytes they receive.
 */
final class PathRun {

    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    /**
     * @param nanos         wall time of the run, from opening the trace file to closing it
     * @param bytesReceived reply bytes on the wire, all scripts together
     */
    record Result(long nanos, List<ScriptOutcome> outcomes, long bytesReceived) {

        long count(Verdict verdict) {
            return outcomes.stream().filter(o -> o.verdict() == verdict).count();
        }

        /** Throws unless every script passed: a benchmark of failing runs measures the wrong thing. */
        Result requireAllPassed(String what) {
            for (ScriptOutcome o : outcomes) {
                if (o.verdict() != Verdict.PASS) {
                    throw new IllegalStateException(what + ": " + o.source().displayPath() + " " + o.verdict()
                            + (o.error() != null ? ": " + o.error() : ""));
                }
            }
            return this;
        }
    }

    private PathRun() {
    }

    /** Runs the scripts with the command's listeners, checked against {@code expectedDir}. */
    static Result run(List<ScriptSource> scripts, Path outDir, Path expectedDir, String target, PrintStream err)
            throws IOException {
        long start = System.nanoTime();
        RunPlan plan = new RunPlan(scripts, outDir, expectedDir, false);
        AtomicLong received = new AtomicLong();
        List<RunListener> listeners = new ArrayList<>(List.of(
                new ReplyFiles(outDir, err),
                new ConsoleReport(NOWHERE, false),
                new JUnitReport(outDir, target, Clock.systemDefaultZone(), err),
                new HtmlReport(outDir, target, Clock.systemDefaultZone(), err)));
        // The runner keeps its outcomes without reply texts (memory bounded per script); the
        // verdict's own timing compares them again, so the whole ones are kept here.
        List<ScriptOutcome> whole = new ArrayList<>();
        listeners.add(new RunListener() {
            @Override
            public void scriptFinished(ScriptOutcome outcome) {
                whole.add(outcome);
            }
        });
        RunLauncher.launch(counting(RunRequest.of(plan, listeners), received));
        return new Result(System.nanoTime() - start, whole, received.get());
    }

    /** {@code --record}: writes the replies of the scripts as their expected files; nothing timed. */
    static void record(List<ScriptSource> scripts, Path outDir, Path expectedDir, PrintStream err) throws IOException {
        Files.createDirectories(expectedDir);
        RunPlan plan = new RunPlan(scripts, outDir, null, false);
        List<RunListener> recorder = List.of(new ExpectedRecorder(expectedDir, RecordMode.UPDATE, NOWHERE, err,
                new WriteFailures(err)));
        List<ScriptOutcome> outcomes = RunLauncher.launch(counting(RunRequest.of(plan, recorder), new AtomicLong()))
                .outcomes();
        for (ScriptOutcome o : outcomes) {
            if (o.status() != ScriptOutcome.Status.COMPLETED) {
                throw new IllegalStateException("recording " + o.source().displayPath() + ": " + o.error());
            }
        }
    }

    /** Our links, each wrapped to count the bytes received: the one hook the bench adds. */
    private static RunRequest counting(RunRequest request, AtomicLong received) {
        return request.wrappingLinks(link -> new CountingLink(link, received));
    }
}
