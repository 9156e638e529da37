package dlms.xmlclient.session;

/**
 * A setting of the association that a failure points at, named by what it is: where its value
 * came from (a flag, an options file, a targets file, the environment) only the caller knows.
 */
public enum Setting {
    CLIENT_ADDRESS("client address"),
    /** The whole server address: on HDLC made of a logical device and a physical address or serial number. */
    SERVER_ADDRESS("server address"),
    AUTHENTICATION("authentication level"),
    /** The LLS password or HLS secret. */
    PASSWORD("password"),
    /** Logical or short names. */
    REFERENCING("referencing"),
    SECURITY("security"),
    SECURITY_SUITE("security suite"),
    SYSTEM_TITLE("client system title"),
    METER_SYSTEM_TITLE("meter system title"),
    AUTHENTICATION_KEY("authentication key"),
    BLOCK_CIPHER_KEY("block cipher key"),
    DEDICATED_KEY("dedicated key"),
    /** Where the client's invocation counter starts. */
    INVOCATION_COUNTER("invocation counter"),
    /** The meter's invocation counter object, read before associating. */
    INVOCATION_COUNTER_OBJECT("invocation counter object");

    private final String words;

    Setting(String words) {
        this.words = words;
    }

    /** The setting in words, e.g. "block cipher key": for a caller that knows no better place. */
    @Override
    public String toString() {
        return words;
    }
}
