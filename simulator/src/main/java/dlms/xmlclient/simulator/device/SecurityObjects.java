package dlms.xmlclient.simulator.device;

import java.util.EnumSet;

import gurux.dlms.GXUInt32;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSData;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSSecuritySetup;
import gurux.dlms.objects.enums.SecurityPolicy;
import gurux.dlms.objects.enums.SecuritySuite;

/**
 * Security setup (class 64) 0.0.43.0.e.255 and invocation counter (Data) 0.0.43.1.e.255 of a
 * ciphered association. gurux.dlms pairs them by e: when an association with security setup
 * 0.0.43.0.e.255 is selected it checks received frame counters against 0.0.43.1.e.255.
 */
public final class SecurityObjects {

    private SecurityObjects() {
    }

    /**
     * @param e instance of the security setup
     * @return its logical name, 0.0.43.0.e.255
     */
    static String securitySetup(int e) {
        return "0.0.43.0." + e + ".255";
    }

    /**
     * @param securitySetupLn logical name of a security setup, 0.0.43.0.e.255
     * @return logical name of its invocation counter, 0.0.43.1.e.255 (the rule of gurux.dlms
     *         GXDLMSSettings.updateSecurity)
     */
    static String invocationCounterOf(String securitySetupLn) {
        return "0.0.43.1." + securitySetupLn.split("[.]")[4] + ".255";
    }

    /**
     * @param ln a logical name
     * @return true for 0.0.43.1.e.255, an invocation counter
     */
    public static boolean isInvocationCounter(String ln) {
        return ln != null && ln.startsWith("0.0.43.1.") && ln.endsWith(".255")
                && ln.split("[.]").length == 6;
    }

    /**
     * Adds security setup 0.0.43.0.e.255 of the built-in device unless the device has it:
     * suite 0, authenticated and encrypted requests and responses, the keys and system titles
     * of {@link DeviceKeys}.
     */
    static void addSecuritySetup(GXDLMSObjectCollection objects, int e) {
        String ln = securitySetup(e);
        if (objects.findByLN(ObjectType.SECURITY_SETUP, ln) != null) {
            return;
        }
        GXDLMSSecuritySetup setup = new GXDLMSSecuritySetup(ln);
        setup.setSecuritySuite(SecuritySuite.SUITE_0);
        setup.setSecurityPolicy(EnumSet.of(SecurityPolicy.AUTHENTICATED_REQUEST,
                SecurityPolicy.ENCRYPTED_REQUEST, SecurityPolicy.AUTHENTICATED_RESPONSE,
                SecurityPolicy.ENCRYPTED_RESPONSE));
        setup.setServerSystemTitle(DeviceKeys.serverSystemTitle());
        setup.setClientSystemTitle(DeviceKeys.clientSystemTitle());
        setup.setGuek(DeviceKeys.blockCipherKey());
        setup.setGak(DeviceKeys.authenticationKey());
        objects.add(setup);
    }

    /**
     * Adds the invocation counter of a security setup, value 0, unless the device has it.
     *
     * @param objects the device
     * @param securitySetupLn logical name of the security setup
     */
    static void addInvocationCounter(GXDLMSObjectCollection objects,
            String securitySetupLn) {
        String ln = invocationCounterOf(securitySetupLn);
        if (objects.findByLN(ObjectType.DATA, ln) != null) {
            return;
        }
        GXDLMSData counter = new GXDLMSData(ln);
        counter.setDataType(2, DataType.UINT32);
        counter.setValue(new GXUInt32(0));
        objects.add(counter);
    }
}
