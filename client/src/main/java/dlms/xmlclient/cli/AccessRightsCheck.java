package dlms.xmlclient.cli;

import dlms.xmlclient.discover.AccessFindings;
import dlms.xmlclient.discover.AccessRightsJUnit;
import dlms.xmlclient.discover.AccessRightsScripts;
import dlms.xmlclient.discover.AccessRightsScripts.AccessScript;
import dlms.xmlclient.discover.CosemObject;
import dlms.xmlclient.report.ConsoleReport;
import dlms.xmlclient.report.HtmlReport;
import dlms.xmlclient.report.ReplyFiles;
import dlms.xmlclient.report.WriteFailures;
import dlms.xmlclient.run.RunLauncher;
import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.RunPlan;
import dlms.xmlclient.run.RunRequest;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptSource;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code discover --access-rights}: the access the association view declares, held against what
 * the meter does (see {@link AccessRightsScripts}). The check is an ordinary run of scripts with
 * inline expectations, so that its console lines and report.html are the run's; junit.xml has one
 * test case per attribute or method, and the findings (declared against observed) follow on the
 * console and in access-rights.txt.
 */
final class AccessRightsCheck {

    /** The findings, the probes left unchecked (no reply) and the check run's outcomes. */
    record Result(List<String> findings, List<String> unchecked, List<ScriptOutcome> outcomes) {

        boolean clean() {
            return findings.isEmpty() && unchecked.isEmpty();
        }
    }

    private final Path suite;
    private final UnaryOperator<List<ScriptSource>> settings;
    private final String target;
    private final PrintStream out;
    private final WriteFailures writes;

    AccessRightsCheck(Path suite, UnaryOperator<List<ScriptSource>> settings, String target, PrintStream out,
            WriteFailures writes) {
        this.suite = suite;
        this.settings = settings;
        this.target = target;
        this.out = out;
        this.writes = writes;
    }

    /**
     * @param probeWrites  also write back the static values read
     * @param moved        the values seen moving between the two reads of the suite (by {@link AccessRightsScripts#key})
     * @param probeMethods also invoke the methods declared no-access
     */
    Result run(List<CosemObject> objects, boolean probeWrites, Set<String> moved, boolean probeMethods)
            throws IOException {
        Path folder = suite.resolve("access-rights");
        List<AccessScript> scripts = AccessRightsScripts.reads(objects);
        write(folder, scripts);
        if (probeWrites || probeMethods) {
            Map<String, String> values = null;
            if (probeWrites) {
                out.println("discover: reading every attribute for the write probes");
                RepliesByScript reads = new RepliesByScript();
                launch(folder, scripts, suite.resolve("discovery").resolve("5-access-reads"), List.of(reads));
                values = AccessRightsScripts.valuesRead(scripts, reads.replies());
            }
            scripts = AccessRightsScripts.of(objects, values, moved, probeMethods);
            write(folder, scripts);
        }
        out.println("discover: checking the access rights the association view declares ("
                + scripts.stream().mapToInt(s -> s.probes().size()).sum() + " requests"
                + (probeWrites ? ", writing back the static values read" : ", reads")
                + (probeMethods ? ", invoking the methods declared no-access" : "") + ")");
        Path reportDir = suite.resolve("access-rights-report");
        RepliesByScript check = new RepliesByScript();
        long start = System.nanoTime();
        launch(folder, scripts, reportDir, List.of(check, new ConsoleReport(out, false),
                new HtmlReport(reportDir, target, Clock.systemDefaultZone(), writes)));
        // junit.xml: one test case per attribute or method (the run's own would have one per request)
        Files.writeString(reportDir.resolve("junit.xml"), AccessRightsJUnit.of(scripts, check.replies(),
                check.millis(), (System.nanoTime() - start) / 1e9), StandardCharsets.UTF_8);
        List<String> findings = AccessFindings.of(scripts, check.replies());
        List<String> unchecked = AccessFindings.unchecked(scripts, check.replies());
        List<String> lines = new ArrayList<>();
        String verdict = findings.isEmpty() && unchecked.isEmpty() ? "the meter did as its association view declares"
                : findings.size() + (findings.size() == 1 ? " finding" : " findings")
                + (unchecked.isEmpty() ? "" : ", " + unchecked.size() + " not checked (no reply)");
        lines.add("access rights: " + verdict + " (" + reportDir.resolve("report.html") + ", "
                + reportDir.resolve("junit.xml") + ")");
        findings.forEach(f -> lines.add("  " + f));
        unchecked.forEach(u -> lines.add("  not checked, no reply: " + u));
        lines.forEach(out::println);
        Files.write(suite.resolve("access-rights.txt"), lines, StandardCharsets.UTF_8);
        return new Result(findings, unchecked, check.outcomes());
    }

    private void launch(Path folder, List<AccessScript> scripts, Path outDir, List<RunListener> listeners)
            throws IOException {
        List<ScriptSource> sources = new ArrayList<>();
        for (AccessScript s : scripts) {
            sources.add(new ScriptSource(folder.resolve(s.fileName()), s.fileName()));
        }
        List<RunListener> all = new ArrayList<>(listeners);
        all.add(0, new ReplyFiles(outDir, writes));
        RunLauncher.launch(RunRequest.of(new RunPlan(settings.apply(sources), outDir, null, false), all));
    }

    private static void write(Path folder, List<AccessScript> scripts) throws IOException {
        Files.createDirectories(folder);
        for (AccessScript s : scripts) {
            Files.writeString(folder.resolve(s.fileName()), s.xml(), StandardCharsets.UTF_8);
        }
    }
}
