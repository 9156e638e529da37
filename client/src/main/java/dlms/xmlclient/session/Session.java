package dlms.xmlclient.session;

import dlms.xmlclient.media.Link;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.ObjectType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;

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
    /** Why the run was interrupted (Ctrl-C), or null while it goes on. */
    private final Supplier<String> interruption;
    private final ScriptClient client;
    private final ReplyReader reader;
    private final ReplayCheck replays;
    private final ReplyXml replyXml = ReplyXml.forSession();
    private boolean linkUp;
    private boolean associated;
    /** The invocation counter was set for this association: close() hands it on to the next one. */
    private boolean countersSet;
    /** False once the link failed: release then skips the polite RLRQ/DISC instead of timing out again. */
    private boolean healthy = true;
    /** Findings kept as warnings (--findings warn) for the association and the release. */
    private final List<String> warnings = new ArrayList<>();
    /** The encoding findings of the last reply. */
    private List<String> replyFindings = List.of();
    /** The encoding findings of the release response (RLRE). */
    private List<String> releaseFindings = List.of();

    private Session(ConnectionSettings settings, Link link, Trace trace, FrameCounters counters,
            Supplier<String> interruption) {
        this.settings = settings;
        this.link = link;
        this.trace = trace;
        this.counters = counters;
        this.interruption = interruption;
        this.client = new ScriptClient(settings);
        this.reader = new ReplyReader(link, client, trace, settings.limits(), interruption);
        this.replays = new ReplayCheck(counters, settings);
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
        if (settings.security().hasKeys()) {
            client.getCiphering().setInvocationCounter(firstInvocationCounter());
            countersSet = true;
        }
        if (sendSnrm && settings.interfaceType() == InterfaceType.HDLC) {
            GXReplyData ua = associationStep("SNRM", new byte[][] {client.snrmRequest()}, false, 0).data;
            try {
                client.parseUAResponse(ua.getData());
            } catch (RuntimeException e) {
                trace.note("gurux.dlms cannot read the UA: " + oneLine(e));
                throw new SessionException(SessionException.Kind.ASSOCIATE, "the meter's UA is malformed: its HDLC"
                        + " parameter list cannot be read (the decoder's reason is in trace.txt)", e);
            }
            linkUp = true; // HDLC only: WRAPPER has no link to disconnect
            GXByteBuffer info = ua.getData();
            byte[] parameters = info.size() == 0 ? new byte[0] // the buffer holds no array then
                    : java.util.Arrays.copyOfRange(info.getData(), 0, info.size());
            findings("UA", UaParameters.findings(parameters, settings.hdlc()), SessionException.Kind.ASSOCIATE);
            trace.note("HDLC link up: max info TX " + client.getHdlcSettings().getMaxInfoTX()
                    + ", RX " + client.getHdlcSettings().getMaxInfoRX()
                    + ", window TX " + client.getHdlcSettings().getWindowSizeTX()
                    + ", RX " + client.getHdlcSettings().getWindowSizeRX());
        }
        if (!sendAarq) {
            return;
        }
        long counterSent = client.getCiphering().getInvocationCounter();
        byte[][] aarq;
        try {
            aarq = client.aarqRequest();
        } catch (Exception e) {
            trace.note("gurux.dlms cannot build the AARQ: " + oneLine(e));
            throw new SessionException(SessionException.Kind.ASSOCIATE, "cannot build the AARQ from these settings"
                    + " (the library's reason is in trace.txt)", e);
        }
        ReceivedReply aare = associationStep("AARQ", aarq, true, counterSent);
        AareCheck.Accepted accepted = AareCheck.judge(ApduAssembler.ofRequest(aarq, settings.interfaceType()),
                single(aare, "AARE"), settings);
        accepted.proposalUnread().ifPresent(why -> trace.note("our AARQ, as gurux.dlms encoded it, cannot be read ("
                + why + "): the AARE is held to the settings instead"));
        findings("AARE", accepted.findings(), SessionException.Kind.ASSOCIATE);
        try {
            client.parseAareResponse(aare.data.getData());
        } catch (RuntimeException e) {
            if (AssociationFailure.isDecipheringFailure(e)) {
                throw new SessionException(SessionException.Kind.ASSOCIATE, AssociationFailure.undecipherable("AARE"), e);
            }
            trace.note("gurux.dlms cannot use the AARE: " + oneLine(e));
            throw new SessionException(SessionException.Kind.ASSOCIATE, "the meter accepted the association, but the"
                    + " user-information of its AARE is not a usable xDLMS InitiateResponse (DLMS version 6,"
                    + " conformance, max PDU size; the decoder's reason is in trace.txt)", e);
        }
        checkMeterSystemTitle();
        findings("AARE", replays.check(aare.apdus.apdus(), meterSystemTitle()), SessionException.Kind.ASSOCIATE);
        if (accepted.challenge() != null) {
            answerChallenge(); // HLS pass 3 and 4, whatever the AARE's diagnostic said
        }
        associated = true;
        trace.note("associated as client " + settings.clientAddress() + " with server " + settings.serverAddress()
                + " (" + SecuritySettings.name(settings.authentication())
                + (settings.security().ciphered() ? ", " + settings.security() + ", meter system title "
                        + Trace.hex(client.getSourceSystemTitle()) : "")
                + "), max PDU " + client.getMaxReceivePDUSize()
                + (accepted.challenge() != null ? "; HLS pass 4: the meter's answer to our challenge verified" : ""));
    }

    /**
     * The one APDU an association step got back, as the meter sent it.
     */
    private static byte[] single(ReceivedReply reply, String what) throws SessionException {
        List<byte[]> apdus = reply.apdus.apdus();
        if (apdus.isEmpty()) {
            throw new SessionException(SessionException.Kind.ASSOCIATE, "the meter's " + what + " has no APDU");
        }
        return apdus.get(apdus.size() - 1);
    }

    /**
     * Deviations the meter's answer shows: with the strict policy the first one ends the step;
     * otherwise each is traced and kept for the script's report as a warning.
     */
    private void findings(String what, List<String> found, SessionException.Kind kind) throws SessionException {
        if (found.isEmpty()) {
            return;
        }
        for (String f : found) {
            trace.note("finding: " + f);
        }
        if (settings.findings() == FindingPolicy.FAIL) {
            throw new SessionException(kind, "the meter's " + what + " deviates from the standard: " + found.get(0)
                    + (found.size() > 1 ? " (and " + (found.size() - 1) + " more in trace.txt)" : "")
                    + "; --findings warn accepts it");
        }
        warnings.addAll(found);
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
            trace.note("gurux.dlms cannot answer the challenge: " + oneLine(e));
            throw new SessionException(SessionException.Kind.ASSOCIATE, "HLS authentication failed: our answer to the"
                    + " meter's challenge cannot be computed from these settings (the library's reason is in"
                    + " trace.txt)", e);
        }
        findings("answer to HLS pass 3", EncodingCheck.findings(reply), SessionException.Kind.ASSOCIATE);
        findings("answer to HLS pass 3", replays.check(reply.apdus.apdus(), meterSystemTitle()),
                SessionException.Kind.ASSOCIATE);
        if (reply.data.getError() != 0) {
            int error = reply.data.getError();
            // Only a refusal says the secret is wrong: another result (hardware-fault, …) is the meter's trouble.
            boolean refused = error == ErrorCode.READ_WRITE_DENIED.getValue();
            throw new SessionException(SessionException.Kind.ASSOCIATE, "HLS authentication failed: the meter"
                    + (refused ? " refused our answer to its challenge (" + errorName(error) + "): " + secretHint()
                            : " answered our answer to its challenge with " + errorName(error)
                                    + " (HLS pass 3 not completed)"));
        }
        try {
            client.parseApplicationAssociationResponse(reply.data.getData());
        } catch (Exception e) {
            // The meter accepted our answer, so our secret is its secret: its own answer is wrong.
            throw new SessionException(SessionException.Kind.ASSOCIATE, "HLS authentication failed: the meter"
                    + " accepted our answer to its challenge, but its answer to ours does not verify (HLS pass 4:"
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

    /** The meter's system title from its AARE, in hex: whose counters the replay check keeps. */
    private String meterSystemTitle() {
        byte[] title = client.getSourceSystemTitle();
        return title == null ? "" : Trace.hex(title).replace(" ", "");
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
        Session publicSession = new Session(publicClient, link, trace, counters, interruption);
        String failure = "cannot read the invocation counter " + ln + " through the public client "
                + publicClient.clientAddress() + ": ";
        try {
            publicSession.associate(true, true);
            ReceivedReply reply = publicSession.reader.exchange(publicSession.client.read(ln, ObjectType.DATA, 2));
            if (reply.serviceError != null || reply.data.getError() != 0 || !(reply.data.getValue() instanceof Number)) {
                throw new SessionException(SessionException.Kind.ASSOCIATE, failure + "the meter answered "
                        + (reply.serviceError != null ? ServiceErrors.describe(reply.serviceError)
                        : reply.data.getError() != 0 ? errorName(reply.data.getError())
                        : "a value that is not a number") + " (check -v)");
            }
            return ((Number) reply.data.getValue()).longValue();
        } catch (SessionException e) {
            throw e.getMessage().startsWith(failure) ? e
                    : new SessionException(SessionException.Kind.ASSOCIATE, failure + e.getMessage(), e);
        } catch (Exception e) {
            trace.note("gurux.dlms: " + oneLine(e));
            throw new SessionException(SessionException.Kind.ASSOCIATE, failure + "its reply cannot be decoded (the"
                    + " decoder's reason is in trace.txt)", e);
        } finally {
            publicSession.release();
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
            // Interrupted, the link is not known to be broken: the release is still tried, in haste.
            if (!e.isStopped()) {
                healthy = false;
            }
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
            trace.note("gurux.dlms cannot encode the request: " + oneLine(e));
            throw new SessionException(SessionException.Kind.EXCHANGE, "cannot encode the request: the translator"
                    + " refuses its XML (its reason is in trace.txt)", e);
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
        List<String> found = new ArrayList<>(EncodingCheck.findings(reply));
        found.addAll(replays.check(reply.apdus.apdus(), meterSystemTitle()));
        replyFindings = List.copyOf(found);
        for (String f : replyFindings) {
            trace.note("finding: " + f);
        }
        try {
            return replyXml.toXml(reply);
        } catch (Exception e) {
            // Recorded, not fatal: the link is fine and the requests after this one still run.
            trace.note("the reply cannot be translated to XML: " + oneLine(e));
            return "<!-- the reply could not be translated to XML"
                    + (replyFindings.isEmpty() ? " (the translator's reason is in trace.txt)"
                            : ": " + replyFindings.get(0).replace("--", "- -")) + " -->\n"
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
        if (interruption.get() != null) {
            reader.hurry();
        }
        if (associated) {
            try {
                byte[][] frames = client.releaseRequest();
                if (frames != null && frames.length > 0 && frames[0] != null) {
                    ReceivedReply rlre = reader.exchange(frames);
                    List<String> found = new ArrayList<>();
                    for (byte[] apdu : rlre.apdus.apdus()) {
                        found.addAll(EncodingCheck.acseFindings(apdu));
                    }
                    found.addAll(replays.check(rlre.apdus.apdus(), meterSystemTitle()));
                    releaseFindings = List.copyOf(found);
                    for (String f : releaseFindings) {
                        trace.note("encoding finding: " + f);
                    }
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

    /** The encoding findings of the reply to the last request {@link #exchange} sent. */
    public List<String> replyFindings() {
        return replyFindings;
    }

    /** The encoding findings of the meter's release response; empty before {@link #release}. */
    public List<String> releaseFindings() {
        return releaseFindings;
    }

    /** Findings accepted as warnings (--findings warn) while associating. */
    public List<String> associationWarnings() {
        return List.copyOf(warnings);
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
