package dlms.xmlclient.cli;

import dlms.xmlclient.discover.CosemObject;
import dlms.xmlclient.discover.ExpectedLoosening;
import dlms.xmlclient.discover.Looseness;
import dlms.xmlclient.discover.MovedValues;
import dlms.xmlclient.discover.ObjectListReply;
import dlms.xmlclient.discover.PlannedRead;
import dlms.xmlclient.discover.RequestProtection;
import dlms.xmlclient.discover.SuiteScripts;
import dlms.xmlclient.discover.SuiteScripts.SuiteScript;
import dlms.xmlclient.report.ExpectedRecorder;
import dlms.xmlclient.report.RecordMode;
import dlms.xmlclient.report.ReplyFiles;
import dlms.xmlclient.report.WriteFailures;
import dlms.xmlclient.run.RunLauncher;
import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.RunPlan;
import dlms.xmlclient.run.RunRequest;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.run.StepReply;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The steps of {@code xmlclient discover}, each an ordinary run through {@link RunLauncher}
 * with its out folder under {@code <suite>/discovery/}: read the association's object list, write
 * one message file per class, record their replies, read them all a second time, make the
 * expected files as loose as the class rules and the second read say, and check the suite at
 * once. A class script that breaks off (a read with no reply) is run again without that read, so
 * one bad object never costs the others.
 */
final class Discovery {

    /** A read that got no reply, with the cause, for the summary. */
    record Dropped(PlannedRead read, String cause) {
    }

    /** Everything the summary reports. */
    record Outcome(List<CosemObject> objects, List<SuiteScript> scripts, List<Dropped> dropped,
            Map<String, List<String>> recordedReplies, int byClass, int bySecondRead, Set<String> moved,
            List<ScriptOutcome> check) {
    }

    /** After this many reads of one class in a row without reply, the rest of the class is left out. */
    static final int SILENT_READS_IN_A_ROW = 3;

    private final Path suite;
    private final UnaryOperator<List<ScriptSource>> settings;
    private final PrintStream out;
    private final PrintStream err;
    private final WriteFailures writes;

    /**
     * @param suite    the -o folder: messages/, expected/, discovery/ and summary.txt go there
     * @param settings gives each message file its association and meter (options files, command line)
     */
    Discovery(Path suite, UnaryOperator<List<ScriptSource>> settings, PrintStream out, PrintStream err,
            WriteFailures writes) {
        this.suite = suite;
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.writes = writes;
    }

    /**
     * Reads the object list of the association in use; a failure says what happened.
     *
     * @param protection what the association's requests carry, against which access modes are read
     */
    List<CosemObject> objectList(RequestProtection protection) throws DiscoveryFailure {
        Path script = write(suite.resolve("discovery").resolve("object-list.xml"), SuiteScripts.objectListScript());
        ScriptOutcome outcome = run(List.of(new ScriptSource(script, "object-list.xml")), "1-object-list", null, null)
                .outcomes().get(0);
        if (outcome.status() != ScriptOutcome.Status.COMPLETED || outcome.replies().isEmpty()) {
            throw new DiscoveryFailure(outcome, "cannot read the object list (0.0.40.0.0.255 attribute 2): "
                    + outcome.error());
        }
        try {
            return ObjectListReply.parse(outcome.replies().get(0).replyXml(), protection);
        } catch (IllegalArgumentException e) {
            throw new DiscoveryFailure(outcome, "the object list (0.0.40.0.0.255 attribute 2): " + e.getMessage());
        }
    }

    /** Writes, records, reads again, loosens and checks the suite for these objects. */
    Outcome suite(List<CosemObject> objects, String optionsFile) throws DiscoveryFailure {
        Path messages = suite.resolve("messages");
        Path expected = suite.resolve("expected");
        write(messages.resolve("xmlclient.options"), optionsFile);
        List<SuiteScript> scripts = new ArrayList<>(SuiteScripts.of(objects));
        List<Dropped> dropped = new ArrayList<>();
        Map<String, List<String>> recorded = recordAll(scripts, messages, expected, dropped);
        out.println("discover: reading every attribute a second time, to see which values move by themselves");
        Map<String, List<String>> again = run(sources(scripts, messages), "3-second-read", null, null).replies();
        int byClass = 0;
        int bySecondRead = 0;
        for (SuiteScript s : scripts) {
            Path file = expected.resolve(s.fileName());
            if (!recorded.containsKey(s.fileName()) || !Files.exists(file)) {
                continue;
            }
            List<Looseness> rules = s.reads().stream()
                    .map(r -> Looseness.of(r.object().classId(), r.attribute())).toList();
            ExpectedLoosening.Result loose = ExpectedLoosening.loosen(read(file), rules, again.get(s.fileName()));
            write(file, loose.xml());
            byClass += loose.byClass();
            bySecondRead += loose.bySecondRead();
        }
        out.println("discover: checking the suite against its expected files");
        List<ScriptOutcome> check = run(sources(scripts, messages), "4-check", expected, null).outcomes();
        return new Outcome(objects, scripts, dropped, recorded, byClass, bySecondRead,
                MovedValues.between(scripts, recorded, again), check);
    }

    /**
     * Records every class script; one that breaks off is written again without the read that got
     * no reply and run again, until it completes or has nothing left to read.
     */
    private Map<String, List<String>> recordAll(List<SuiteScript> scripts, Path messages, Path expected,
            List<Dropped> dropped) throws DiscoveryFailure {
        for (SuiteScript s : scripts) {
            write(messages.resolve(s.fileName()), s.xml());
        }
        out.println("discover: recording " + scripts.stream().mapToInt(s -> s.reads().size()).sum() + " reads in "
                + scripts.size() + " message files (one association each)");
        ExpectedRecorder recorder = new ExpectedRecorder(expected, RecordMode.MISSING,
                new PrintStream(OutputStream.nullOutputStream()), err, writes);
        Map<String, List<String>> recorded = new LinkedHashMap<>();
        List<SuiteScript> pending = new ArrayList<>(scripts);
        Map<String, Integer> silentInARow = new LinkedHashMap<>();
        int attempt = 0;
        while (!pending.isEmpty()) {
            attempt++;
            List<ScriptOutcome> outcomes = run(sources(pending, messages), "2-record" + (attempt == 1 ? "" : "-" + attempt),
                    null, recorder).outcomes();
            List<SuiteScript> again = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                ScriptOutcome o = outcomes.get(i);
                SuiteScript s = pending.get(i);
                if (o.status() == ScriptOutcome.Status.COMPLETED) {
                    recorded.put(s.fileName(), o.replies().stream().map(StepReply::replyXml).toList());
                    continue;
                }
                int failed = o.replies().size();
                if (o.status() != ScriptOutcome.Status.BROKEN || failed >= s.reads().size()) {
                    throw new DiscoveryFailure(o, messages.resolve(s.fileName()) + ": " + o.error());
                }
                // the read that failed was the first of this attempt: it follows the last one without reply
                int row = failed == 0 ? silentInARow.getOrDefault(s.fileName(), 0) + 1 : 1;
                silentInARow.put(s.fileName(), row);
                List<PlannedRead> rest = new ArrayList<>(s.reads());
                if (row >= SILENT_READS_IN_A_ROW) {
                    // A meter that stays silent class after class: bounded, the rest is named, not tried.
                    rest.forEach(r -> dropped.add(new Dropped(r, o.error() + " (" + SILENT_READS_IN_A_ROW
                            + " reads in a row got no reply: the rest of the class left out untried)")));
                    out.println("discover: " + s.fileName() + ": " + SILENT_READS_IN_A_ROW + " reads in a row got no"
                            + " reply; its other " + (rest.size() - 1) + " reads left out untried");
                    rest.clear();
                } else {
                    dropped.add(new Dropped(s.reads().get(failed), o.error()));
                    out.println("discover: " + s.reads().get(failed).describe() + ": no reply (" + o.error()
                            + "); left out, the rest of " + s.fileName() + " read again");
                    rest.remove(failed);
                }
                int index = scripts.indexOf(s);
                SuiteScript shorter = SuiteScripts.of(s.fileName(), rest);
                scripts.set(index, shorter);
                if (rest.isEmpty()) {
                    delete(messages.resolve(s.fileName()));
                } else {
                    write(messages.resolve(s.fileName()), shorter.xml());
                    again.add(shorter);
                }
            }
            pending = again;
        }
        scripts.removeIf(s -> s.reads().isEmpty());
        return recorded;
    }

    private List<ScriptSource> sources(List<SuiteScript> scripts, Path messages) {
        List<ScriptSource> sources = new ArrayList<>();
        for (SuiteScript s : scripts) {
            sources.add(new ScriptSource(messages.resolve(s.fileName()), s.fileName()));
        }
        return sources;
    }

    private RepliesByScript run(List<ScriptSource> scripts, String step, Path expected, RunListener recorder)
            throws DiscoveryFailure {
        Path outDir = suite.resolve("discovery").resolve(step);
        List<RunListener> listeners = new ArrayList<>(List.of(new ReplyFiles(outDir, writes)));
        if (recorder != null) {
            listeners.add(recorder);
        }
        RepliesByScript outcomes = new RepliesByScript();
        listeners.add(outcomes);
        RunPlan plan = new RunPlan(settings.apply(scripts), outDir, expected, false, false, true);
        try {
            RunLauncher.launch(RunRequest.of(plan, listeners));
        } catch (IOException e) {
            throw new DiscoveryFailure(null, "-o " + suite + ": cannot write " + outDir + ": " + e.getMessage());
        }
        return outcomes;
    }

    private Path write(Path file, String text) throws DiscoveryFailure {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DiscoveryFailure(null, "-o " + suite + ": cannot write " + file + ": " + e.getMessage());
        }
    }

    private void delete(Path file) throws DiscoveryFailure {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new DiscoveryFailure(null, "cannot delete " + file + ": " + e.getMessage());
        }
    }

    private String read(Path file) throws DiscoveryFailure {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DiscoveryFailure(null, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Discovery cannot go on; the outcome (if a run got that far) gives the exit code. */
    static final class DiscoveryFailure extends Exception {
        final transient ScriptOutcome outcome;

        DiscoveryFailure(ScriptOutcome outcome, String message) {
            super(message);
            this.outcome = outcome;
        }
    }
}
