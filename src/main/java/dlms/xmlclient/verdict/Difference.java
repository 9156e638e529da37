package dlms.xmlclient.verdict;

/**
 * One way a reply differs from its expectation.
 *
 * @param xpath    where, in the reply (e.g. {@code /GetResponse/GetResponseNormal/Result/Data/UInt32/@Value});
 *                 indices appear only where siblings share a name
 * @param expected what the expectation says, as text
 * @param actual   what the meter sent, as text
 */
public record Difference(String xpath, String expected, String actual) {

    @Override
    public String toString() {
        return xpath + " expected " + expected + " got " + actual;
    }
}
