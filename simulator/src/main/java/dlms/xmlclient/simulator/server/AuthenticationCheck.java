package dlms.xmlclient.simulator.server;

import java.util.Arrays;

import dlms.xmlclient.simulator.faults.FaultInjection;
import dlms.xmlclient.simulator.log.SimulatorLog;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.SourceDiagnostic;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;

/** The AARQ's authentication held against the client's association, as the AARE's diagnostic. */
final class AuthenticationCheck {

    private AuthenticationCheck() {
    }

    /**
     * @param association the client's association (with SN referencing its profile), null when none
     * @param shortNames  short name referencing: LLS at most, the association's own mechanism
     */
    static SourceDiagnostic validate(GXDLMSAssociationLogicalName association, Authentication authentication,
            byte[] password, boolean shortNames, FaultInjection faults, SimulatorLog log, int client) {
        if (association == null) {
            return SourceDiagnostic.NOT_SUPPORTED;
        }
        if (faults.rejectsAssociation()) {
            log.warning("fault reject-association: AARQ " + faults.associationRequests()
                    + " (since start) rejected, client " + client);
            return SourceDiagnostic.NO_REASON_GIVEN;
        }
        if (shortNames && (authentication.getValue() > Authentication.LOW.getValue()
                || authentication != association.getAuthenticationMechanismName().getMechanismId())) {
            // gurux.dlms checks the mechanism against the assigned association, which SN lacks.
            return SourceDiagnostic.NOT_RECOGNISED; // HLS is LN only
        }
        if (authentication == Authentication.LOW && !Arrays.equals(association.getSecret(), password)) {
            return SourceDiagnostic.AUTHENTICATION_FAILURE;
        }
        return SourceDiagnostic.NONE;
    }
}
