package dlms.xmlclient.session;

/**
 * The HDLC link parameters the client proposes in its SNRM (IEC 62056-46); the meter's UA
 * answers with the values both sides use, which the trace shows.
 *
 * @param windowSize frames sent before an acknowledgement is awaited, 1..7, both directions
 * @param maxInfo    longest information field, in bytes, both directions (32..2030)
 */
public record HdlcParameters(int windowSize, int maxInfo) {

    /** The HDLC defaults: window 1, 128-byte information field. */
    public static final HdlcParameters DEFAULT = new HdlcParameters(1, 128);

    public static final int MAX_WINDOW = 7;
    public static final int MIN_INFO = 32;
    public static final int MAX_INFO = 2030;
}
