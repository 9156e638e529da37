package dlms.xmlclient.bench;

import dlms.xmlclient.media.Links;
import dlms.xmlclient.script.Step;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.FrameCounters;
import dlms.xmlclient.session.Session;
import dlms.xmlclient.session.SessionException;
import dlms.xmlclient.session.Trace;
import dlms.xmlclient.verdict.ReplyComparator;

import java.time.Instant;
import java.util.List;

/**
 * Our session layer as the runner drives it for one script (open, associate, exchange each
 * request into reply XML, release, close), with no script loading or report, and with or
 * without the verdict: the exchange's share of our path.
 */
final class SessionLoop {

    private SessionLoop() {
    }

    /** @return the wall time in nanoseconds */
    static long run(ConnectionSettings settings, List<Step> steps, Trace trace) throws SessionException {
        long start = System.nanoTime();
        try (Session session = open(settings, trace)) {
            session.associate(true, true);
            for (Step step : steps) {
                session.exchange(step.request());
            }
            session.release();
        }
        return System.nanoTime() - start;
    }

    /**
     * The runner's step loop without loading or reports: each request through the session into
     * reply XML, and that checked against its expected reply, as {@code Runner} checks it.
     *
     * @return the wall time in nanoseconds
     */
    static long runChecked(ConnectionSettings settings, List<Step> steps, List<String> expected,
            ReplyComparator comparator, Trace trace) throws SessionException {
        long start = System.nanoTime();
        try (Session session = open(settings, trace)) {
            session.associate(true, true);
            for (Step step : steps) {
                Instant sentAt = Instant.now();
                String xml = session.exchange(step.request());
                if (!comparator.compare(expected.get(step.number() - 1), xml, sentAt).isEmpty()) {
                    throw new IllegalStateException("request #" + step.number() + " did not pass");
                }
            }
            session.release();
        }
        return System.nanoTime() - start;
    }

    /** Connect, associate, release, disconnect and close: one association, nothing exchanged. */
    static void associateOnce(ConnectionSettings settings, Trace trace) throws SessionException {
        try (Session session = open(settings, trace)) {
            session.associate(true, true);
            session.release();
        }
    }

    private static Session open(ConnectionSettings settings, Trace trace) throws SessionException {
        return Session.open(settings, Links.forMedium(settings.medium(), settings.limits().waitTimeMillis(), trace),
                trace, new FrameCounters());
    }
}
