package dlms.xmlclient.verdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on one request's reply.
 *
 * @param verdict     pass, fail, not checked or error
 * @param expectedXml the expectation it was checked against, or null
 * @param differences why it failed (empty otherwise), encoding findings among them
 * @param note        a one-line explanation for NOT_CHECKED, ERROR and failures without differences
 * @param warnings    the meter's deviations accepted as warnings (--findings warn), one line each
 */
public record Check(Verdict verdict, String expectedXml, List<Difference> differences, String note,
                   List<String> warnings) {

    public Check {
        differences = List.copyOf(differences);
        warnings = List.copyOf(warnings);
    }

    public Check(Verdict verdict, String expectedXml, List<Difference> differences, String note) {
        this(verdict, expectedXml, differences, note, List.of());
    }

    public static Check compared(String expectedXml, List<Difference> differences) {
        return new Check(differences.isEmpty() ? Verdict.PASS : Verdict.FAIL, expectedXml, differences, null);
    }

    public static Check notChecked(boolean strict) {
        return strict
                ? new Check(Verdict.FAIL, null, List.of(), "no expected reply (--strict)")
                : new Check(Verdict.NOT_CHECKED, null, List.of(), "no expected reply")
                ;
    }

    /** A reply whose script has no expected file where one was looked for. */
    public static Check missingExpectedFile(Path file) {
        return new Check(Verdict.FAIL, null, List.of(), "no expected file " + file
                + " (--record writes the missing expected files and leaves existing ones as they are;"
                + " --missing-expected not-checked lets a folder mix checked and unchecked scripts)");
    }

    public static Check error(String expectedXml, String note) {
        return new Check(Verdict.ERROR, expectedXml, List.of(), note);
    }

    /**
     * This check with the meter's findings on the reply: as differences that fail it, or as
     * warnings that leave its verdict alone.
     */
    public Check withFindings(List<String> findings, boolean failing) {
        if (findings.isEmpty()) {
            return this;
        }
        if (!failing) {
            List<String> all = new ArrayList<>(warnings);
            all.addAll(findings);
            return new Check(verdict, expectedXml, differences, note, all);
        }
        List<Difference> all = new ArrayList<>(differences);
        findings.forEach(f -> all.add(Difference.finding(f)));
        Verdict v = verdict == Verdict.ERROR ? Verdict.ERROR : Verdict.FAIL;
        String why = verdict == Verdict.NOT_CHECKED ? note + "; the meter's encoding fails it" : note;
        return new Check(v, expectedXml, all, why, warnings);
    }
}
