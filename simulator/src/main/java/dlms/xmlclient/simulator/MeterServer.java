package dlms.xmlclient.simulator;

import java.util.Arrays;
import java.util.Set;

import gurux.dlms.ConnectionState;
import gurux.dlms.GXDLMSConnectionEventArgs;
import gurux.dlms.GXServerReply;
import gurux.dlms.GXUInt32;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.AccessMode;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.MethodAccessMode;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.SourceDiagnostic;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSSecuritySetup;
import gurux.dlms.objects.enums.AssociationStatus;
import gurux.dlms.objects.enums.SecurityPolicy;
import gurux.dlms.secure.GXDLMSSecureServer2;

/**
 * The meter's DLMS server: addressing (see {@link ServerAddress}), authentication, access rights
 * (the objects' own behaviours are in {@link ObjectBehaviours}), and the security a meter has
 * and gurux.dlms 4.0.47 lacks: replay protection (see {@link InvocationCounters}), no plain
 * requests in a ciphered association, and a frame counter of its own that never goes back.
 * Logical name referencing, or short name referencing (see {@link ShortNames}): there the
 * client's LN association is not served, and not assigned in gurux.dlms (which would take its LN
 * conformance), but still decides authentication and access. Not thread safe: the caller
 * serialises every request through {@link #serve}.
 */
final class MeterServer extends GXDLMSSecureServer2 {

    /** Plain xDLMS requests: get, set, action, access, general block transfer, read, write. */
    private static final Set<Integer> PLAIN_REQUESTS = Set.of(Command.GET_REQUEST,
            Command.SET_REQUEST, Command.METHOD_REQUEST, Command.ACCESS_REQUEST,
            Command.GENERAL_BLOCK_TRANSFER, Command.READ_REQUEST, Command.WRITE_REQUEST);
    private final ObjectBehaviours objects;
    private final SimulatorLog log;
    private final boolean wrapper;
    private final ServerAddress address;
    private final boolean shortNames;
    /** The whole device: with SN referencing the associations are in it, not served. */
    private final GXDLMSObjectCollection device;
    private final MeterCiphering ciphering = new MeterCiphering();
    private final InvocationCounters counters;
    /** SN: a long ReadResponse's results in the Green Book's form. */
    private final ReadResponseBlocks readResults;
    private final FaultInjection faults;
    /**
     * The meter's own frame counter, the next one to send: gurux.dlms restarts it at 0 for every
     * connection. It starts at 1: a counter of 0 is refused by clients (dlms-cosem) that take 0
     * as "nothing received yet" and accept only a greater one (see CounterOnTheWireTest).
     */
    private long sentCounter = 1;
    /** The APDU so far of a request arriving in HDLC segments; null when none is. */
    private java.io.ByteArrayOutputStream segments;
    /** Set when the connection is to be closed after the reply (see {@link #takeHangUp}). */
    private boolean hangUp;
    /** Set when a plain request of a ciphered association reaches the access checks. */
    private boolean unprotected;

    /**
     * @param device the objects to serve (associations included)
     * @param address the meter's address, which also tells WRAPPER from HDLC framing
     * @param shortNames true for short name referencing, false for logical names
     * @param clock clock behaviour
     * @param log where connection events go
     * @param faults the meter's misbehaviour, which may answer in gurux.dlms's place
     */
    MeterServer(GXDLMSObjectCollection device, ServerAddress address,
            boolean shortNames, MeterClock clock, SimulatorLog log,
            FaultInjection faults) {
        super(!shortNames, address.isWrapper() ? InterfaceType.WRAPPER : InterfaceType.HDLC);
        this.objects = new ObjectBehaviours(clock);
        this.log = log;
        this.wrapper = address.isWrapper();
        this.address = address;
        this.shortNames = shortNames;
        this.device = device;
        this.faults = faults;
        setCipher(ciphering);
        if (shortNames) {
            getItems().addAll(ShortNames.served(device));
            getSettings().setProposedConformance(ShortNames.conformance());
            getSettings().setMaxServerPDUSize(Associations.MAX_PDU_SIZE);
        } else {
            getItems().addAll(device);
        }
        counters = new InvocationCounters(device);
        readResults = new ReadResponseBlocks(log);
        ProfileBuffer.initializeWithoutCaptureThreads(getItems(), this::initialize);
    }

    /**
     * Handles one request (or the next part of a streamed reply) the way
     * {@link #handleRequest(GXServerReply)} does, with the security checks gurux.dlms lacks.
     * Within a ciphered association a plain request, a frame counter not above the last
     * accepted one or an APDU that does not authenticate is kept from gurux.dlms (replaced by a
     * harmless request) and answered with an exception-response: invocation-counter-error with
     * the lowest counter accepted, or deciphering-error. (gurux.dlms 4.0.47 does not clear the
     * APDU it failed to decipher and then cannot parse the next request, hence the check
     * before it.) A stale counter or wrong key in an AARQ is refused by gurux.dlms itself; its
     * answer is replaced by the same exception-responses. A fault's answer (see
     * {@link FaultInjection#answerInstead}) takes the place of gurux.dlms's the same way.
     *
     * @param sr the request; its reply is set
     * @throws Exception when gurux.dlms fails
     */
    void serve(GXServerReply sr) throws Exception {
        byte[] request = sr.getData();
        int requestTag = request == null ? -1 : Frames.apduTag(request, wrapper);
        byte[] refusal = request == null ? null : refusalBeforehand(request);
        if (refusal == null && request != null) {
            refusal = faults.answerInstead(request, getConnectionState());
        }
        if (refusal == null && request != null) {
            refusal = refusalOfDeepData(request);
        }
        if (refusal != null) {
            sr.setData(Frames.withApdu(Frames.apduOffset(request, wrapper) < 0
                    ? withLlc(request) : request, wrapper, HarmlessRequest.of(shortNames)));
        }
        unprotected = false;
        ciphering.startRequest();
        if (ciphering.getInvocationCounter() < sentCounter) {
            ciphering.setInvocationCounter(sentCounter);
        }
        if (shortNames) {
            readResults.request(sr.getData(), wrapper);
        }
        boolean nextAareSegment = request != null && isHlsPendingReceiveReady(request);
        if (nextAareSegment) {
            // gurux.dlms 4.0.47 answers the RR for the next segment of an AARE with
            // exception-response service-unknown while the association is not established,
            // which it is not until HLS pass 3: with an information field under some 80 bytes
            // no HLS client could associate. The RR is served as within an association.
            getSettings().setConnected(getConnectionState() | ConnectionState.DLMS);
        }
        try {
            handleRequest(sr);
        } finally {
            if (nextAareSegment) {
                getSettings().setConnected(getConnectionState() & ~ConnectionState.DLMS);
            }
        }
        sentCounter = Math.max(sentCounter, ciphering.getInvocationCounter());
        byte[] reply = sr.getReply();
        int tag = Frames.apduTag(reply, wrapper);
        if (tag == Command.RELEASE_RESPONSE) {
            // gurux.dlms 4.0.47 enciphers the RLRE's initiate-response with the counter it holds
            // without counting it, then forgets the association's ciphering: the next AARE went
            // out with the same key and counter, the very same bytes (the client's replay check
            // named it). The counter it used is counted here.
            sentCounter = Math.max(sentCounter, ReleaseCounter.used(Frames.apdu(reply, wrapper)) + 1);
        }
        // An AARQ was deciphered when it is answered with an AARE. Selecting an association
        // (AARQ) also sets the security suite, so for an AARQ that does not tell.
        boolean deciphered = refusal == null && (tag == Command.AARE
                || requestTag != Command.AARQ && ciphering.deciphered());
        InvocationCounters.Outcome counter = counters.settle(deciphered);
        if (tag == -1) {
            return;
        }
        if (refusal == null) {
            refusal = refusalAfterwards(counter, deciphered);
        }
        if (refusal != null) {
            sr.setReply(Frames.withApdu(reply, wrapper, refusal));
        } else {
            byte[] repaired = ReplyRepairs.repaired(reply, wrapper, ciphering);
            if (repaired != null) {
                sr.setReply(repaired);
            }
        }
    }

    /**
     * @return the exception-response for a request of a ciphered association that gurux.dlms
     *         must not see, null to let it through
     */
    private byte[] refusalBeforehand(byte[] request) {
        GXDLMSAssociationLogicalName association = association();
        if (association == null || !Associations.isCiphered(association)
                || !isInAssociation() || !Frames.isWhole(request, wrapper)
                || Frames.isSegment(request, wrapper)) {
            return null;
        }
        int offset = Frames.apduOffset(request, wrapper);
        if (offset < 0) {
            return null;
        }
        if (PLAIN_REQUESTS.contains(request[offset] & 0xFF)) {
            return refused("plain request", ExceptionResponses.decipheringError());
        }
        CipheredApdu apdu = CipheredApdu.parse(request, offset);
        if (apdu == null) {
            return null;
        }
        if (!apdu.isAuthenticatedAndEncrypted()) {
            // The security policy of clients 1 to 4: authenticated and encrypted requests.
            return refused("request below the security policy (authenticated and encrypted)",
                    ExceptionResponses.decipheringError());
        }
        long expected = counters.expected(getSettings().getInvocationCounter());
        if (apdu.counter() < expected) {
            return refused("frame counter " + apdu.counter() + ", expected at least " + expected,
                    ExceptionResponses.invocationCounterError(expected));
        }
        byte[] key = apdu.dedicated() ? ciphering.getDedicatedKey()
                : ciphering.getBlockCipherKey();
        if (!apdu.authenticates(getSettings().getSourceSystemTitle(), key,
                ciphering.getAuthenticationKey())) {
            return refused("request that does not authenticate (wrong key?)",
                    ExceptionResponses.decipheringError());
        }
        return null;
    }

    /**
     * Keeps a request whose data nest deeper than {@link NestingGuard#MAX_DEPTH} from
     * gurux.dlms, whose recursive parser overflows the stack on it, and answers it as the Green
     * Book lets a server answer a request it cannot serve: a Set, Action or Get normal with the
     * service's own result type-unmatched (no attribute or parameter has such a type); any
     * other LN service with exception-response service-not-allowed / operation-not-possible;
     * an SN Read or Write with confirmed-service-error service / other. A request split over
     * HDLC segments is followed from its first segment; when gurux.dlms holds some of them
     * already, the connection is closed after the answer (see {@link #takeHangUp}).
     *
     * @return the answer to a request nesting too deep, null to let it through
     */
    private byte[] refusalOfDeepData(byte[] request) {
        if (!Frames.isWhole(request, wrapper)) {
            return null; // a frame over several reads: left to MeterAccess's guard
        }
        int from = Frames.WRAPPER_HEADER;
        int to = wrapper ? request.length : request.length - 3;
        if (!wrapper) {
            int control = Frames.controlOffset(request);
            if (control < 0 || (request[control] & 0x01) != 0) {
                segments = null; // SNRM, DISC, RR: no APDU in progress
                return null;
            }
            boolean more = Frames.isSegment(request, false);
            if (segments == null) {
                from = Frames.apduOffset(request, false);
                if (from < 0) {
                    return null;
                }
                if (more) {
                    segments = new java.io.ByteArrayOutputStream();
                    segments.write(request, from, to - from);
                }
            } else if (to > control + 3) {
                segments.write(request, control + 3, to - control - 3);
            }
            if (segments != null) {
                byte[] received = segments.toByteArray();
                if (!more) {
                    segments = null;
                }
                if (!NestingGuard.tooDeep(received, 0, received.length)) {
                    return null;
                }
                segments = null;
                hangUp = true;
                return refused("request nesting deeper than " + NestingGuard.MAX_DEPTH
                        + " levels (HDLC segments; connection closed)", deepAnswer(received, 0));
            }
        }
        if (!NestingGuard.tooDeep(request, from, to)) {
            return null;
        }
        return refused("request nesting deeper than " + NestingGuard.MAX_DEPTH + " levels",
                deepAnswer(request, from));
    }

    /** @return the answer to the (too deep) request APDU at {@code from} */
    private byte[] deepAnswer(byte[] apdu, int from) {
        int tag = apdu[from] & 0xFF;
        int type = from + 1 < apdu.length ? apdu[from + 1] & 0xFF : 0;
        byte invoke = from + 2 < apdu.length ? apdu[from + 2] : 0;
        int typeUnmatched = ErrorCode.UNMATCHED_TYPE.getValue();
        if (tag == Command.SET_REQUEST && type == 1) {
            return new byte[] {(byte) Command.SET_RESPONSE, 1, invoke, (byte) typeUnmatched};
        }
        if (tag == Command.METHOD_REQUEST && type == 1) {
            return new byte[] {(byte) Command.METHOD_RESPONSE, 1, invoke, (byte) typeUnmatched,
                0};
        }
        if (tag == Command.GET_REQUEST && type == 1) {
            return new byte[] {(byte) Command.GET_RESPONSE, 1, invoke, 1, (byte) typeUnmatched};
        }
        if (tag == Command.READ_REQUEST || tag == Command.WRITE_REQUEST) {
            return new byte[] {(byte) Command.CONFIRMED_SERVICE_ERROR,
                (byte) (tag == Command.READ_REQUEST ? 5 : 6), 3, 0};
        }
        return ExceptionResponses.operationNotPossible();
    }

    /**
     * @param frame an HDLC I-frame continuing an APDU (no LLC bytes)
     * @return a frame with the same header and LLC bytes, for {@link Frames#withApdu}
     */
    private static byte[] withLlc(byte[] frame) {
        int control = Frames.controlOffset(frame);
        byte[] out = java.util.Arrays.copyOf(frame, control + 3 + 7);
        out[control + 3] = (byte) 0xE6;
        out[control + 4] = (byte) 0xE6;
        out[control + 5] = 0;
        out[out.length - 1] = 0x7E;
        return out;
    }

    /**
     * @return true (once) when the connection is to be closed after the reply just made: a
     *         request was refused after gurux.dlms had taken a part of it
     */
    boolean takeHangUp() {
        boolean was = hangUp;
        hangUp = false;
        return was;
    }

    /** @return the exception-response for what gurux.dlms refused or should have */
    private byte[] refusalAfterwards(InvocationCounters.Outcome counter,
            boolean deciphered) {
        if (counter.refused()) {
            return refused("frame counter below " + counter.expected(),
                    ExceptionResponses.invocationCounterError(counter.expected()));
        }
        if (counter.accepted() && !deciphered) {
            return refused("AARQ that does not decipher (wrong key?)",
                    ExceptionResponses.decipheringError());
        }
        if (unprotected) {
            return refused("plain request", ExceptionResponses.decipheringError());
        }
        return null;
    }

    private byte[] refused(String what, byte[] exceptionResponse) {
        log.warning("refused from client " + getSettings().getClientAddress() + ": " + what);
        return exceptionResponse;
    }

    /**
     * @return the association of the client being served (with SN referencing its profile),
     *         null before a client is accepted
     */
    private GXDLMSAssociationLogicalName association() {
        return shortNames ? Associations.forClient(device, getSettings().getClientAddress())
                : getAssignedAssociation();
    }

    /**
     * @param request bytes received
     * @return true for an HDLC RR frame (the client asking for the next segment of a reply)
     *         while the association waits for the client's HLS reply (pass 3)
     */
    private boolean isHlsPendingReceiveReady(byte[] request) {
        if (wrapper || !Frames.isWhole(request, false)
                || (getConnectionState() & ConnectionState.DLMS) != 0) {
            return false;
        }
        int control = Frames.controlOffset(request);
        GXDLMSAssociationLogicalName association = association();
        return control > 0 && (request[control] & 0x0F) == 0x01 && association != null
                && association.getAssociationStatus() == AssociationStatus.ASSOCIATION_PENDING;
    }

    /**
     * @return true when an association is established or waits for the client's HLS reply
     *         (pass 3)
     */
    private boolean isInAssociation() {
        GXDLMSAssociationLogicalName association = association();
        return association != null && ((getConnectionState() & ConnectionState.DLMS) != 0
                || association.getAssociationStatus() == AssociationStatus.ASSOCIATION_PENDING);
    }

    /**
     * Second line for {@link #serve}: a plain request that reached gurux.dlms anyway (split over
     * several reads or HDLC segments) gets no access. Within a ciphered association every
     * request gurux.dlms acts on must have been deciphered.
     */
    private boolean refusesPlain() {
        GXDLMSAssociationLogicalName association = association();
        if (association != null && Associations.isCiphered(association)
                && !ciphering.deciphered()) {
            unprotected = true;
        }
        return unprotected;
    }

    /**
     * Accepts the meter's server address (see {@link ServerAddress}) from a client with an
     * association. Anything else is not for this meter, which stays silent.
     */
    @Override
    protected boolean isTarget(int serverAddress, int clientAddress) {
        GXDLMSAssociationLogicalName association = Associations.forClient(device, clientAddress);
        if (!address.accepts(serverAddress) || association == null) {
            return false;
        }
        if (!shortNames) {
            setAssignedAssociation(association);
        }
        return true;
    }

    @Override
    protected SourceDiagnostic onValidateAuthentication(Authentication authentication,
            byte[] password) {
        GXDLMSAssociationLogicalName association = association();
        if (association == null) {
            return SourceDiagnostic.NOT_SUPPORTED;
        }
        if (faults.rejectsAssociation()) {
            log.warning("fault reject-association: AARQ " + faults.associationRequests()
                    + " (since start) rejected, client " + getSettings().getClientAddress());
            return SourceDiagnostic.NO_REASON_GIVEN;
        }
        if (shortNames && (authentication.getValue() > Authentication.LOW.getValue()
                || authentication != association.getAuthenticationMechanismName()
                        .getMechanismId())) {
            // gurux.dlms checks the mechanism against the assigned association, which SN lacks.
            return SourceDiagnostic.NOT_RECOGNISED; // HLS is LN only
        }
        if (authentication == Authentication.LOW
                && !Arrays.equals(association.getSecret(), password)) {
            return SourceDiagnostic.AUTHENTICATION_FAILURE;
        }
        return SourceDiagnostic.NONE;
    }

    /**
     * Until the association is established only the client's HLS reply may pass: gurux.dlms
     * 4.0.47 checks that a request comes within an association only for plain APDUs, so it
     * would serve a ciphered one after a failed or skipped HLS exchange.
     *
     * @return true for reply_to_HLS_authentication (method 1) of the association waiting for it
     */
    private boolean isHlsReply(ValueEventArgs arg) {
        GXDLMSAssociationLogicalName association = association();
        return arg.getTarget() == association && arg.getIndex() == 1
                && association.getAssociationStatus() == AssociationStatus.ASSOCIATION_PENDING;
    }

    /** 0.0.40.0.0.255 is the association in use (Blue Book); gurux.dlms asks here for it. */
    @Override
    protected GXDLMSObject onFindObject(ObjectType objectType, int sn,
            String ln) {
        if (objectType == ObjectType.ASSOCIATION_LOGICAL_NAME && Associations.CURRENT.equals(ln)) {
            return association();
        }
        return null;
    }

    @Override
    protected AccessMode onGetAttributeAccess(ValueEventArgs arg) {
        if (ShortNames.undefined(arg)) {
            return AccessMode.READ;
        }
        if (refusesPlain() || (getConnectionState() & ConnectionState.DLMS) == 0) {
            return AccessMode.NO_ACCESS;
        }
        return AccessPolicy.attribute(association(), arg.getTarget(), arg.getIndex());
    }

    @Override
    protected MethodAccessMode onGetMethodAccess(ValueEventArgs arg) {
        if (refusesPlain() || (getConnectionState() & ConnectionState.DLMS) == 0
                && !isHlsReply(arg)) {
            return MethodAccessMode.NO_ACCESS;
        }
        return AccessPolicy.method(association(), arg.getTarget(), arg.getIndex());
    }

    @Override
    public void onPreRead(ValueEventArgs[] args) {
        for (ValueEventArgs e : args) {
            if (!shortNames && (e.getError() != ErrorCode.OK
                    || SecretAttributes.isSecret(e.getTarget(), e.getIndex()))) {
                refuseRead(e);
                continue;
            }
            GXUInt32 counter = e.getIndex() == 2 ? counters.lastAccepted(e.getTarget()) : null;
            if (counter != null) {
                e.setValue(counter);
                e.setHandled(true);
            } else if (e.isAction()) {
                objects.invoke(e); // SN: a method invoked by a ReadRequest (ShortNames)
            } else {
                objects.read(e);
            }
            if (shortNames) {
                ShortNames.read(e, association());
            }
        }
        if (shortNames) {
            readResults.standardise(args, getSettings(), wrapper);
        }
    }

    /**
     * Answers an item refused by the access check (or a secret, whatever the check said) with
     * its data-access-result. Only a Get-Request-With-List brings such an item here, and
     * gurux.dlms 4.0.47 then writes the result code followed by the attribute's value anyway (the
     * secret of every association to the public client) instead of the Get-Data-Result choice
     * [1] and the code: the item is handled with the bytes of that choice, the choice byte being
     * what gurux.dlms writes as the "error" (1), the code the value.
     */
    private static void refuseRead(ValueEventArgs e) {
        if (e.getHandled() && e.getError() == ErrorCode.HARDWARE_FAULT
                && e.getValue() instanceof byte[] && ((byte[]) e.getValue()).length == 1) {
            return; // refused already (read again for a next data block)
        }
        ErrorCode result = e.getError() == ErrorCode.OK ? ErrorCode.READ_WRITE_DENIED
                : e.getError();
        e.setError(ErrorCode.HARDWARE_FAULT); // value 1: data-access-result [1]
        e.setValue(new byte[] {(byte) result.getValue()});
        e.setByteArray(true);
        e.setHandled(true);
    }

    /**
     * @return true for a security_activate that would weaken the security policy: the Blue
     *         Book's method "activates and strengthens" it, so every bit already set stays set
     *         (gurux.dlms 4.0.47 stores any value, 0 too)
     */
    private static boolean weakens(ValueEventArgs e) {
        if (!(e.getTarget() instanceof GXDLMSSecuritySetup) || e.getIndex() != 1) {
            return false;
        }
        if (!(e.getParameters() instanceof Number)) {
            return true;
        }
        int now = SecurityPolicy.toInteger(
                ((GXDLMSSecuritySetup) e.getTarget()).getSecurityPolicy());
        int asked = ((Number) e.getParameters()).intValue() & 0xFF;
        return (asked & now) != now;
    }

    @Override
    protected void onPreWrite(ValueEventArgs[] args) {
        for (ValueEventArgs e : args) {
            objects.write(e);
        }
    }

    @Override
    protected void onPreAction(ValueEventArgs[] args) {
        for (ValueEventArgs e : args) {
            objects.invoke(e);
            if (!e.getHandled()) {
                invokeUndoingRefusal(e);
            }
        }
    }

    /**
     * Runs an association's or security setup's method as gurux.dlms would, but puts the object
     * back as it was when the method answers an error or fails (see {@link MethodSnapshot}).
     * reply_to_HLS_authentication is left alone: a failed HLS reply must end the attempt.
     */
    private void invokeUndoingRefusal(ValueEventArgs e) {
        GXDLMSObject target = e.getTarget();
        if (target instanceof GXDLMSAssociationLogicalName && e.getIndex() == 1) {
            return;
        }
        MethodSnapshot before = MethodSnapshot.of(target, getSettings());
        if (before == null) {
            return;
        }
        try {
            if (weakens(e)) {
                e.setError(ErrorCode.OTHER_REASON);
            } else {
                e.setValue(target.invoke(getSettings(), e));
            }
        } catch (Exception | LinkageError ex) {
            e.setError(ErrorCode.OTHER_REASON);
            e.setValue(null);
        }
        if (e.getError() != ErrorCode.OK) {
            before.restore();
            log.warning("method " + e.getIndex() + " of " + target.getLogicalName()
                    + " refused (" + e.getError() + "): nothing changed");
        }
        e.setHandled(true);
    }

    @Override
    protected void onConnected(GXDLMSConnectionEventArgs connectionInfo) {
        GXDLMSAssociationLogicalName association = association();
        log.info("associated client " + getSettings().getClientAddress() + " with "
                + (shortNames ? "the Association SN" : association == null ? "?"
                        : association.getLogicalName()));
    }

    @Override
    protected void onInvalidConnection(GXDLMSConnectionEventArgs connectionInfo) {
        log.warning("association refused for client " + getSettings().getClientAddress());
    }

    @Override
    protected void onDisconnected(GXDLMSConnectionEventArgs connectionInfo) {
        log.info("association released by client " + getSettings().getClientAddress());
    }

    @Override
    public void onPreGet(ValueEventArgs[] args) {
        // Nothing to do: reads are answered in onPreRead.
    }

    @Override
    public void onPostGet(ValueEventArgs[] args) {
        // Nothing to do.
    }

    @Override
    public void onPostRead(ValueEventArgs[] args) {
        // Nothing to do.
    }

    @Override
    protected void onPostWrite(ValueEventArgs[] args) {
        // Nothing to do.
    }

    @Override
    protected void onPostAction(ValueEventArgs[] args) {
        // Nothing to do.
    }
}
