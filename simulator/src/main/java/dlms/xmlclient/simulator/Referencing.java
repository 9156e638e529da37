package dlms.xmlclient.simulator;

/**
 * How a meter's objects are referenced (Green Book: the application context of an association).
 * A meter that supports both takes the referencing of each association from the
 * application-context-name of its AARQ, as a real one does.
 */
public enum Referencing {
    /** Logical name referencing only: an SN AARQ gets application-context-name-not-supported. */
    LOGICAL_NAMES("LN"),
    /** Short name referencing only (see --help for the base names). */
    SHORT_NAMES("SN"),
    /** Either, chosen per association by the AARQ: the default. */
    BOTH("LN and SN");

    private final String label;

    Referencing(String label) {
        this.label = label;
    }

    /** @return "LN", "SN" or "LN and SN", as the start line and --help say it */
    public String label() {
        return label;
    }

    /** @return true when LN associations are served */
    public boolean logicalNames() {
        return this != SHORT_NAMES;
    }

    /** @return true when SN associations are served */
    public boolean shortNames() {
        return this != LOGICAL_NAMES;
    }
}
