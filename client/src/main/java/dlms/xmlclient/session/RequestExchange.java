package dlms.xmlclient.session;

import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.InterfaceType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A script's requests, each sent and its whole reply returned as XML. Error and exception
 * replies are replies like any other; only a link failure throws.
 */
final class RequestExchange {

    private final Connection connection;
    /** The encoding findings of the last reply. */
    private List<String> replyFindings = List.of();

    RequestExchange(Connection connection) {
        this.connection = connection;
    }

    /** @return the reply as XML, or null for an HDLC-only request on WRAPPER */
    String send(GXDLMSXmlPdu scripted) throws SessionException {
        String now = ClientTimeValue.dateTime(Clock.systemUTC());
        GXDLMSXmlPdu request = ClientTimeValue.resolved(scripted, now, connection.settings.logicalNames());
        if (request != scripted) {
            connection.trace.note(ClientTimeValue.NOW + " sent as " + now + " (the client's time in UTC)");
        }
        int command = request.getCommand();
        if (connection.settings.interfaceType() == InterfaceType.WRAPPER
                && (command == Command.SNRM || command == Command.DISCONNECT_REQUEST)) {
            return null; // HDLC-only frames have no meaning on WRAPPER
        }
        ScriptClient client = connection.client;
        Trace trace = connection.trace;
        byte[][] frames;
        long counterBefore = client.getCiphering().getInvocationCounter();
        ListRequestSize.check(request.getData(), client.maxPduSize());
        try {
            frames = client.framesFor(request);
        } catch (Exception e) {
            trace.note("gurux.dlms cannot encode the request: " + Session.oneLine(e));
            throw new SessionException(SessionException.Kind.EXCHANGE, "cannot encode the request: the translator"
                    + " refuses its XML (its reason is in trace.txt)", e);
        }
        boolean ciphered = connection.settings.security().ciphered() && frames.length > 0
                && client.getCiphering().getInvocationCounter() != counterBefore;
        if (ciphered) {
            trace.plain(true, request.getData());
        }
        ReceivedReply reply = connection.exchange(frames, command == Command.AARQ);
        afterScriptedControl(command, reply);
        if (reply.ciphered && ReplyXml.isRebuilt(reply)) {
            trace.plain(false, ReplyXml.plainPdu(reply));
        }
        List<String> found = new ArrayList<>(EncodingCheck.findings(reply));
        found.addAll(connection.replayFindings(reply.apdus.apdus()));
        replyFindings = List.copyOf(found);
        for (String f : replyFindings) {
            trace.note("finding: " + f);
        }
        try {
            return ReplyXml.of(reply);
        } catch (Exception e) {
            // Recorded, not fatal: the link is fine and the requests after this one still run.
            trace.note("the reply cannot be translated to XML: " + Session.oneLine(e));
            return "<!-- the reply could not be translated to XML"
                    + (replyFindings.isEmpty() ? " (the translator's reason is in trace.txt)"
                            : ": " + replyFindings.get(0).replace("--", "- -")) + " -->\n"
                    + "<UntranslatedReply Frame=\"" + Trace.hex(reply.lastFrame) + "\" />";
        }
    }

    /** The encoding findings of the reply to the last request sent. */
    List<String> replyFindings() {
        return replyFindings;
    }

    /** Keeps the client's state in step when the script itself sends SNRM, AARQ, RLRQ or DISC. */
    private void afterScriptedControl(int command, ReceivedReply reply) {
        try {
            switch (command) {
                case Command.SNRM -> {
                    connection.client.parseUAResponse(reply.data.getData());
                    connection.linkUp = true;
                }
                case Command.AARQ -> {
                    connection.client.parseAareResponse(reply.data.getData());
                    connection.associated = true;
                }
                case Command.RELEASE_REQUEST -> connection.associated = false;
                case Command.DISCONNECT_REQUEST -> {
                    connection.associated = false;
                    connection.linkUp = false;
                }
                default -> {
                    // Data services need nothing.
                }
            }
        } catch (RuntimeException e) {
            connection.trace.note("the meter's answer to the scripted " + Command.toString(command)
                    + " was not accepted: " + Session.oneLine(e));
        }
    }
}
