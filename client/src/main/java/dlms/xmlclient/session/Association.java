package dlms.xmlclient.session;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXReplyData;

import java.util.Arrays;
import java.util.List;

/**
 * Associates with the meter: SNRM/UA on HDLC, AARQ/AARE held to what we proposed, the meter's
 * system title, and HLS pass 3 and 4 where the AARE brings a challenge.
 */
final class Association {

    private final Connection connection;
    private final ConnectionSettings settings;
    private final ScriptClient client;

    Association(Connection connection) {
        this.connection = connection;
        this.settings = connection.settings;
        this.client = connection.client;
    }

    /**
     * @param sendSnrm send SNRM (HDLC only) because the script does not
     * @param sendAarq send AARQ because the script does not
     */
    void establish(boolean sendSnrm, boolean sendAarq) throws SessionException {
        if (sendSnrm && connection.hdlc()) {
            linkUp();
        }
        if (!sendAarq) {
            return;
        }
        long counterSent = client.getCiphering().getInvocationCounter();
        byte[][] aarq;
        try {
            aarq = client.aarqRequest();
        } catch (Exception e) {
            connection.trace.note("gurux.dlms cannot build the AARQ: " + Session.oneLine(e));
            throw new SessionException(SessionException.Kind.ASSOCIATE, "cannot build the AARQ from these settings"
                    + " (the library's reason is in trace.txt)", e);
        }
        ReceivedReply aare = connection.associationStep("AARQ", aarq, true, counterSent);
        AareCheck.Accepted accepted = AareCheck.judge(ApduAssembler.ofRequest(aarq, settings.interfaceType()),
                single(aare, "AARE"), settings);
        accepted.proposalUnread().ifPresent(why -> connection.trace.note("our AARQ, as gurux.dlms encoded it, cannot"
                + " be read (" + why + "): the AARE is held to the settings instead"));
        connection.findings("AARE", accepted.findings(), SessionException.Kind.ASSOCIATE);
        try {
            client.parseAareResponse(aare.data.getData());
        } catch (RuntimeException e) {
            if (AssociationFailure.isDecipheringFailure(e)) {
                throw AssociationFailure.undecipherable(SessionException.Kind.ASSOCIATE, "AARE", e);
            }
            connection.trace.note("gurux.dlms cannot use the AARE: " + Session.oneLine(e));
            throw new SessionException(SessionException.Kind.ASSOCIATE, "the meter accepted the association, but the"
                    + " user-information of its AARE is not a usable xDLMS InitiateResponse (DLMS version 6,"
                    + " conformance, max PDU size; the decoder's reason is in trace.txt)", e);
        }
        checkMeterSystemTitle();
        connection.findings("AARE", connection.replayFindings(aare.apdus.apdus()), SessionException.Kind.ASSOCIATE);
        if (accepted.challenge() != null) {
            new HlsChallenge(connection).answer(); // whatever the AARE's diagnostic said
        }
        connection.associated = true;
        client.gbtGranted(GbtAgreement.settle(connection.trace, settings.gbtWindow(), client.getNegotiatedConformance()));
        connection.trace.note("associated as client " + settings.clientAddress() + " with server "
                + settings.serverAddress() + " (" + SecuritySettings.name(settings.authentication())
                + (settings.security().ciphered() ? ", " + settings.security() + ", meter system title "
                        + Trace.hex(client.getSourceSystemTitle()) : "")
                + "), max PDU " + client.getMaxReceivePDUSize()
                + (accepted.challenge() != null ? "; HLS pass 4: the meter's answer to our challenge verified" : ""));
    }

    /** SNRM/UA: the HDLC link, with the parameters the meter's UA grants. */
    private void linkUp() throws SessionException {
        GXReplyData ua = connection.associationStep("SNRM", new byte[][] {client.snrmRequest()}, false, 0).data;
        try {
            client.parseUAResponse(ua.getData());
        } catch (RuntimeException e) {
            connection.trace.note("gurux.dlms cannot read the UA: " + Session.oneLine(e));
            throw new SessionException(SessionException.Kind.ASSOCIATE, "the meter's UA is malformed: its HDLC"
                    + " parameter list cannot be read (the decoder's reason is in trace.txt)", e);
        }
        connection.linkUp = true;
        GXByteBuffer info = ua.getData();
        byte[] parameters = info.size() == 0 ? new byte[0] // the buffer holds no array then
                : Arrays.copyOfRange(info.getData(), 0, info.size());
        connection.findings("UA", UaParameters.findings(parameters, settings.hdlc()), SessionException.Kind.ASSOCIATE);
        connection.trace.note("HDLC link up: max info TX " + client.getHdlcSettings().getMaxInfoTX()
                + ", RX " + client.getHdlcSettings().getMaxInfoRX()
                + ", window TX " + client.getHdlcSettings().getWindowSizeTX()
                + ", RX " + client.getHdlcSettings().getWindowSizeRX());
    }

    /** The one APDU an association step got back, as the meter sent it. */
    private static byte[] single(ReceivedReply reply, String what) throws SessionException {
        List<byte[]> apdus = reply.apdus.apdus();
        if (apdus.isEmpty()) {
            throw new SessionException(SessionException.Kind.ASSOCIATE, "the meter's " + what + " has no APDU");
        }
        return apdus.get(apdus.size() - 1);
    }

    /** A meter system title in the settings must be the one the AARE names. System titles are public: both are shown. */
    private void checkMeterSystemTitle() throws SessionException {
        String expected = settings.security().meterSystemTitle();
        byte[] actual = client.getSourceSystemTitle();
        if (expected != null && settings.security().hasKeys()
                && (actual == null || !Trace.hex(actual).replace(" ", "").equals(expected))) {
            throw new SessionException(SessionException.Kind.ASSOCIATE, "the meter's system title is "
                    + (actual == null ? "missing from the AARE" : Trace.hex(actual).replace(" ", "")),
                    Hint.of(", ").then(Setting.METER_SYSTEM_TITLE).then(" says " + expected
                            + " (another meter, or check ").then(Setting.METER_SYSTEM_TITLE).then(")"));
        }
    }
}
