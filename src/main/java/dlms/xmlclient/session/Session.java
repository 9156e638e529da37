package dlms.xmlclient.session;

import dlms.xmlclient.media.Link;
import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.ObjectType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One association with a meter, for one script: open the link, associate (SNRM/UA on HDLC,
 * AARQ/AARE, the HLS challenge where required), exchange requests, release and disconnect.
 */
public final class Session implements AutoCloseable {

    private static final long MAX_INVOCATION_COUNTER = 0xFFFFFFFFL;

    private final ConnectionSettings settings;
    private final Link link;
    private final Trace trace;
    private final FrameCounters counters;
    private final ScriptClient client;
    private final ReplyReader reader;
    private final ReplyXml replyXml = ReplyXml.forSession();
    private boolean linkUp;
    private boolean associated;
    /** The invocation counter was set for this association: close() hands it on to the next one. */
    private boolean countersSet;
    /** False once the link failed: release then skips the polite RLRQ/DISC instead of timing out again. */
    private boolean healthy = true;

    private Session(ConnectionSettings settings, Link link, Trace trace, FrameCounters counters) {
        this.settings = settings;
        this.link = link;
        this.trace = trace;
        this.counters = counters;
        this.client = new ScriptClient(settings);
        this.reader = new ReplyReader(link, client, trace, settings.limits());
    }

    /**
     * Opens the link; the caller closes the session, also when this throws.
     *
     * @param counters the run's invocation counters, shared by its sessions
     */
    public static Session open(ConnectionSettings settings, Link link, Trace trace, FrameCounters counters)
            throws SessionException {
        Session session = new Session(settings, link, trace, counters);
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
        if (settings.security().hasKeys()) {
            client.getCiphering().setInvocationCounter(firstInvocationCounter());
            countersSet = true;
        }
        if (sendSnrm && settings.interfaceType() == InterfaceType.HDLC) {
            GXReplyData ua = associationStep("SNRM", new byte[][] {client.snrmRequest()}, false, 0).data;
            try {
                client.parseUAResponse(ua.getData());
            } catch (RuntimeException e) {
                throw new SessionException(SessionException.Kind.ASSOCIATE,
                        "the meter's UA cannot be read: " + oneLine(e), e);
            }
            linkUp = true; // HDLC only: WRAPPER has no link to disconnect
            trace.note("HDLC link up: max info TX " + client.getHdlcSettings().getMaxInfoTX()
                    + ", RX " + client.getHdlcSettings().getMaxInfoRX()
                    + ", window TX " + client.getHdlcSettings().getWindowSizeTX()
                    + ", RX " + client.getHdlcSettings().getWindowSizeRX());
        }
        if (!sendAarq) {
            return;
        }
        long counterSent = client.getCiphering().getInvocationCounter();
        ReceivedReply aare;
        try {
            aare = associationStep("AARQ", client.aarqRequest(), true, counterSent);
        } catch (SessionException e) {
            throw e;
        } catch (Exception e) {
            throw new SessionException(SessionException.Kind.ASSOCIATE, "cannot build the AARQ: " + oneLine(e), e);
        }
        try {
            client.parseAareResponse(aare.data.getData());
        } catch (RuntimeException e) {
            throw new SessionException(SessionException.Kind.ASSOCIATE, AssociationFailure.isDecipheringFailure(e)
                    ? AssociationFailure.undecipherable("AARE")
                    : AssociationFailure.rejected(xmlOrNull(aare), settings, e), e);
        }
        checkMeterSystemTitle();
        if (client.getIsAuthenticationRequired()
                && settings.authentication().getValue() > Authentication.LOW.getValue()) {
            answerChallenge();
        }
        associated = true;
        trace.note("associated as client " + settings.clientAddress() + " with server " + settings.serverAddress()
                + " (" + SecuritySettings.name(settings.authentication())
                + (settings.security().ciphered() ? ", " + settings.security() + ", meter system title "
                        + Trace.hex(client.getSourceSystemTitle()) : "")
                + "), max PDU " + client.getMaxReceivePDUSize());
    }

    /** HLS pass 3 and 4: our answer to the meter's challenge, and the meter's answer to ours. */
    private void answerChallenge() throws SessionException {
        ReceivedReply reply;
        long counterSent = client.getCiphering().getInvocationCounter();
        try {
            reply = associationStep("HLS challenge", client.getApplicationAssociationRequest(), false, counterSent);
        } catch (SessionException e) {
            throw e;
        } catch (Exception e) {
            throw new SessionException(SessionException.Kind.ASSOCIATE, "HLS authentication failed: " + oneLine(e), e);
        }
        if (reply.data.getError() != 0) {
            throw new SessionException(SessionException.Kind.ASSOCIATE, "HLS authentication failed: the meter refused"
                    + " our answer to its challenge (" + errorName(reply.data.getError()) + "): " + secretHint());
        }
        try {
            client.parseApplicationAssociationResponse(reply.data.getData());
        } catch (Exception e) {
            // The meter accepted our answer, so our secret is its secret: its own answer is wrong.
            throw new SessionException(SessionException.Kind.ASSOCIATE, "HLS authentication failed: the meter"
                    + " accepted our answer to its challenge, but its answer to ours does not match (HLS pass 4:"
                    + " another meter on this address, or a meter fault)", e);
        }
    }

    /**
     * A data-access-result as the Blue Book spells it, e.g. read-write-denied. gurux.dlms 4.0.47
     * has no name (null) for a value the standard does not define: the number is given then.
     */
    private static String errorName(int error) {
        ErrorCode code = ErrorCode.forValue(error);
        return code == null ? "result " + error + ", which DLMS does not define"
                : code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private String secretHint() {
        return settings.authentication() == Authentication.HIGH_GMAC
                ? "wrong keys (check -A, -B and -T)" : "wrong secret (check -P)";
    }

    /** With -M, the meter must say it is that meter. System titles are public: both are shown. */
    private void checkMeterSystemTitle() throws SessionException {
        String expected = settings.security().meterSystemTitle();
        byte[] actual = client.getSourceSystemTitle();
        if (expected != null && settings.security().hasKeys()
                && (actual == null || !Trace.hex(actual).replace(" ", "").equals(expected))) {
            throw new SessionException(SessionException.Kind.ASSOCIATE, "the meter's system title is "
                    + (actual == null ? "missing from the AARE" : Trace.hex(actual).replace(" ", ""))
                    + ", -M says " + expected + " (another meter, or check -M)");
        }
    }

    /**
     * Where this association's invocation counter starts: after the last one this run sent to
     * the meter, else after the meter's own counter object (-v), else -F, else 0.
     */
    private long firstInvocationCounter() throws SessionException {
        OptionalLong known = counters.next(settings);
        if (known.isPresent()) {
            return known.getAsLong();
        }
        String ln = settings.security().invocationCounterObject();
        if (ln != null) {
            long value = readInvocationCounter(ln);
            trace.note("invocation counter " + ln + " reads " + value + ": continuing from " + (value + 1));
            return unexhausted(value + 1);
        }
        return unexhausted(Math.max(0, settings.security().initialInvocationCounter()));
    }

    /**
     * An association sends at least three ciphered APDUs (AARQ, HLS pass 3, a request); the
     * counter is 32 bits and must never wrap (the same key and nonce twice).
     */
    private static long unexhausted(long first) throws SessionException {
        if (first + 3 > MAX_INVOCATION_COUNTER) {
            throw new SessionException(SessionException.Kind.ASSOCIATE, "invocation counter exhausted (" + first
                    + " of " + MAX_INVOCATION_COUNTER + "): the meter's keys must be renewed");
        }
        return first;
    }

    /** Reads the meter's invocation counter object through the public client, on this link. */
    private long readInvocationCounter(String ln) throws SessionException {
        ConnectionSettings publicClient = settings.publicClient();
        Session publicSession = new Session(publicClient, link, trace, counters);
        String failure = "cannot read the invocation counter " + ln + " through the public client "
                + publicClient.clientAddress() + ": ";
        try {
            publicSession.associate(true, true);
            ReceivedReply reply = publicSession.reader.exchange(publicSession.client.read(ln, ObjectType.DATA, 2));
            if (reply.serviceError != null || reply.data.getError() != 0 || !(reply.data.getValue() instanceof Number)) {
                throw new SessionException(SessionException.Kind.ASSOCIATE, failure + "the meter answered "
                        + (reply.serviceError != null ? oneLine(reply.serviceError)
                        : reply.data.getError() != 0 ? errorName(reply.data.getError())
                        : "a value that is not a number") + " (check -v)");
            }
            return ((Number) reply.data.getValue()).longValue();
        } catch (SessionException e) {
            throw e.getMessage().startsWith(failure) ? e
                    : new SessionException(SessionException.Kind.ASSOCIATE, failure + e.getMessage(), e);
        } catch (Exception e) {
            throw new SessionException(SessionException.Kind.ASSOCIATE, failure + oneLine(e), e);
        } finally {
            publicSession.release();
        }
    }

    private String xmlOrNull(ReceivedReply reply) {
        try {
            return replyXml.toXml(reply);
        } catch (Exception e) {
            return null;
        }
    }


    private ReceivedReply associationStep(String what, byte[][] frames, boolean associationRequest, long counterSent)
            throws SessionException {
        try {
            ReceivedReply reply = exchangeOrMarkBroken(frames, associationRequest);
            if (reply.serviceError != null) {
                throw new SessionException(SessionException.Kind.ASSOCIATE,
                        AssociationFailure.refused(what, reply.serviceError, counterSent));
            }
            return reply;
        } catch (SessionException e) {
            if (e.kind() == SessionException.Kind.ASSOCIATE) {
                throw e;
            }
            throw new SessionException(SessionException.Kind.ASSOCIATE, what + " failed: " + e.getMessage()
                    + (e.getMessage().startsWith("no reply") ? noAnswerHint() : ""), e);
        }
    }

    private ReceivedReply exchangeOrMarkBroken(byte[][] frames, boolean associationRequest)
            throws SessionException {
        try {
            return reader.exchange(frames, associationRequest);
        } catch (SessionException e) {
            healthy = false;
            throw e;
        }
    }

    private String noAnswerHint() {
        return "; the meter may not know client " + settings.clientAddress() + " or server address "
                + ServerAddresses.describe(settings.serverAddress(), settings.interfaceType()) + " (check -c and -s"
                + (settings.interfaceType() == InterfaceType.HDLC ? ", -l or -n" : "") + ")";
    }

    /**
     * Sends one request from a script and returns the whole reply as XML. Error and exception
     * replies are replies like any other; only a link failure throws.
     */
    public String exchange(GXDLMSXmlPdu request) throws SessionException {
        int command = request.getCommand();
        if (settings.interfaceType() == InterfaceType.WRAPPER
                && (command == Command.SNRM || command == Command.DISCONNECT_REQUEST)) {
            return null; // HDLC-only frames have no meaning on WRAPPER
        }
        byte[][] frames;
        long counterBefore = client.getCiphering().getInvocationCounter();
        try {
            frames = client.framesFor(request);
        } catch (Exception e) {
            throw new SessionException(SessionException.Kind.EXCHANGE, "cannot encode the request: " + oneLine(e), e);
        }
        boolean ciphered = settings.security().ciphered() && frames.length > 0
                && client.getCiphering().getInvocationCounter() != counterBefore;
        if (ciphered) {
            trace.plain(true, request.getData());
        }
        ReceivedReply reply = exchangeOrMarkBroken(frames, command == Command.AARQ);
        afterScriptedControl(command, reply);
        if (reply.ciphered && ReplyXml.isRebuilt(reply)) {
            trace.plain(false, ReplyXml.plainPdu(reply));
        }
        try {
            return replyXml.toXml(reply);
        } catch (Exception e) {
            // Recorded, not fatal: the link is fine and the requests after this one still run.
            trace.note("the reply cannot be translated to XML: " + oneLine(e));
            return "<!-- the reply could not be translated to XML: " + oneLine(e).replace("--", "- -") + " -->\n"
                    + "<UntranslatedReply Frame=\"" + Trace.hex(reply.lastFrame) + "\" />";
        }
    }

    /** Keeps the client's state in step when the script itself sends SNRM, AARQ, RLRQ or DISC. */
    private void afterScriptedControl(int command, ReceivedReply reply) {
        try {
            switch (command) {
                case Command.SNRM -> {
                    client.parseUAResponse(reply.data.getData());
                    linkUp = true;
                }
                case Command.AARQ -> {
                    client.parseAareResponse(reply.data.getData());
                    associated = true;
                }
                case Command.RELEASE_REQUEST -> associated = false;
                case Command.DISCONNECT_REQUEST -> {
                    associated = false;
                    linkUp = false;
                }
                default -> {
                    // Data services need nothing.
                }
            }
        } catch (RuntimeException e) {
            trace.note("the meter's answer to the scripted " + Command.toString(command) + " was not accepted: "
                    + oneLine(e));
        }
    }

    /**
     * Releases the association (RLRQ) and disconnects the link (DISC, HDLC) unless the script
     * already did; never throws, since it also runs after failures. After a link failure (no
     * answer, connection closed) nothing is sent: a meter that did not answer the last request
     * will not answer these, and waiting for it would only delay the next script.
     */
    public void release() {
        if (!healthy) {
            trace.note("link failed: no release or disconnect sent");
            return;
        }
        if (associated) {
            try {
                byte[][] frames = client.releaseRequest();
                if (frames != null && frames.length > 0 && frames[0] != null) {
                    reader.exchange(frames);
                }
            } catch (Exception e) {
                trace.note("release not answered: " + oneLine(e));
            }
            associated = false;
        }
        if (linkUp && settings.interfaceType() == InterfaceType.HDLC) {
            try {
                // After releaseRequest() the plain disconnectRequest() returns null (gurux.dlms 4.0.47).
                byte[] disc = client.disconnectRequest(true);
                if (disc != null) {
                    reader.exchange(new byte[][] {disc});
                }
            } catch (Exception e) {
                trace.note("disconnect not answered: " + oneLine(e));
            }
            linkUp = false;
        }
    }

    @Override
    public void close() {
        if (countersSet) {
            counters.sent(settings, client.getCiphering().getInvocationCounter());
        }
        link.close();
        trace.flush();
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m.trim().replaceAll("\\s*[\\r\\n]+\\s*", ": ");
    }
}
