package dlms.xmlclient.session;

import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ErrorCode;

/**
 * HLS pass 3 and 4: our answer to the meter's challenge, and the meter's answer to ours. Only a
 * refusal of our answer says our secret is wrong.
 */
final class HlsChallenge {

    private final Connection connection;

    HlsChallenge(Connection connection) {
        this.connection = connection;
    }

    void answer() throws SessionException {
        ScriptClient client = connection.client;
        ReceivedReply reply;
        long counterSent = client.getCiphering().getInvocationCounter();
        try {
            reply = connection.associationStep("HLS challenge", client.getApplicationAssociationRequest(), false,
                    counterSent);
        } catch (SessionException e) {
            throw e;
        } catch (Exception e) {
            connection.trace.note("gurux.dlms cannot answer the challenge: " + Session.oneLine(e));
            throw new SessionException(SessionException.Kind.ASSOCIATE, "HLS authentication failed: our answer to the"
                    + " meter's challenge cannot be computed from these settings (the library's reason is in"
                    + " trace.txt)", e);
        }
        connection.findings("answer to HLS pass 3", EncodingCheck.findings(reply), SessionException.Kind.ASSOCIATE);
        connection.findings("answer to HLS pass 3", connection.replayFindings(reply.apdus.apdus()),
                SessionException.Kind.ASSOCIATE);
        int error = reply.data.getError();
        if (error == ErrorCode.READ_WRITE_DENIED.getValue()) {
            throw wrongSecret(error);
        }
        if (error != 0) {
            // Another result (hardware-fault, …) is the meter's trouble, not our secret.
            throw new SessionException(SessionException.Kind.ASSOCIATE, "HLS authentication failed: the meter"
                    + " answered our answer to its challenge with " + ServiceErrors.dataAccessResult(error)
                    + " (HLS pass 3 not completed)");
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

    /** HighGMAC answers with the keys, the other HLS levels with the secret. */
    private SessionException wrongSecret(int error) {
        boolean gmac = connection.settings.authentication() == Authentication.HIGH_GMAC;
        return new SessionException(SessionException.Kind.ASSOCIATE, "HLS authentication failed: the meter refused"
                + " our answer to its challenge (" + ServiceErrors.dataAccessResult(error) + "): wrong "
                + (gmac ? "keys" : "secret"), gmac
                        ? Hint.check(Setting.AUTHENTICATION_KEY, Setting.BLOCK_CIPHER_KEY, Setting.SYSTEM_TITLE)
                        : Hint.check(Setting.PASSWORD));
    }
}
