package dlms.xmlclient.verdict;

/** The outcome of checking a reply (or a whole script) against what was expected. */
public enum Verdict {
    /** Every checked value matched. */
    PASS,
    /** A reply differed from its expectation (or had none, under --strict). */
    FAIL,
    /** No expectation to check against; shown and counted, not a failure. */
    NOT_CHECKED,
    /** No reply to check: bad input, no connection, or the link broke. */
    ERROR;

    /** The label reports show. */
    public String label() {
        return this == NOT_CHECKED ? "NOT CHECKED" : name();
    }
}
