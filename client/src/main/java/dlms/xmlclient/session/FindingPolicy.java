package dlms.xmlclient.session;

/**
 * What a finding does: a meter's deviation from the standard that does not stop the exchange (a
 * length that disagrees with its content, a missing optional-field byte, an AARE that grants HLS
 * without authentication-required, …). Strict by default; a user who must accept a known quirk
 * of one meter downgrades them to warnings.
 */
public enum FindingPolicy {
    /** A finding fails its request (or, in the AARE, the association). */
    FAIL,
    /** A finding is reported as a warning; the verdict is the comparison's alone. */
    WARN
}
