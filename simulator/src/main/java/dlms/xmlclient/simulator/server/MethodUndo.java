package dlms.xmlclient.simulator.server;

import dlms.xmlclient.simulator.log.SimulatorLog;
import gurux.dlms.GXDLMSSettings;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSSecuritySetup;
import gurux.dlms.objects.enums.SecurityPolicy;

/**
 * Runs an association's or security setup's method as gurux.dlms would, but puts the object
 * back as it was when the method answers an error or fails (see {@link MethodSnapshot}), and
 * refuses a security_activate that would weaken the security policy.
 */
final class MethodUndo {

    private MethodUndo() {
    }

    /**
     * Invokes the method, undoing it when refused. reply_to_HLS_authentication is left alone: a
     * failed HLS reply must end the attempt.
     *
     * @param e the method invoked, not handled yet; handled afterwards when it is one of an
     *            association or security setup
     * @param settings the server's settings
     * @param log where a refused method is reported
     */
    static void invoke(ValueEventArgs e, GXDLMSSettings settings, SimulatorLog log) {
        GXDLMSObject target = e.getTarget();
        if (target instanceof GXDLMSAssociationLogicalName && e.getIndex() == 1) {
            return;
        }
        MethodSnapshot before = MethodSnapshot.of(target, settings);
        if (before == null) {
            return;
        }
        try {
            if (weakens(e)) {
                e.setError(ErrorCode.OTHER_REASON);
            } else {
                e.setValue(target.invoke(settings, e));
            }
        } catch (Exception | LinkageError ex) {
            e.setError(ErrorCode.OTHER_REASON);
            e.setValue(null);
        }
        if (e.getError() != ErrorCode.OK) {
            before.restore();
            log.warning("method " + e.getIndex() + " of " + target.getLogicalName()
                    + " refused (" + e.getError() + "): nothing changed");
        }
        e.setHandled(true);
    }

    /**
     * @return true for a security_activate that would weaken the security policy: the Blue
     *         Book's method "activates and strengthens" it, so every bit already set stays set
     *         (gurux.dlms 4.0.47 stores any value, 0 too)
     */
    private static boolean weakens(ValueEventArgs e) {
        if (!(e.getTarget() instanceof GXDLMSSecuritySetup) || e.getIndex() != 1) {
            return false;
        }
        if (!(e.getParameters() instanceof Number)) {
            return true;
        }
        int now = SecurityPolicy.toInteger(
                ((GXDLMSSecuritySetup) e.getTarget()).getSecurityPolicy());
        int asked = ((Number) e.getParameters()).intValue() & 0xFF;
        return (asked & now) != now;
    }
}
