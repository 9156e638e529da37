package dlms.xmlclient.bench;

import dlms.xmlclient.media.Links;
import dlms.xmlclient.script.Step;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.FrameCounters;
import dlms.xmlclient.session.Session;
import dlms.xmlclient.session.SessionException;
import dlms.xmlclient.session.Trace;

import java.util.List;

/**
 * Our session layer alone, as the runner drives it for one script (open, associate, exchange
 * each request into reply XML, release, close) but with no script loading, verdict or report:
 * the session's share of our path.
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
