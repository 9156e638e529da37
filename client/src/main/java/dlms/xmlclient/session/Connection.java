package dlms.xmlclient.session;

import dlms.xmlclient.media.Link;
import gurux.dlms.enums.InterfaceType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One link to the meter as the jobs of a session share it (association, requests, release): the
 * client that encodes, the reader that waits for replies, and what is up.
 */
final class Connection {

    final ConnectionSettings settings;
    final Link link;
    final Trace trace;
    /** Why the run was interrupted (Ctrl-C), or null while it goes on. */
    final Supplier<String> interruption;
    final ScriptClient client;
    final ReplyReader reader;
    private final ReplayCheck replays;
    /** HDLC only: WRAPPER has no link to disconnect. */
    boolean linkUp;
    boolean associated;
    /** False once the link failed: release then skips the polite RLRQ/DISC instead of timing out again. */
    boolean healthy = true;
    /** Findings kept as warnings (--findings warn) while associating. */
    final List<String> warnings = new ArrayList<>();

    Connection(ConnectionSettings settings, Link link, Trace trace, FrameCounters counters,
            Supplier<String> interruption) {
        this.settings = settings;
        this.link = link;
        this.trace = trace;
        this.interruption = interruption;
        this.client = new ScriptClient(settings);
        this.reader = new ReplyReader(link, client, trace, settings.limits(), interruption);
        this.replays = new ReplayCheck(counters, settings);
    }

    ReceivedReply exchange(byte[][] frames, boolean associationRequest) throws SessionException {
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

    /**
     * One step of the association (SNRM, AARQ, HLS pass 3): whatever fails is an association
     * failure named by the step, and silence points at the addresses.
     */
    ReceivedReply associationStep(String what, byte[][] frames, boolean associationRequest, long counterSent)
            throws SessionException {
        try {
            ReceivedReply reply = exchange(frames, associationRequest);
            if (reply.serviceError != null) {
                throw AssociationFailure.refused(what, reply.serviceError, counterSent);
            }
            return reply;
        } catch (SessionException e) {
            if (e.kind() == SessionException.Kind.ASSOCIATE) {
                throw e;
            }
            if (e.getMessage().startsWith("no reply")) {
                throw new SessionException(SessionException.Kind.ASSOCIATE, what + " failed: " + e.getMessage()
                        + "; the meter may not know client " + settings.clientAddress() + " or server address "
                        + ServerAddresses.describe(settings.serverAddress(), settings.interfaceType()),
                        Hint.check(Setting.CLIENT_ADDRESS, Setting.SERVER_ADDRESS), e);
            }
            throw new SessionException(SessionException.Kind.ASSOCIATE, what + " failed: " + e.getMessage(), e.hint(), e);
        }
    }

    /**
     * Deviations the meter's answer shows: with the strict policy the first one ends the step;
     * otherwise each is traced and kept for the script's report as a warning.
     */
    void findings(String what, List<String> found, SessionException.Kind kind) throws SessionException {
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

    /** Replayed or repeated invocation counters among the APDUs the meter sent. */
    List<String> replayFindings(List<byte[]> apdus) {
        return replays.check(apdus, meterSystemTitle());
    }

    /** The meter's system title from its AARE, in hex: whose counters the replay check keeps. */
    String meterSystemTitle() {
        byte[] title = client.getSourceSystemTitle();
        return title == null ? "" : Trace.hex(title).replace(" ", "");
    }

    boolean hdlc() {
        return settings.interfaceType() == InterfaceType.HDLC;
    }
}
