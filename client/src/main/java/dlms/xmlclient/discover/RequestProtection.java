package dlms.xmlclient.discover;

/**
 * What the association's requests carry, against which a declared access mode is read: an
 * authenticated-read-only attribute (Association LN versions 0 to 2), or one whose version 3
 * access mode asks for authenticated or encrypted requests, is readable only when they carry it.
 *
 * @param authenticated requests are authenticated (security level authentication or both)
 * @param encrypted     requests are encrypted
 */
public record RequestProtection(boolean authenticated, boolean encrypted) {

    public static final RequestProtection NONE = new RequestProtection(false, false);
}
