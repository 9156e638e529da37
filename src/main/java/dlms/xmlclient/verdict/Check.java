package dlms.xmlclient.verdict;

import java.util.List;

/**
 * The verdict on one request's reply.
 *
 * @param verdict     pass, fail, not checked or error
 * @param expectedXml the expectation it was checked against, or null
 * @param differences why it failed (empty otherwise)
 * @param note        a one-line explanation for NOT_CHECKED, ERROR and failures without differences
 */
public record Check(Verdict verdict, String expectedXml, List<Difference> differences, String note) {

    public Check {
        differences = List.copyOf(differences);
    }

    public static Check compared(String expectedXml, List<Difference> differences) {
        return new Check(differences.isEmpty() ? Verdict.PASS : Verdict.FAIL, expectedXml, differences, null);
    }

    public static Check notChecked(boolean strict) {
        return strict
                ? new Check(Verdict.FAIL, null, List.of(), "no expected reply (--strict)")
                : new Check(Verdict.NOT_CHECKED, null, List.of(), "no expected reply");
    }

    public static Check error(String expectedXml, String note) {
        return new Check(Verdict.ERROR, expectedXml, List.of(), note);
    }
}
