package dlms.xmlclient.run;

import dlms.xmlclient.media.Link;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.script.LinkLayerSteps;
import dlms.xmlclient.script.NotificationSteps;
import dlms.xmlclient.script.Script;
import dlms.xmlclient.script.ScriptException;
import dlms.xmlclient.script.Step;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.FindingPolicy;
import dlms.xmlclient.session.FrameCounters;
import dlms.xmlclient.session.Session;
import dlms.xmlclient.session.SessionException;
import dlms.xmlclient.session.Trace;
import dlms.xmlclient.verdict.Check;
import dlms.xmlclient.verdict.ReplyComparator;
import dlms.xmlclient.verdict.Verdict;
import gurux.dlms.enums.Command;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs every script of a plan, one association per script, checks each reply against its
 * expectation, and tells the listener what happened. A script that cannot be loaded or
 * connected never stops the scripts after it.
 */
public final class Runner {

    private final RunPlan plan;
    private final Function<ConnectionSettings, Link> links;
    private final Trace trace;
    private final RunListener listener;
    private final ScriptCache scripts;
    private final ReplyComparator comparator = new ReplyComparator();
    /** A meter refuses a repeated invocation counter, so the run's sessions share theirs. */
    private final FrameCounters counters = new FrameCounters();

    private final StopSignal stop;

    public Runner(RunPlan plan, Function<ConnectionSettings, Link> links, Trace trace, RunListener listener) {
        this(plan, links, trace, listener, new StopSignal());
    }

    /** @param stop requests to end the run early (Ctrl-C); --fail-fast uses it too */
    public Runner(RunPlan plan, Function<ConnectionSettings, Link> links, Trace trace, RunListener listener,
            StopSignal stop) {
        this(plan, links, trace, listener, stop, new ScriptCache(plan.expectedDir()));
    }

    /** @param scripts loaded scripts shared with other runners of the command (a fleet's meters) */
    public Runner(RunPlan plan, Function<ConnectionSettings, Link> links, Trace trace, RunListener listener,
            StopSignal stop, ScriptCache scripts) {
        if (!Objects.equals(scripts.expectedDir(), plan.expectedDir())) {
            throw new IllegalArgumentException("the script cache reads another expected folder");
        }
        this.scripts = scripts;
        this.stop = stop;
        this.plan = plan;
        this.links = links;
        this.trace = trace;
        this.listener = listener;
    }

    public List<ScriptOutcome> run() {
        long start = System.nanoTime();
        listener.runStarted(plan);
        List<ScriptOutcome> outcomes = new ArrayList<>();
        for (ScriptSource source : plan.scripts()) {
            if (stop.requested()) {
                // Not run: counted in the reports, with the reason, but not started.
                outcomes.add(new ScriptOutcome(source, null, Status.NOT_RUN, List.of(), "not run: " + stop.reason(),
                        0, ""));
                continue;
            }
            listener.scriptStarted(source);
            trace.beginCapture();
            long scriptStart = System.nanoTime();
            ScriptOutcome outcome;
            try {
                outcome = runOne(source);
            } catch (RuntimeException | Error e) { // the last guard: one script never ends the run
                String why = "internal error: " + InternalFailure.oneLine(e);
                trace.note("script " + source.relativePath() + " stopped: " + why);
                outcome = new ScriptOutcome(source, null, Status.BROKEN, List.of(), why, millisSince(scriptStart),
                        trace.endCapture());
            }
            listener.scriptFinished(outcome);
            outcomes.add(outcome.withoutReplies());
            Verdict verdict = outcome.verdict();
            if (plan.failFast() && (verdict == Verdict.FAIL || verdict == Verdict.ERROR)) {
                stop.request("--fail-fast: " + source.displayPath() + " " + verdict.name().toLowerCase(Locale.ROOT)
                        .replace('_', ' '));
            }
        }
        listener.runFinished(outcomes, millisSince(start));
        trace.flush();
        return outcomes;
    }

    private ScriptOutcome runOne(ScriptSource source) {
        long start = System.nanoTime();
        ConnectionSettings c = source.connection();
        Script script;
        List<String> expected;
        try {
            script = scripts.script(source.file(), source.relativePath(), c);
            expected = scripts.expected(script);
        } catch (ScriptException e) {
            trace.endCapture();
            return new ScriptOutcome(source, null, Status.BAD_INPUT, List.of(), e.getMessage(), millisSince(start), "");
        }
        Path missingExpected = missingExpectedFile(source, expected);
        int requests = script.steps().size();
        trace.note("script " + source.relativePath() + " (" + requests + (requests == 1 ? " request)" : " requests)"));
        List<RequestResult> results = new ArrayList<>();
        boolean failsOnFindings = c.findings() == FindingPolicy.FAIL;
        List<String> associationWarnings = List.of();
        List<String> releaseFindings = List.of();
        Status status = Status.COMPLETED;
        String error = null;
        try (Session session = Session.open(c, links.apply(c), trace, counters, stop::interruption)) {
            // A script that sends its own SNRM drives the whole association (as in the Gurux
            // XmlClient): no automatic AARQ either.
            boolean scriptedSnrm = script.sends(Command.SNRM);
            TracedMeaning meaning = new TracedMeaning(trace);
            try {
                if (!LinkLayerSteps.isLinkLayer(script)) { // a link-layer script sets up the link itself
                    session.associate(!scriptedSnrm, !scriptedSnrm && !script.sends(Command.AARQ));
                }
                for (Step step : script.steps()) {
                    stop.pause(step.delayMillis());
                    if (stop.requested()) {
                        throw new SessionException(SessionException.Kind.EXCHANGE, "stopped: " + stop.reason());
                    }
                    Instant sentAt = Instant.now();
                    long sent = System.nanoTime();
                    StepReply reply;
                    Check check;
                    try {
                        meaning.sending(step.number(), step.requestXml());
                        String xml = LinkLayerSteps.isRaw(step) ? LinkLayerRun.exchange(session, step, c)
                                : step.waitsForNotification() ? session.awaitNotification(NotificationSteps.timeoutOf(step),
                                        NotificationSteps.expectsNone(step)) : session.exchange(step.request());
                        meaning.received(step.number(), step.requestXml(), xml);
                        reply = new StepReply(step, xml, sentAt, millisSince(sent));
                        check = check(expected.get(step.number() - 1), reply, missingExpected)
                                .withFindings(session.replyFindings(), failsOnFindings);
                    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                        // A reply our code or the library cannot handle: this script stops, the run goes on.
                        throw new SessionException(SessionException.Kind.EXCHANGE,
                                "internal error: " + InternalFailure.oneLine(e), e);
                    }
                    results.add(new RequestResult(step, reply, check));
                    listener.requestFinished(source, reply);
                }
            } catch (SessionException e) {
                int failed = script.steps().get(Math.min(results.size(), script.steps().size() - 1)).command();
                // A scripted SNRM or AARQ that gets nowhere is an association failure, like an automatic one.
                boolean associating = failed == Command.SNRM || failed == Command.AARQ;
                status = e.kind() == SessionException.Kind.EXCHANGE && !associating ? Status.BROKEN : Status.NO_CONNECTION;
                String why = source.sources().explain(e);
                error = status == Status.BROKEN
                        ? "request #" + (results.size() + 1) + " (line " + script.steps().get(results.size()).line()
                                + "): " + why
                        : why;
                trace.note("script " + source.relativePath() + " stopped: " + error);
            } finally {
                // Sends RLRQ/DISC only where the script did not (or did not get that far).
                try {
                    session.release();
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    trace.note("the release failed: internal error: " + InternalFailure.oneLine(e));
                }
                associationWarnings = session.associationWarnings();
                releaseFindings = session.releaseFindings();
            }
        } catch (SessionException e) {
            status = Status.NO_CONNECTION;
            error = source.sources().explain(e);
        }
        int stoppedAt = results.size() + 1;
        int answered = results.size();
        for (Step step : script.steps().subList(results.size(), script.steps().size())) {
            String why = step.number() == stoppedAt ? error : "not sent: the script stopped at request #" + stoppedAt;
            results.add(new RequestResult(step, null, Check.error(expected.get(step.number() - 1), why)));
        }
        withSessionFindings(results, answered, associationWarnings, releaseFindings, failsOnFindings);
        return new ScriptOutcome(source, script, status, results, error, millisSince(start), trace.endCapture());
    }

    /**
     * The association's accepted findings go with the first request, the release response's
     * with the last one answered: the exchanges they come after and before.
     *
     * @param answered how many requests got a reply before the script stopped
     */
    private static void withSessionFindings(List<RequestResult> results, int answered, List<String> association,
            List<String> releaseFindings, boolean failing) {
        if (results.isEmpty()) {
            return;
        }
        if (!association.isEmpty()) {
            RequestResult first = results.get(0);
            results.set(0, new RequestResult(first.step(), first.reply(), first.check().withFindings(association,
                    false)));
        }
        List<String> release = releaseFindings.stream().map(f -> "release response: " + f).toList();
        if (!release.isEmpty()) {
            int last = Math.max(0, answered - 1);
            RequestResult r = results.get(last);
            results.set(last, new RequestResult(r.step(), r.reply(), r.check().withFindings(release, failing)));
        }
    }

    private Check check(String expectedXml, StepReply reply, Path missingExpected) {
        if (expectedXml == null) {
            return missingExpected != null ? Check.missingExpectedFile(missingExpected) : Check.notChecked(plan.strict());
        }
        try {
            return Check.compared(expectedXml, comparator.compare(expectedXml, reply.replyXml(), reply.sentAt()));
        } catch (RuntimeException e) {
            // Expected files are checked when loaded; this is the last guard so one odd
            // expectation never ends the run and its reports.
            return Check.error(expectedXml, "cannot compare: " + e.getMessage());
        }
    }

    /**
     * The expected file looked for and not found, when the plan fails such scripts: with -e, a
     * script that expects nothing at all (no file, no inline reply) is a missing file, not a pass.
     */
    private Path missingExpectedFile(ScriptSource source, List<String> expected) {
        if (!plan.missingExpectedFails() || plan.expectedDir() == null || expected.stream().anyMatch(Objects::nonNull)) {
            return null;
        }
        return plan.expectedDir().resolve(source.relativePath());
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
