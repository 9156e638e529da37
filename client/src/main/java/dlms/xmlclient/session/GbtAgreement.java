package dlms.xmlclient.session;

import gurux.dlms.enums.Conformance;

import java.util.Set;

/** Says in the trace whether the general block transfer the client proposed (-W) was granted. */
final class GbtAgreement {

    private GbtAgreement() {
    }

    /**
     * @param window the window proposed, 0 when general block transfer was not proposed
     * @param negotiated the conformance of the meter's AARE
     */
    static void note(Trace trace, int window, Set<Conformance> negotiated) {
        if (window == 0) {
            return;
        }
        trace.note(negotiated.contains(Conformance.GENERAL_BLOCK_TRANSFER)
                ? "general block transfer granted by the meter (our window " + window + ")"
                : "general block transfer proposed (window " + window + ") but not granted in the AARE's"
                        + " conformance: ordinary block transfer");
    }
}
