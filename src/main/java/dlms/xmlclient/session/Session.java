package dlms.xmlclient.session;

import dlms.xmlclient.media.Link;
import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.InterfaceType;

import java.io.IOException;

/**
 * One association with a meter, for one script: open the link, associate (SNRM/UA on HDLC,
 * AARQ/AARE, the HLS challenge where required), exchange requests, release and disconnect.
 */
public final class Session implements AutoCloseable {

    private final ConnectionSettings settings;
    private final Link link;
    private final Trace trace;
    private final ScriptClient client;
    private final ReplyReader reader;
    private final ReplyXml replyXml = new ReplyXml();
    private boolean linkUp;
    private boolean associated;
    /** False once the link failed: release then skips the polite RLRQ/DISC instead of timing out again. */
    private boolean healthy = true;

    private Session(ConnectionSettings settings, Link link, Trace trace) {
        this.settings = settings;
        this.link = link;
        this.trace = trace;
        this.client = new ScriptClient(settings);
        this.reader = new ReplyReader(link, client, trace, settings.waitTimeMillis(), settings.retries());
    }

    /** Opens the link; the caller closes the session, also when this throws. */
    public static Session open(ConnectionSettings settings, Link link, Trace trace) throws SessionException {
        Session session = new Session(settings, link, trace);
        if (settings.password() != null) {
            trace.mask(settings.password().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
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
        if (sendSnrm && settings.interfaceType() == InterfaceType.HDLC) {
            GXReplyData ua = associationStep("SNRM", new byte[][] {client.snrmRequest()}, false).data;
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
        GXReplyData aare;
        try {
            aare = associationStep("AARQ", client.aarqRequest(), true).data;
        } catch (SessionException e) {
            throw e;
        } catch (Exception e) {
            throw new SessionException(SessionException.Kind.ASSOCIATE, "cannot build the AARQ: " + oneLine(e), e);
        }
        try {
            client.parseAareResponse(aare.getData());
        } catch (RuntimeException e) {
            throw new SessionException(SessionException.Kind.ASSOCIATE, "association rejected by the meter: "
                    + oneLine(e) + hintFor(e), e);
        }
        if (client.getIsAuthenticationRequired()
                && settings.authentication().getValue() > Authentication.LOW.getValue()) {
            try {
                GXReplyData challenge = associationStep("HLS challenge", client.getApplicationAssociationRequest(),
                        false).data;
                client.parseApplicationAssociationResponse(challenge.getData());
            } catch (SessionException e) {
                throw e;
            } catch (Exception e) {
                throw new SessionException(SessionException.Kind.ASSOCIATE,
                        "HLS authentication failed: " + oneLine(e), e);
            }
        }
        associated = true;
        trace.note("associated as client " + settings.clientAddress() + " with server " + settings.serverAddress()
                + " (" + settings.authentication() + "), max PDU " + client.getMaxReceivePDUSize());
    }

    private ReceivedReply associationStep(String what, byte[][] frames, boolean associationRequest)
            throws SessionException {
        try {
            ReceivedReply reply = exchangeOrMarkBroken(frames, associationRequest);
            if (reply.serviceError != null) {
                throw new SessionException(SessionException.Kind.ASSOCIATE,
                        what + " refused by the meter: " + oneLine(reply.serviceError));
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
                + settings.serverAddress() + " (check -c and -s)";
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
        try {
            frames = client.framesFor(request);
        } catch (Exception e) {
            throw new SessionException(SessionException.Kind.EXCHANGE, "cannot encode the request: " + oneLine(e), e);
        }
        ReceivedReply reply = exchangeOrMarkBroken(frames, command == Command.AARQ);
        afterScriptedControl(command, reply);
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
        link.close();
        trace.flush();
    }

    private static String hintFor(RuntimeException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase();
        if (m.contains("authentication failure")) {
            return " (check -a and -P)";
        }
        if (m.contains("not supported") || m.contains("application context")) {
            return " (check -a and -r)";
        }
        return "";
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m.trim().replaceAll("\\s*[\\r\\n]+\\s*", ": ");
    }
}
