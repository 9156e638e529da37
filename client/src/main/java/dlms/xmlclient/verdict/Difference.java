package dlms.xmlclient.verdict;

/**
 * One way a reply differs from its expectation.
 *
 * @param xpath    where, in the reply (e.g. {@code /GetResponse/GetResponseNormal/Result/Data/UInt32/@Value});
 *                 indices appear only where siblings share a name; null for an encoding finding, which is
 *                 in the bytes rather than the XML
 * @param expected what the expectation says, as text
 * @param actual   what the meter sent, as text
 */
public record Difference(String xpath, String expected, String actual) {

    /** A deviation in the reply's bytes (see the session's encoding check), in one line. */
    public static Difference finding(String text) {
        return new Difference(null, null, text);
    }

    public boolean isFinding() {
        return xpath == null;
    }

    /** The prefix of a finding about the reply's security (a replay) rather than its encoding. */
    public static final String SECURITY = "security: ";

    @Override
    public String toString() {
        if (!isFinding()) {
            return xpath + " expected " + expected + " got " + actual;
        }
        return actual.startsWith(SECURITY) ? "security finding: " + actual.substring(SECURITY.length())
                : "encoding finding: " + actual;
    }
}
