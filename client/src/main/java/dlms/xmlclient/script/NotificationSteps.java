package dlms.xmlclient.script;

import org.w3c.dom.Element;

/**
 * {@code <WaitForNotification Timeout="ms"/>} in a message file: a step that sends nothing and
 * takes the meter's next unsolicited notification (DataNotification, EventNotification) as its
 * reply, checked like any reply; a response element right after it is its inline expectation.
 * {@code <WaitForNoNotification Timeout="ms"/>} asserts that none comes: its reply is
 * {@code <NoNotification />} when none did, else the notification, which then fails the check.
 */
public final class NotificationSteps {

    public static final String WAIT = "WaitForNotification";
    /** Waits the timeout through: a notification in that time is the reply, else {@code <NoNotification />}. */
    public static final String WAIT_FOR_NONE = "WaitForNoNotification";
    /** The longest wait a script may ask for: an hour, like {@code <Sleep>}. */
    static final long MAX_TIMEOUT_MILLIS = 3_600_000;

    private NotificationSteps() {
    }

    static Step waitStep(Element element, int number, String relativePath, String xml, long delayMillis)
            throws ScriptException {
        int line = LineNumberedXml.lineOf(element);
        timeoutMillis(element.getAttribute("Timeout"), element.getTagName(), relativePath + ":" + line);
        return new Step(number, line, null, xml, null, 0, delayMillis);
    }

    /** @return the step's timeout in ms, read again from its XML (checked when the file was loaded) */
    public static int timeoutOf(Step step) {
        String xml = step.requestXml();
        int at = xml.indexOf("Timeout=\"") + "Timeout=\"".length();
        return Integer.parseInt(xml.substring(at, xml.indexOf('"', at)).trim());
    }

    /** True for {@code <WaitForNoNotification>}. */
    public static boolean expectsNone(Step step) {
        return step.requestXml().stripLeading().startsWith("<" + WAIT_FOR_NONE);
    }

    /** True for the two elements. */
    static boolean isWait(String tag) {
        return tag.equals(WAIT) || tag.equals(WAIT_FOR_NONE);
    }

    private static int timeoutMillis(String value, String tag, String location) throws ScriptException {
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= 1 && millis <= MAX_TIMEOUT_MILLIS) {
                return (int) millis;
            }
        } catch (NumberFormatException e) {
            // Told below.
        }
        throw new ScriptException(location, "<" + tag + " Timeout=\"" + value.trim() + "\"/>: expected"
                + " milliseconds, 1 to " + MAX_TIMEOUT_MILLIS, null);
    }
}
