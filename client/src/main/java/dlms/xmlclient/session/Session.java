package dlms.xmlclient.session;

import dlms.xmlclient.media.Link;
import gurux.dlms.GXDLMSXmlPdu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * One association with a meter, for one script: open the link, associate (SNRM/UA on HDLC,
 * AARQ/AARE, the HLS challenge where required), exchange requests, release and disconnect. Each
 * job is its own class on the shared {@link Connection}; this is their order and their outcome.
 */
public final class Session implements AutoCloseable {

    private final Connection connection;
    /** The connection's client (tests replaying a script pin its HLS challenge through this field). */
    private final ScriptClient client;
    private final FrameCounters counters;
    private final RequestExchange requests;
    /** The invocation counter was set for this association: close() hands it on to the next one. */
    private boolean countersSet;
    /** The encoding findings of the release response (RLRE). */
    private List<String> releaseFindings = List.of();

    private Session(ConnectionSettings settings, Link link, Trace trace, FrameCounters counters,
            Supplier<String> interruption) {
        this.connection = new Connection(settings, link, trace, counters, interruption);
        this.client = connection.client;
        this.counters = counters;
        this.requests = new RequestExchange(connection);
    }

    /** {@link #open(ConnectionSettings, Link, Trace, FrameCounters, Supplier)}, never interrupted. */
    public static Session open(ConnectionSettings settings, Link link, Trace trace, FrameCounters counters)
            throws SessionException {
        return open(settings, link, trace, counters, () -> null);
    }

    /**
     * Opens the link; the caller closes the session, also when this throws.
     *
     * @param counters     the run's invocation counters, shared by its sessions
     * @param interruption why the run was interrupted (Ctrl-C), or null while it goes on: the
     *                     exchange in progress then ends within a fraction of a second
     */
    public static Session open(ConnectionSettings settings, Link link, Trace trace, FrameCounters counters,
            Supplier<String> interruption) throws SessionException {
        Session session = new Session(settings, link, trace, counters, interruption);
        if (settings.password() != null) {
            trace.mask(settings.password().getBytes(StandardCharsets.US_ASCII));
        }
        for (byte[] key : settings.security().secrets()) {
            trace.mask(key);
        }
        trace.note("connecting to " + link.describe());
        try {
            link.open();
        } catch (IOException e) {
            link.close();
            throw new SessionException(SessionException.Kind.CONNECT, e.getMessage(), e);
        }
        return session;
    }

    /**
     * Associates with the meter.
     *
     * @param sendSnrm send SNRM (HDLC only) because the script does not
     * @param sendAarq send AARQ because the script does not
     */
    public void associate(boolean sendSnrm, boolean sendAarq) throws SessionException {
        if (connection.settings.security().hasKeys()) {
            client.getCiphering().setInvocationCounter(new InvocationCounterSource(connection, counters).first());
            countersSet = true;
        }
        new Association(connection).establish(sendSnrm, sendAarq);
    }

    /**
     * Sends one request from a script and returns the whole reply as XML. Error and exception
     * replies are replies like any other; only a link failure throws.
     */
    public String exchange(GXDLMSXmlPdu request) throws SessionException {
        return requests.send(request);
    }

    /**
     * Waits for the meter's next unsolicited notification (a script's {@code <WaitForNotification>})
     * and returns it as XML; none within the timeout throws, naming it, or with {@code noneExpected}
     * (a script's {@code <WaitForNoNotification>}) returns {@code <NoNotification />}.
     */
    public String awaitNotification(int timeoutMillis, boolean noneExpected) throws SessionException {
        return NotificationWait.await(connection, timeoutMillis, noneExpected);
    }

    /**
     * Releases the association (RLRQ) and disconnects the link (DISC, HDLC) unless the script
     * already did; never throws, since it also runs after failures.
     */
    public void release() {
        releaseFindings = Release.end(connection);
    }

    /** The encoding findings of the reply to the last request {@link #exchange} sent. */
    public List<String> replyFindings() {
        return requests.replyFindings();
    }

    /** The bare link, for a link-layer script that sends its own frames (no association is made). */
    public LinkLayer linkLayer() {
        return new LinkLayer(connection.link, connection.trace, connection.settings.limits().waitTimeMillis());
    }

    /** The encoding findings of the meter's release response; empty before {@link #release}. */
    public List<String> releaseFindings() {
        return releaseFindings;
    }

    /** Findings accepted as warnings (--findings warn) while associating. */
    public List<String> associationWarnings() {
        return List.copyOf(connection.warnings);
    }

    @Override
    public void close() {
        if (countersSet) {
            counters.sent(connection.settings, client.getCiphering().getInvocationCounter());
        }
        connection.link.close();
        connection.trace.flush();
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m.trim().replaceAll("\\s*[\\r\\n]+\\s*", ": ");
    }
}
