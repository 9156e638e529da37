package dlms.xmlclient.simulator.server;

import java.util.Set;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.transport.Frames;
import gurux.dlms.GXDLMSSettings;
import gurux.dlms.GXUInt32;
import gurux.dlms.enums.Command;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSObject;

/**
 * The security of a ciphered association that a meter has and gurux.dlms 4.0.47 lacks: replay
 * protection (see {@link InvocationCounters}), no plain requests, and a frame counter of its own
 * that never goes back. A plain request, a frame counter not above the last accepted one or an
 * APDU that does not authenticate is refused before gurux.dlms sees it
 * ({@link #refusalBeforehand}); what gurux.dlms refused itself, or let through when it should
 * not have, is refused after it answered ({@link #refusalAfterwards}). Not thread safe: used by
 * one {@link MeterServer}, request by request.
 */
final class CipheredRequests {

    /** Plain xDLMS requests: get, set, action, access, general block transfer, read, write. */
    private static final Set<Integer> PLAIN_REQUESTS = Set.of(Command.GET_REQUEST,
            Command.SET_REQUEST, Command.METHOD_REQUEST, Command.ACCESS_REQUEST,
            Command.GENERAL_BLOCK_TRANSFER, Command.READ_REQUEST, Command.WRITE_REQUEST);
    private final MeterCiphering ciphering = new MeterCiphering();
    private final InvocationCounters counters;
    private final GXDLMSSettings settings;
    private final boolean wrapper;
    private final RefusalLog refusals;
    /**
     * The meter's own frame counter, the next one to send: gurux.dlms restarts it at 0 for every
     * connection. It starts at 1: a counter of 0 is refused by clients (dlms-cosem) that take 0
     * as "nothing received yet" and accept only a greater one (see CounterOnTheWireTest).
     */
    private long sentCounter = 1;
    /** Set when a plain request of a ciphered association reaches the access checks. */
    private boolean unprotected;

    /**
     * @param counters the invocation counters of the meter's associations, shared by its
     *            servers (one per referencing, see {@link ReferencingServers})
     * @param settings the server's settings (the client's system title, the counter in use)
     * @param wrapper true for WRAPPER framing, false for HDLC
     * @param refusals where a refused request is logged
     */
    CipheredRequests(InvocationCounters counters, GXDLMSSettings settings, boolean wrapper,
            RefusalLog refusals) {
        this.counters = counters;
        this.settings = settings;
        this.wrapper = wrapper;
        this.refusals = refusals;
    }

    /** @return the server's ciphering settings */
    MeterCiphering ciphering() {
        return ciphering;
    }

    /**
     * @param request one frame received
     * @param association the association of the client being served, null before a client is
     *            accepted
     * @param inAssociation true when an association is established or waits for the client's
     *            HLS reply
     * @return the exception-response for a request of a ciphered association that gurux.dlms
     *         must not see, null to let it through
     */
    byte[] refusalBeforehand(byte[] request, GXDLMSAssociationLogicalName association,
            boolean inAssociation) {
        if (association == null || !Associations.isCiphered(association)
                || !inAssociation || !Frames.isWhole(request, wrapper)
                || Frames.isSegment(request, wrapper)) {
            return null;
        }
        int offset = Frames.apduOffset(request, wrapper);
        if (offset < 0) {
            return null;
        }
        if (PLAIN_REQUESTS.contains(request[offset] & 0xFF)) {
            return refusals.refused("plain request", ExceptionResponses.decipheringError());
        }
        CipheredApdu apdu = CipheredApdu.parse(request, offset);
        if (apdu == null) {
            return null;
        }
        if (!apdu.isAuthenticatedAndEncrypted()) {
            // The security policy of clients 1 to 4: authenticated and encrypted requests.
            return refusals.refused(
                    "request below the security policy (authenticated and encrypted)",
                    ExceptionResponses.decipheringError());
        }
        long expected = counters.expected(settings.getInvocationCounter());
        if (apdu.counter() < expected) {
            return refusals.refused("frame counter " + apdu.counter() + ", expected at least "
                    + expected, ExceptionResponses.invocationCounterError(expected));
        }
        byte[] key = apdu.dedicated() ? ciphering.getDedicatedKey()
                : ciphering.getBlockCipherKey();
        if (!apdu.authenticates(settings.getSourceSystemTitle(), key,
                ciphering.getAuthenticationKey())) {
            return refusals.refused("request that does not authenticate (wrong key?)",
                    ExceptionResponses.decipheringError());
        }
        return null;
    }

    /**
     * Before gurux.dlms handles a request: forgets what the previous one was deciphered, and
     * keeps gurux.dlms's frame counter from going back below the meter's own.
     */
    void startRequest() {
        unprotected = false;
        ciphering.startRequest();
        if (ciphering.getInvocationCounter() < sentCounter) {
            ciphering.setInvocationCounter(sentCounter);
        }
    }

    /**
     * After gurux.dlms handled a request: counts the frame counters its reply used.
     *
     * @param reply the reply frame
     * @param tag the reply's APDU tag, -1 for none
     */
    void replied(byte[] reply, int tag) {
        sentCounter = Math.max(sentCounter, ciphering.getInvocationCounter());
        if (tag == Command.RELEASE_RESPONSE) {
            // gurux.dlms 4.0.47 enciphers the RLRE's initiate-response with the counter it holds
            // without counting it, then forgets the association's ciphering: the next AARE went
            // out with the same key and counter, the very same bytes (the client's replay check
            // named it). The counter it used is counted here.
            sentCounter = Math.max(sentCounter,
                    ReleaseCounter.used(Frames.apdu(reply, wrapper)) + 1);
        }
    }

    /**
     * The pushes of a ciphered association go out ciphered (general-glo-ciphering), each with a
     * frame counter of the meter's own, above every one sent before; in a plain association as
     * they are.
     *
     * @param apdus DATA-NOTIFICATIONs
     * @return what to send
     */
    java.util.List<byte[]> protect(java.util.List<byte[]> apdus) {
        if (apdus.isEmpty() || ciphering.getSecurity() == gurux.dlms.enums.Security.NONE
                || ciphering.getBlockCipherKey() == null) {
            return apdus;
        }
        java.util.List<byte[]> ciphered = new java.util.ArrayList<>();
        for (byte[] apdu : apdus) {
            long counter = Math.max(sentCounter, ciphering.getInvocationCounter());
            try {
                ciphered.add(CipheredPush.of(apdu, ciphering.getSystemTitle(), counter,
                        ciphering.getBlockCipherKey(), ciphering.getAuthenticationKey()));
            } catch (java.security.GeneralSecurityException e) {
                refusals.refused("a push: it cannot be ciphered: " + e.getMessage(), null);
                continue;
            }
            sentCounter = counter + 1;
            ciphering.setInvocationCounter(sentCounter);
        }
        return ciphered;
    }

    /**
     * @return true when an APDU of the current request was deciphered (see
     *         {@link MeterCiphering#deciphered})
     */
    boolean deciphered() {
        return ciphering.deciphered();
    }

    /**
     * @param deciphered true when the request was deciphered and authenticated
     * @return whether the request's frame counter was accepted or refused (see
     *         {@link InvocationCounters#settle})
     */
    InvocationCounters.Outcome settle(boolean deciphered) {
        return counters.settle(deciphered);
    }

    /**
     * @param target an object read
     * @return the last accepted counter (0 before any) when the object is one of the
     *         invocation counters, else null
     */
    GXUInt32 lastAccepted(GXDLMSObject target) {
        return counters.lastAccepted(target);
    }

    /** @return the exception-response for what gurux.dlms refused or should have */
    byte[] refusalAfterwards(InvocationCounters.Outcome counter, boolean deciphered) {
        if (counter.refused()) {
            return refusals.refused("frame counter below " + counter.expected(),
                    ExceptionResponses.invocationCounterError(counter.expected()));
        }
        if (counter.accepted() && !deciphered) {
            return refusals.refused("AARQ that does not decipher (wrong key?)",
                    ExceptionResponses.decipheringError());
        }
        if (unprotected) {
            return refusals.refused("plain request", ExceptionResponses.decipheringError());
        }
        return null;
    }

    /**
     * Second line for the refusal beforehand: a plain request that reached gurux.dlms anyway
     * (split over several reads or HDLC segments) gets no access. Within a ciphered association
     * every request gurux.dlms acts on must have been deciphered.
     *
     * @param association the association of the client being served, null before one
     * @return true when the request is to get no access
     */
    boolean refusesPlain(GXDLMSAssociationLogicalName association) {
        if (association != null && Associations.isCiphered(association)
                && !ciphering.deciphered()) {
            unprotected = true;
        }
        return unprotected;
    }
}
