package dlms.xmlclient.run;

import dlms.xmlclient.media.Links;
import dlms.xmlclient.session.Trace;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place a run is assembled: the trace file in the out folder, the listeners, the links
 * for each script's medium, and the {@link Runner}. A single run, every meter of a fleet and the
 * bench all come through here; they differ only in their {@link RunRequest}.
 */
public final class RunLauncher {

    /** The trace file in a run's out folder. */
    public static final String TRACE_FILE = "trace.txt";

    private RunLauncher() {
    }

    /**
     * Runs the request to its end (or its stop).
     *
     * @throws IOException when the out folder or the trace file cannot be created; nothing ran
     */
    public static RunResult launch(RunRequest request) throws IOException {
        RunPlan plan = request.plan();
        Path traceFile = Files.createDirectories(plan.outDir()).resolve(TRACE_FILE);
        // One buffer (Files.newBufferedWriter's): a fleet holds a trace open per meter in flight.
        try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(traceFile, StandardCharsets.UTF_8))) {
            Trace trace = new Trace(file, request.echo());
            ScriptCache cache = request.cache() != null ? request.cache() : new ScriptCache(plan.expectedDir());
            Runner runner = new Runner(plan, settings -> request.wrapLink().apply(Links.forMedium(settings.medium(),
                    settings.limits().waitTimeMillis(), trace)), trace, RunListener.all(request.listeners()),
                    request.stop(), cache);
            List<ScriptOutcome> outcomes = runner.run();
            trace.flush();
            return new RunResult(outcomes, trace.failed() ? "cannot write " + traceFile
                    + ": the disk or the file failed" : null);
        }
    }
}
