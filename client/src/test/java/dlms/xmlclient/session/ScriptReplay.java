package dlms.xmlclient.session;

import dlms.xmlclient.media.Link;
import dlms.xmlclient.script.Script;
import dlms.xmlclient.script.Step;
import dlms.xmlclient.verdict.Check;
import dlms.xmlclient.verdict.ReplyComparator;
import dlms.xmlclient.verdict.Verdict;
import gurux.dlms.enums.Command;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs one script over one link as {@code Runner.runOne} does (open, associate unless the script
 * does, each request, its verdict, release), minus the reports: the reply path from the bytes
 * on the link to a verdict per request.
 */
final class ScriptReplay {

    /** What a script run ended in. */
    record Outcome(List<String> replies, List<Check> checks, String error, List<String> findings) {

        /**
         * A verdict for every request sent, the session error that stopped the rest, if any, and
         * the encoding findings of the replies and the release response.
         */
        String summary() {
            StringBuilder b = new StringBuilder();
            for (Check c : checks) {
                b.append(c.verdict()).append(' ');
            }
            b.append(error == null ? "" : "ERROR: " + error);
            return (b.toString().trim() + (findings.isEmpty() ? "" : " | findings: " + String.join("; ", findings)))
                    .trim();
        }

        /** The notes of the verdicts the comparator could not give (it threw). */
        List<String> comparatorFailures() {
            return checks.stream().filter(c -> c.verdict() == Verdict.ERROR).map(Check::note).toList();
        }
    }

    /** The verdict on one reply, as Runner.check gives it. */
    interface Verdicts {
        Check check(String expectedXml, String replyXml, Instant sentAt);
    }

    /** Told of every frame the client sends, with the client (to pin its HLS challenge). */
    interface SendHook {
        void sent(int index, ScriptClient client);
    }

    private static final Field CLIENT;

    static {
        try {
            CLIENT = Session.class.getDeclaredField("client");
            CLIENT.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ScriptReplay() {
    }

    /**
     * @param expected one expected reply per request (null: not checked)
     * @param links    makes the link, given what it must call on every frame sent
     */
    static Outcome run(ConnectionSettings settings, Script script, List<String> expected,
            Function<IntConsumer, Link> links, SendHook hook, ReplyComparator comparator) {
        return run(settings, script, expected, links, hook, (e, x, t) -> check(e, x, t, comparator));
    }

    static Outcome run(ConnectionSettings settings, Script script, List<String> expected,
            Function<IntConsumer, Link> links, SendHook hook, Verdicts verdicts) {
        ScriptClient[] client = new ScriptClient[1];
        Link link = links.apply(index -> hook.sent(index, client[0]));
        List<String> replies = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        String error = null;
        try (Session session = Session.open(settings, link, new Trace(null, null), new FrameCounters())) {
            client[0] = clientOf(session);
            boolean scriptedSnrm = script.sends(Command.SNRM);
            try {
                session.associate(!scriptedSnrm, !scriptedSnrm && !script.sends(Command.AARQ));
                for (Step step : script.steps()) {
                    Instant sentAt = Instant.now();
                    String xml = session.exchange(step.request());
                    replies.add(xml);
                    checks.add(verdicts.check(expected.get(step.number() - 1), xml, sentAt)
                            .withFindings(session.replyFindings(), true));
                    findings.addAll(session.replyFindings());
                }
            } catch (SessionException e) {
                error = e.kind() + " " + e.getMessage();
            } finally {
                session.release();
                session.releaseFindings().forEach(f -> findings.add("release response: " + f));
            }
        } catch (SessionException e) {
            error = e.kind() + " " + e.getMessage();
        }
        return new Outcome(replies, checks, error, List.copyOf(findings));
    }

    /** Runner.check: a comparison that throws is an ERROR verdict, whose note says why. */
    static Check check(String expectedXml, String xml, Instant sentAt, ReplyComparator comparator) {
        if (expectedXml == null) {
            return Check.notChecked(false);
        }
        try {
            return Check.compared(expectedXml, comparator.compare(expectedXml, xml, sentAt));
        } catch (RuntimeException e) {
            return Check.error(expectedXml, "cannot compare: " + e.getMessage());
        }
    }

    private static ScriptClient clientOf(Session session) {
        try {
            return (ScriptClient) CLIENT.get(session);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
