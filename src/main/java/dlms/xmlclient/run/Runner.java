package dlms.xmlclient.run;

import dlms.xmlclient.media.Link;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.script.Script;
import dlms.xmlclient.script.ScriptException;
import dlms.xmlclient.script.ScriptLoader;
import dlms.xmlclient.script.Step;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.Session;
import dlms.xmlclient.session.SessionException;
import dlms.xmlclient.session.Trace;
import gurux.dlms.enums.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs every script of a plan, one association per script, and tells the listener what
 * happened. A script that cannot be loaded or connected never stops the scripts after it.
 */
public final class Runner {

    private final RunPlan plan;
    private final Supplier<Link> links;
    private final Trace trace;
    private final RunListener listener;

    public Runner(RunPlan plan, Supplier<Link> links, Trace trace, RunListener listener) {
        this.plan = plan;
        this.links = links;
        this.trace = trace;
        this.listener = listener;
    }

    public List<ScriptOutcome> run() {
        long start = System.nanoTime();
        listener.runStarted(plan);
        ConnectionSettings c = plan.connection();
        ScriptLoader loader = new ScriptLoader(c.interfaceType(), c.logicalNames(), c.clientAddress(),
                c.serverAddress());
        List<ScriptOutcome> outcomes = new ArrayList<>();
        for (ScriptSource source : plan.scripts()) {
            listener.scriptStarted(source);
            ScriptOutcome outcome = runOne(loader, source);
            outcomes.add(outcome);
            listener.scriptFinished(outcome);
        }
        listener.runFinished(outcomes, millisSince(start));
        trace.flush();
        return outcomes;
    }

    private ScriptOutcome runOne(ScriptLoader loader, ScriptSource source) {
        long start = System.nanoTime();
        Script script;
        try {
            script = loader.load(source.file(), source.relativePath());
        } catch (ScriptException e) {
            return new ScriptOutcome(source, null, Status.BAD_INPUT, List.of(), e.getMessage(), millisSince(start));
        }
        trace.note("script " + source.relativePath() + " (" + script.steps().size() + " requests)");
        List<StepReply> replies = new ArrayList<>();
        Status status = Status.COMPLETED;
        String error = null;
        try (Session session = Session.open(plan.connection(), links.get(), trace)) {
            // A script that sends its own SNRM drives the whole association (as in the Gurux
            // XmlClient): no automatic AARQ either.
            boolean scriptedSnrm = script.sends(Command.SNRM);
            try {
                session.associate(!scriptedSnrm, !scriptedSnrm && !script.sends(Command.AARQ));
                for (Step step : script.steps()) {
                    pause(step.delayMillis());
                    long sent = System.nanoTime();
                    String xml = session.exchange(step.request());
                    StepReply reply = new StepReply(step, xml, millisSince(sent));
                    replies.add(reply);
                    listener.requestFinished(source, reply);
                }
            } catch (SessionException e) {
                status = e.kind() == SessionException.Kind.EXCHANGE ? Status.BROKEN : Status.NO_CONNECTION;
                error = status == Status.BROKEN
                        ? "request #" + (replies.size() + 1) + " (line " + script.steps().get(replies.size()).line()
                                + "): " + e.getMessage()
                        : e.getMessage();
                trace.note("script " + source.relativePath() + " stopped: " + error);
            } finally {
                // Sends RLRQ/DISC only where the script did not (or did not get that far).
                session.release();
            }
        } catch (SessionException e) {
            status = Status.NO_CONNECTION;
            error = e.getMessage();
        }
        return new ScriptOutcome(source, script, status, replies, error, millisSince(start));
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
