package dlms.xmlclient.report;

/** What {@code --record} does to the expected files that exist already. */
public enum RecordMode {
    /** {@code --record}: writes the missing expected files; existing ones stay as they are. */
    MISSING,
    /** {@code --record=update}: also updates existing files, keeping what still matches and every person's comment. */
    UPDATE
}
