package dlms.xmlclient.session;

import java.util.ArrayList;
import java.util.List;

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
     */
    record Accepted(List<String> findings, byte[] challenge) {
    }

    /**
     * @param aarq the AARQ APDU we sent
     * @param aare the meter's answer, the APDU as received
     * @return the findings of an AARE that accepted the association
     * @throws SessionException when the association is not established: rejected, not an AARE,
     *                          or HLS without a challenge
     */
    static Accepted judge(byte[] aarq, byte[] aare, ConnectionSettings settings) throws SessionException {
        AcseApdu proposed;
        AcseApdu answer;
        try {
            proposed = AcseApdu.parse(aarq);
        } catch (AcseApdu.Malformed e) {
            throw new IllegalStateException("our own AARQ cannot be read: " + e.getMessage(), e);
        }
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
            return rejectedBy(answer, settings);
        }
        if (result != 0) {
            throw failure("the meter's AARE has result " + result + ", which ACSE does not define (0 accepted,"
                    + " 1 rejected-permanent, 2 rejected-transient)");
        }
        List<String> findings = new ArrayList<>(answer.findings());
        int context = answer.applicationContext();
        if (context != proposed.applicationContext()) {
            findings.add("the AARE accepts with application context " + AcseApdu.contextName(context)
                    + ", the AARQ proposed " + AcseApdu.contextName(proposed.applicationContext()));
        }
        int mechanism = proposed.mechanism() < 0 ? 0 : proposed.mechanism();
        if (answer.mechanism() >= 0 && answer.mechanism() != mechanism) {
            findings.add("the AARE names mechanism " + AcseApdu.mechanismName(answer.mechanism())
                    + ", the AARQ proposed " + AcseApdu.mechanismName(mechanism));
        }
        if (mechanism < HIGH) {
            return new Accepted(findings, null);
        }
        byte[] challenge = answer.respondingAuthenticationValue();
        if (challenge == null || challenge.length == 0) {
            throw failure("the meter accepted " + AcseApdu.mechanismName(mechanism) + " without a challenge: its"
                    + " AARE has no responding-authentication-value, so HLS pass 3 and 4 cannot verify the meter");
        }
        if (answer.diagnosticSource() != ACSE_SERVICE_USER || answer.diagnostic() != AUTHENTICATION_REQUIRED) {
            findings.add("the AARE grants " + AcseApdu.mechanismName(mechanism) + " with diagnostic "
                    + diagnostic(answer) + ", not authentication-required (14), which HLS requires before pass 3");
        }
        return new Accepted(findings, challenge);
    }

    private static Accepted rejectedBy(AcseApdu answer, ConnectionSettings settings) throws SessionException {
        throw failure(AssociationFailure.rejected(answer, settings));
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
