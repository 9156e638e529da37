package dlms.xmlclient.simulator.server;

import dlms.xmlclient.simulator.device.MeterClock;
import dlms.xmlclient.simulator.device.ObjectBehaviours;
import dlms.xmlclient.simulator.device.PushSetups;
import dlms.xmlclient.simulator.faults.FaultInjection;
import dlms.xmlclient.simulator.log.SimulatorLog;
import dlms.xmlclient.simulator.transport.ServerAddress;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import gurux.dlms.GXServerReply;
import gurux.dlms.objects.GXDLMSObjectCollection;

/**
 * The meter's DLMS servers, one per referencing it serves: gurux.dlms fixes LN or SN when a
 * server is made, so a meter that serves both, as a real one may, hands each association to the
 * server of the referencing its AARQ's application-context-name asks for (LN and LN with
 * ciphering, SN and SN with ciphering). Until an AARQ says otherwise the last one chosen serves.
 * Over HDLC the link comes first: the server taking over at an AARQ is given the SNRM that set
 * up the link, so that its frame sequence starts where the client's does. The SN server is made
 * when an SN association is first asked for. The servers share the device, its clock and the
 * invocation counters. Not thread safe, like {@link MeterServer}.
 */
public final class ReferencingServers implements AutoCloseable {

    private static final int LN = 1;
    private static final int SN = 2;
    private static final int LN_WITH_CIPHERING = 3;
    private static final int SN_WITH_CIPHERING = 4;

    private final boolean wrapper;
    private final GXDLMSObjectCollection device;
    private final ServerAddress address;
    private final boolean servesShortNames;
    private final MeterClock clock;
    /** Made at the first scheduled push: the meter's schedule counts its own invoke ids. */
    private PushSetups scheduledPushes;
    private ObjectBehaviours pushReader;
    private final SimulatorLog log;
    private final FaultInjection faults;
    private final InvocationCounters counters;
    private final MeterServer logicalNames;
    private MeterServer shortNames;
    private MeterServer current;
    /** The SNRM of the link in use (HDLC), for a server taking over at the AARQ. */
    private byte[] linkSetUp;

    /**
     * @param device the objects to serve (associations included)
     * @param address the meter's address, which also tells WRAPPER from HDLC framing
     * @param logicalNames true when LN associations are served
     * @param shortNames true when SN associations are served
     * @param clock clock behaviour
     * @param log where connection events go
     * @param faults the meter's misbehaviour
     */
    public ReferencingServers(GXDLMSObjectCollection device, ServerAddress address,
            boolean logicalNames, boolean shortNames, MeterClock clock, SimulatorLog log,
            FaultInjection faults) {
        this.wrapper = address.isWrapper();
        this.device = device;
        this.address = address;
        this.servesShortNames = shortNames;
        this.clock = clock;
        this.log = log;
        this.faults = faults;
        this.counters = new InvocationCounters(device);
        this.logicalNames = logicalNames ? server(false) : null;
        this.current = logicalNames ? this.logicalNames : served(SN);
    }

    private MeterServer server(boolean shortNames) {
        return new MeterServer(device, address, shortNames, clock, log, faults, counters);
    }

    /** Serves the request with the server of its association (see {@link MeterServer#serve}). */
    void serve(GXServerReply sr) throws Exception {
        byte[] request = sr.getData();
        if (request != null && isSnrm(request)) {
            linkSetUp = request.clone();
        }
        MeterServer wanted = request == null ? current : served(AarqContext.of(request, wrapper));
        if (wanted != null && wanted != current) {
            if (linkSetUp != null) {
                wanted.takeLink(linkSetUp);
            }
            current = wanted;
        }
        current.serve(sr);
    }

    /** @return the connection state of the server in use */
    byte getConnectionState() {
        return current.getConnectionState();
    }

    /** @see MeterServer#takeHangUp() */
    boolean takeHangUp() {
        return current.takeHangUp();
    }

    /**
     * A push on the meter's schedule (--push-every): the Push setup's notification with the
     * values of now, or null when the device has no Push setup.
     */
    byte[] scheduledPush() {
        if (scheduledPushes == null) {
            scheduledPushes = new PushSetups(clock);
            pushReader = new ObjectBehaviours(clock);
        }
        return scheduledPushes.scheduled(device, current.getSettings(), pushReader);
    }

    /** @see MeterServer#takePushes() */
    java.util.List<byte[]> takePushes() {
        return current.takePushes();
    }

    /** Makes every server forget the link, association and addresses. */
    void reset() {
        linkSetUp = null;
        if (logicalNames != null) {
            logicalNames.reset();
        }
        if (shortNames != null) {
            shortNames.reset();
        }
    }

    /**
     * @param context an AARQ's application context id, -1 for none
     * @return the server of that context's referencing, null when the meter does not serve it
     *         or the request is no AARQ (the server in use answers it)
     */
    private MeterServer served(int context) {
        if (context == LN || context == LN_WITH_CIPHERING) {
            return logicalNames;
        }
        if ((context == SN || context == SN_WITH_CIPHERING) && servesShortNames) {
            if (shortNames == null) {
                shortNames = server(true);
            }
            return shortNames;
        }
        return null;
    }

    private boolean isSnrm(byte[] request) {
        HdlcFrame frame = wrapper ? null : HdlcDecoder.whole(request);
        return frame != null && HdlcControl.kind(frame.control()) == HdlcControl.Kind.SNRM;
    }

    @Override
    public void close() throws Exception {
        if (logicalNames != null) {
            logicalNames.close();
        }
        if (shortNames != null) {
            shortNames.close();
        }
    }
}
