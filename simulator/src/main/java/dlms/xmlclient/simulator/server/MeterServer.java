package dlms.xmlclient.simulator.server;


import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.MeterClock;
import dlms.xmlclient.simulator.device.ObjectBehaviours;
import dlms.xmlclient.simulator.device.ProfileBuffer;
import dlms.xmlclient.simulator.faults.FaultInjection;
import dlms.xmlclient.simulator.faults.MeterFault;
import dlms.xmlclient.simulator.log.SimulatorLog;
import dlms.xmlclient.simulator.transport.Frames;
import dlms.xmlclient.simulator.transport.ServerAddress;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
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
import gurux.dlms.objects.enums.AssociationStatus;
import gurux.dlms.secure.GXDLMSSecureServer2;

/**
 * The meter's DLMS server: addressing (see {@link ServerAddress}), authentication, access rights
 * (the objects' own behaviours are in {@link ObjectBehaviours}), and the security a meter has
 * and gurux.dlms 4.0.47 lacks (see {@link CipheredRequests}): replay protection, no plain
 * requests in a ciphered association, and a frame counter of its own that never goes back.
 * Requests nesting too deep for gurux.dlms are kept from it (see {@link DeepRequests}); a
 * refused method of an association or security setup changes nothing (see
 * {@link MethodUndo}).
 * Logical name referencing, or short name referencing (see {@link ShortNames}): there the
 * client's LN association is not served, and not assigned in gurux.dlms (which would take its LN
 * conformance), but still decides authentication and access. Not thread safe: the caller
 * serialises every request through {@link #serve}.
 */
public final class MeterServer extends GXDLMSSecureServer2 {

    private final ObjectBehaviours objects;
    private final SimulatorLog log;
    private final boolean wrapper;
    private final ServerAddress address;
    private final boolean shortNames;
    /** The whole device: with SN referencing the associations are in it, not served. */
    private final GXDLMSObjectCollection device;
    private final CipheredRequests security;
    private final DeepRequests deepRequests;
    /** SN: a long ReadResponse's results in the Green Book's form. */
    private final ReadResponseBlocks readResults;
    private final FaultInjection faults;
    private final DeclaredAccess declared;
    private final GbtStreams gbt;
    private final ListServices lists = new ListServices();

    /**
     * Serves {@code device} (associations included) at {@code address} (which also tells WRAPPER
     * from HDLC), misbehaving as {@code faults} say, with one set of invocation counters per meter.
     */
    MeterServer(GXDLMSObjectCollection device, ServerAddress address, boolean shortNames,
            MeterClock clock, SimulatorLog log, FaultInjection faults,
            InvocationCounters counters) {
        super(!shortNames, address.isWrapper() ? InterfaceType.WRAPPER : InterfaceType.HDLC);
        this.objects = new ObjectBehaviours(clock);
        this.log = log;
        this.wrapper = address.isWrapper();
        this.address = address;
        this.shortNames = shortNames;
        this.device = device;
        this.faults = faults;
        this.declared = new DeclaredAccess(faults.fault() == MeterFault.WRONG_ACCESS_RIGHTS);
        RefusalLog refusals = new RefusalLog(log, getSettings());
        this.deepRequests = new DeepRequests(wrapper, refusals);
        if (shortNames) {
            getItems().addAll(ShortNames.served(device));
            getSettings().setProposedConformance(ShortNames.conformance());
            getSettings().setMaxServerPDUSize(Associations.MAX_PDU_SIZE);
        } else {
            getItems().addAll(device);
        }
        gbt = new GbtStreams(wrapper, faults.fault() == MeterFault.GBT_LOST_BLOCK, log, getSettings());
        security = new CipheredRequests(counters, getSettings(), wrapper, refusals);
        setCipher(security.ciphering());
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
        if (gbt.answered(sr)) { // a general-block-transfer acknowledgement: the next window went
            return;
        }
        if (FrameRejects.answered(sr, this, wrapper)) { // FRMR, which gurux.dlms never sends
            return;
        }
        int requestTag = request == null ? -1 : Frames.apduTag(request, wrapper);
        byte[] refusal = request == null ? null
                : security.refusalBeforehand(request, association(), isInAssociation());
        if (refusal == null && request != null) {
            refusal = faults.answerInstead(request, getConnectionState());
        }
        if (refusal == null && request != null) {
            refusal = deepRequests.refusal(request);
        }
        if (refusal != null) {
            sr.setData(Frames.requestWithApdu(request, wrapper, HarmlessRequest.of(shortNames)));
        }
        security.startRequest();
        if (shortNames) {
            readResults.request(sr.getData(), wrapper);
        }
        int stateBefore = getConnectionState(); // as the client left it, before the RR's stand-in below
        boolean nextAareSegment = request != null && isHlsPendingReceiveReady(request);
        if (nextAareSegment) {
            // gurux.dlms 4.0.47 answers the RR for the next segment of an AARE with
            // exception-response service-unknown while the association is not established,
            // which it is not until HLS pass 3: with an information field under some 80 bytes
            // no HLS client could associate. The RR is served as within an association.
            getSettings().setConnected(getConnectionState() | ConnectionState.DLMS);
        }
        gbt.beforeRequest(getSettings(), requestTag);
        try {
            if (shortNames || !lists.served(sr, wrapper, this::handleRequest, new HdlcCounters(getSettings()))) {
                handleRequest(sr);
            }
        } finally {
            if (nextAareSegment) {
                getSettings().setConnected(getConnectionState() & ~ConnectionState.DLMS);
            }
        }
        byte[] reply = sr.getReply();
        int tag = Frames.apduTag(reply, wrapper);
        KeptAssociation.restore(getSettings(), stateBefore, tag);
        security.replied(reply, tag);
        // An AARQ was deciphered when it is answered with an AARE. Selecting an association
        // (AARQ) also sets the security suite, so for an AARQ that does not tell.
        boolean deciphered = refusal == null && (tag == Command.AARE
                || requestTag != Command.AARQ && security.deciphered());
        InvocationCounters.Outcome counter = security.settle(deciphered);
        if (tag == -1) {
            return;
        }
        if (refusal == null) {
            refusal = security.refusalAfterwards(counter, deciphered);
        }
        if (refusal != null) {
            sr.setReply(Frames.withApdu(reply, wrapper, refusal));
        } else {
            byte[] repaired = ReplyRepairs.repaired(reply, wrapper, security.ciphering());
            if (repaired != null) {
                sr.setReply(repaired);
            }
        }
        sr.setReply(gbt.afterRequest(getSettings(), sr.getReply()));
    }

    /**
     * Takes over an HDLC link another server of the meter set up (see
     * {@link ReferencingServers}): the SNRM is handled as if received, its UA not sent.
     *
     * @param snrm the SNRM frame of the link
     * @throws Exception when gurux.dlms fails
     */
    void takeLink(byte[] snrm) throws Exception {
        reset();
        handleRequest(new GXServerReply(snrm));
    }

    /**
     * @return true (once) when the connection is to be closed after the reply just made: a
     *         request was refused after gurux.dlms had taken a part of it (see
     *         {@link DeepRequests})
     */
    boolean takeHangUp() {
        return deepRequests.takeHangUp();
    }

    /** @return the DATA-NOTIFICATIONs its Push setups' push asked for since the last call, ciphered as it is */
    java.util.List<byte[]> takePushes() {
        return security.protect(objects.pushes().take());
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
        HdlcFrame frame = wrapper ? null : HdlcDecoder.whole(request);
        if (frame == null || (getConnectionState() & ConnectionState.DLMS) != 0) {
            return false;
        }
        GXDLMSAssociationLogicalName association = association();
        return HdlcControl.kind(frame.control()) == HdlcControl.Kind.RR && association != null
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
    protected SourceDiagnostic onValidateAuthentication(Authentication authentication, byte[] password) {
        return AuthenticationCheck.validate(association(), authentication, password, shortNames, faults, log,
                getSettings().getClientAddress());
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
        if (security.refusesPlain(association())
                || (getConnectionState() & ConnectionState.DLMS) == 0) {
            return AccessMode.NO_ACCESS;
        }
        return declared.attribute(arg, AccessPolicy.attribute(association(), arg.getTarget(), arg.getIndex()));
    }

    @Override
    protected MethodAccessMode onGetMethodAccess(ValueEventArgs arg) {
        if (security.refusesPlain(association())
                || (getConnectionState() & ConnectionState.DLMS) == 0 && !isHlsReply(arg)) {
            return MethodAccessMode.NO_ACCESS;
        }
        return AccessPolicy.method(association(), arg.getTarget(), arg.getIndex());
    }

    @Override
    public void onPreRead(ValueEventArgs[] args) {
        declared.reading(args);
        for (ValueEventArgs e : args) {
            if (lists.carries(e)) {
                continue;
            }
            if (!shortNames && (e.getError() != ErrorCode.OK
                    || SecretAttributes.isSecret(e.getTarget(), e.getIndex()))) {
                RefusedReads.answer(e);
                continue;
            }
            GXUInt32 counter = e.getIndex() == 2 ? security.lastAccepted(e.getTarget()) : null;
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

    @Override
    protected void onPreWrite(ValueEventArgs[] args) {
        for (ValueEventArgs e : args) {
            if (!WrittenTypes.refusedUnmatched(e, log)) {
                objects.write(e);
            }
        }
    }

    @Override
    protected void onPreAction(ValueEventArgs[] args) {
        for (ValueEventArgs e : args) {
            objects.invoke(e);
            if (!e.getHandled()) {
                MethodUndo.invoke(e, getSettings(), log);
            }
        }
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

    // Reads are answered in onPreRead; nothing else is needed before or after a request.
    @Override
    public void onPreGet(ValueEventArgs[] args) { }

    @Override
    public void onPostGet(ValueEventArgs[] args) { }

    @Override
    public void onPostRead(ValueEventArgs[] args) { declared.read(); }

    @Override
    protected void onPostWrite(ValueEventArgs[] args) { }

    @Override
    protected void onPostAction(ValueEventArgs[] args) { }
}
