package dlms.xmlclient.simulator.server;

import dlms.xmlclient.simulator.device.DeviceKeys;
import gurux.dlms.objects.enums.SecuritySuite;
import gurux.dlms.secure.GXCiphering;

/**
 * The server's ciphering settings, telling which requests gurux.dlms deciphered. After it has
 * deciphered and authenticated a glo-, ded- or general-glo-ciphered APDU of an association,
 * gurux.dlms 4.0.47 (GXDLMS.handleGloDedRequest) copies the received security suite here; it
 * does nothing of the kind for a plain APDU or one that fails authentication.
 */
final class MeterCiphering extends GXCiphering {

    private boolean deciphered;

    MeterCiphering() {
        super(DeviceKeys.serverSystemTitle());
    }

    @Override
    public void setSecuritySuite(SecuritySuite value) {
        super.setSecuritySuite(value);
        deciphered = true;
    }

    /** Forgets what the previous request was; called before every request. */
    void startRequest() {
        deciphered = false;
    }

    /**
     * @return true when an APDU of the current request was deciphered. Also true after an
     *         association was selected (gurux.dlms sets the suite of its security setup then), so
     *         only meaningful for requests within an association.
     */
    boolean deciphered() {
        return deciphered;
    }
}
