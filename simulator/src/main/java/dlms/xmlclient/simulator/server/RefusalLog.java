package dlms.xmlclient.simulator.server;

import dlms.xmlclient.simulator.log.SimulatorLog;
import gurux.dlms.GXDLMSSettings;

/**
 * The warning the server logs for every request it refuses in gurux.dlms's place, naming the
 * client being served and what was refused.
 */
final class RefusalLog {

    private final SimulatorLog log;
    private final GXDLMSSettings settings;

    /**
     * @param log where the warnings go
     * @param settings the server's settings, which name the client being served
     */
    RefusalLog(SimulatorLog log, GXDLMSSettings settings) {
        this.log = log;
        this.settings = settings;
    }

    /**
     * @param what what was refused, e.g. "plain request"
     * @param answer the APDU answering the refused request
     * @return the answer, once the refusal is logged
     */
    byte[] refused(String what, byte[] answer) {
        log.warning("refused from client " + settings.getClientAddress() + ": " + what);
        return answer;
    }
}
