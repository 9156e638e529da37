package dlms.xmlclient.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges the meter's AARE against the AARQ we sent, from the bytes of both (Green Book, ACSE
 * association establishment): an AARE that rejects is named by its own diagnostic, never by a
 * library's text; one that accepts is held to what was proposed (application context, mechanism)
 * and, for high level security, must carry a challenge. What does not prevent the association
 * but is not what the standard allows is a finding, for the session to fail on or to warn about.
 */
final class AareCheck {

    /** The authentication-required diagnostic of an AARE that grants HLS pending pass 3 and 4. */
    private static final int AUTHENTICATION_REQUIRED = 14;
    private static final int HIGH = 2;
    private static final int ACSE_SERVICE_USER = 0xA1;

    private AareCheck() {
    }

    /**
     * What an accepting AARE came with.
     *
     * @param findings  its deviations from the standard, one line each
     * @param challenge the meter's challenge (StoC), or null when the association is not HLS
     * @param proposalUnread why our own AARQ could not be read, when the settings stood in for it
     */
    record Accepted(List<String> findings, byte[] challenge, Optional<String> proposalUnread) {
    }

    /**
     * @param aarq the AARQ APDU we sent
     * @param aare the meter's answer, the APDU as received
     * @return the findings of an AARE that accepted the association
     * @throws SessionException when the association is not established: rejected, not an AARE,
     *                          or HLS without a challenge
     */
    static Accepted judge(byte[] aarq, byte[] aare, ConnectionSettings settings) throws SessionException {
        int proposedContext;
        int proposedMechanism;
        Optional<String> proposalUnread = Optional.empty();
        try {
            AcseApdu proposed = AcseApdu.parse(aarq);
            if (!proposed.findings().isEmpty()) {
                throw new AcseApdu.Malformed(proposed.findings().get(0));
            }
            proposedContext = proposed.applicationContext();
            proposedMechanism = proposed.mechanism();
        } catch (AcseApdu.Malformed e) {
            // gurux.dlms 4.0.47 writes an AARQ longer than 127 bytes with a one-byte BER length (a long
            // LLS password), which reads as a long-form length from 81 to 83: what it proposed is
            // what the settings asked for.
            proposalUnread = Optional.of(e.getMessage());
            boolean ciphered = settings.security().ciphered();
            proposedContext = settings.logicalNames() ? (ciphered ? 3 : 1) : (ciphered ? 4 : 2);
            proposedMechanism = settings.authentication().getValue() == 0 ? -1 : settings.authentication().getValue();
        }
        AcseApdu answer;
        try {
            answer = AcseApdu.parse(aare);
        } catch (AcseApdu.Malformed e) {
            throw failure("the meter's answer to the AARQ is not an AARE: " + e.getMessage());
        }
        if (answer.tag() != AcseApdu.AARE) {
            throw failure("the meter answered the AARQ with an " + AcseApdu.name(answer.tag()) + ", not an AARE");
        }
        int result = answer.result();
        if (result < 0) {
            throw failure("the meter's AARE has no readable result"
                    + (answer.findings().isEmpty() ? "" : ": " + answer.findings().get(0)));
        }
        if (result == 1 || result == 2) {
            return rejectedBy(answer, settings, proposedMechanism);
        }
        if (result != 0) {
            throw failure("the meter's AARE has result " + result + ", which ACSE does not define (0 accepted,"
                    + " 1 rejected-permanent, 2 rejected-transient)");
        }
        List<String> findings = new ArrayList<>(answer.findings());
        int context = answer.applicationContext();
        if (context != proposedContext) {
            findings.add("the AARE accepts with application context " + AcseApdu.contextName(context)
                    + ", the AARQ proposed " + AcseApdu.contextName(proposedContext));
        }
        findings.addAll(initiateResponse(answer.field(0xBE), proposedContext == 2 || proposedContext == 4));
        int mechanism = proposedMechanism < 0 ? 0 : proposedMechanism;
        if (answer.mechanism() >= 0 && answer.mechanism() != mechanism) {
            findings.add("the AARE names mechanism " + AcseApdu.mechanismName(answer.mechanism())
                    + ", the AARQ proposed " + AcseApdu.mechanismName(mechanism));
        }
        if (mechanism < HIGH) {
            return new Accepted(findings, null, proposalUnread);
        }
        byte[] challenge = answer.respondingAuthenticationValue();
        if ((challenge == null || challenge.length == 0) && !answer.findings().isEmpty()) {
            // A cut or garbled AARE has lost its fields: that, not a missing challenge, is the cause.
            throw failure("the meter's AARE is malformed: " + answer.findings().get(0));
        }
        if (challenge == null || challenge.length == 0) {
            throw failure("the meter accepted " + AcseApdu.mechanismName(mechanism) + " without a challenge: its"
                    + " AARE has no responding-authentication-value, so HLS pass 3 and 4 cannot verify the meter");
        }
        if (answer.mechanism() < 0) {
            findings.add("the AARE grants " + AcseApdu.mechanismName(mechanism) + " without naming the mechanism"
                    + " (no mechanism-name field)");
        }
        if (answer.diagnosticSource() != ACSE_SERVICE_USER || answer.diagnostic() != AUTHENTICATION_REQUIRED) {
            findings.add("the AARE grants " + AcseApdu.mechanismName(mechanism) + " with diagnostic "
                    + diagnostic(answer) + ", not authentication-required (14), which HLS requires before pass 3");
        }
        return new Accepted(findings, challenge, proposalUnread);
    }

    /**
     * The xDLMS InitiateResponse in the AARE's user-information, when it is plain (a ciphered one,
     * glo-initiate-response, is the library's to decipher): 08, negotiated-quality-of-service
     * OPTIONAL, negotiated-dlms-version-number 6, conformance (5F 1F 04 + 4 bytes), server max PDU
     * size (2 bytes), vaa-name: 0007 for logical names, FA00 for short names (Green Book).
     */
    private static List<String> initiateResponse(byte[] userInformation, boolean shortNames) {
        if (userInformation == null || userInformation.length < 3 || (userInformation[0] & 0xFF) != 0x04
                || (userInformation[2] & 0xFF) != 0x08) {
            return List.of();
        }
        byte[] b = java.util.Arrays.copyOfRange(userInformation, 2, userInformation.length);
        int at = 1;
        if (at < b.length && b[at] == 1) { // negotiated-quality-of-service present
            at += 2;
        } else {
            at += 1;
        }
        int vaaAt = at + 1 + 3 + 4 + 2;
        if (vaaAt + 2 > b.length) {
            return List.of("the AARE's InitiateResponse has " + b.length + " bytes, too few for its fields");
        }
        List<String> found = new ArrayList<>();
        int version = b[at] & 0xFF;
        if (version != 6) {
            found.add("the AARE's InitiateResponse names DLMS version " + version + ", the Green Book's is 6");
        }
        int vaa = (b[vaaAt] & 0xFF) << 8 | (b[vaaAt + 1] & 0xFF);
        int wanted = shortNames ? 0xFA00 : 0x0007;
        if (vaa != wanted) {
            found.add(String.format("the AARE's InitiateResponse names vaa-name %04X, a%s association's is %04X",
                    vaa, shortNames ? " short-name" : " logical-name", wanted));
        }
        if (vaaAt + 2 < b.length) {
            found.add("the AARE's InitiateResponse has " + (b.length - vaaAt - 2) + " bytes after its vaa-name");
        }
        return found;
    }

    private static Accepted rejectedBy(AcseApdu answer, ConnectionSettings settings, int proposedMechanism)
            throws SessionException {
        if (proposedMechanism < 0 && answer.diagnosticSource() == ACSE_SERVICE_USER && answer.diagnostic() == 13) {
            // No secret was sent, so none can be wrong: the client needs a level.
            throw new SessionException(SessionException.Kind.ASSOCIATE, "association rejected by the meter: "
                    + AcseApdu.userDiagnosticName(13) + ", but the AARQ proposed no authentication: client "
                    + settings.clientAddress() + " needs another level",
                    Hint.check(Setting.AUTHENTICATION, Setting.CLIENT_ADDRESS));
        }
        throw AssociationFailure.rejected(answer, settings);
    }

    private static String diagnostic(AcseApdu aare) {
        if (aare.diagnosticSource() == ACSE_SERVICE_USER) {
            return AcseApdu.userDiagnosticName(aare.diagnostic());
        }
        return aare.diagnosticSource() < 0 ? "(none)" : "acse-service-provider " + aare.diagnostic();
    }

    private static SessionException failure(String message) {
        return new SessionException(SessionException.Kind.ASSOCIATE, message);
    }
}
