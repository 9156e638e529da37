package dlms.xmlclient.cli;

import dlms.xmlclient.discover.AccessFindings;
import dlms.xmlclient.discover.AccessRightsScripts;
import dlms.xmlclient.discover.AccessRightsScripts.AccessScript;
import dlms.xmlclient.discover.CosemObject;
import dlms.xmlclient.report.ConsoleReport;
import dlms.xmlclient.report.HtmlReport;
import dlms.xmlclient.report.JUnitReport;
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
import java.util.function.UnaryOperator;

/**
 * {@code discover --access-rights}: the access the association view declares, held against what
 * the meter does (see {@link AccessRightsScripts}). The check is an ordinary run of scripts with
 * inline expectations, so that its console lines, junit.xml and report.html are the run's; the
 * findings (declared against observed) follow on the console and in access-rights.txt.
 */
final class AccessRightsCheck {

    /** The findings and the check run's outcomes. */
    record Result(List<String> findings, List<ScriptOutcome> outcomes) {
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

    /** @param probeWrites also write back what was read and invoke the methods declared no-access */
    Result run(List<CosemObject> objects, boolean probeWrites) throws IOException {
        Path folder = suite.resolve("access-rights");
        List<AccessScript> scripts = AccessRightsScripts.reads(objects);
        write(folder, scripts);
        if (probeWrites) {
            out.println("discover: reading every attribute for the write probes");
            RepliesByScript reads = new RepliesByScript();
            launch(folder, scripts, suite.resolve("discovery").resolve("5-access-reads"), List.of(reads));
            scripts = AccessRightsScripts.of(objects, AccessRightsScripts.valuesRead(scripts, reads.replies()));
            write(folder, scripts);
        }
        out.println("discover: checking the access rights the association view declares ("
                + scripts.stream().mapToInt(s -> s.probes().size()).sum() + " requests"
                + (probeWrites ? ", writing back the values read" : ", reads only") + ")");
        Path reportDir = suite.resolve("access-rights-report");
        RepliesByScript check = new RepliesByScript();
        launch(folder, scripts, reportDir, List.of(check, new ConsoleReport(out, false),
                new JUnitReport(reportDir, target, Clock.systemDefaultZone(), writes),
                new HtmlReport(reportDir, target, Clock.systemDefaultZone(), writes)));
        List<String> findings = AccessFindings.of(scripts, check.replies());
        List<String> lines = new ArrayList<>();
        lines.add("access rights: " + (findings.isEmpty() ? "the meter did as its association view declares"
                : findings.size() + (findings.size() == 1 ? " finding" : " findings")) + " ("
                + reportDir.resolve("report.html") + ", " + reportDir.resolve("junit.xml") + ")");
        findings.forEach(f -> lines.add("  " + f));
        lines.forEach(out::println);
        Files.write(suite.resolve("access-rights.txt"), lines, StandardCharsets.UTF_8);
        return new Result(findings, check.outcomes());
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
