package dlms.xmlclient.session;

import gurux.dlms.enums.Conformance;

import java.util.Set;

/**
 * Whether the general block transfer the client proposed (-W) was granted, said in the trace.
 * gurux.dlms 4.0.47 would send long requests in its own GBT blocks once it is negotiated, so it
 * is taken out of the library's negotiated conformance: replies are received in blocks by
 * {@link GbtReception}, requests keep ordinary block transfer.
 */
final class GbtAgreement {

    private GbtAgreement() {
    }

    /**
     * @param window the window proposed, 0 when general block transfer was not proposed
     * @param negotiated the conformance of the meter's AARE, as the library keeps it
     * @return true when the meter granted general block transfer
     */
    static boolean settle(Trace trace, int window, Set<Conformance> negotiated) {
        boolean granted = negotiated.remove(Conformance.GENERAL_BLOCK_TRANSFER);
        if (window == 0) {
            return granted;
        }
        trace.note(granted ? "general block transfer granted by the meter (our window " + window + ")"
                : "general block transfer proposed (window " + window + ") but not granted in the AARE's"
                        + " conformance: ordinary block transfer");
        return granted;
    }
}
