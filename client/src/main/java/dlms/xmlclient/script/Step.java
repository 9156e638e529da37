package dlms.xmlclient.script;

import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.enums.Command;

/**
 * One request of a script, where it came from, and an inline expectation when the file puts a
 * response right after it (the GXDLMSDirector conformance-test layout).
 *
 * @param number        1-based request number within the script
 * @param line          line of the request element in the file
 * @param request       the request as loaded by the Gurux XML client; null for {@code <WaitForNotification>}
 * @param requestXml    the request element as written in the file (for reports)
 * @param inlineExpected the response element following it, as XML, or null
 * @param inlineExpectedLine its line in the file, or 0
 * @param delayMillis   pause before sending it, from a preceding {@code <Sleep Value="ms"/>}
 */
public record Step(int number, int line, GXDLMSXmlPdu request, String requestXml, String inlineExpected,
                   int inlineExpectedLine, long delayMillis) {

    /** The request's command; a {@code <WaitForNotification>} sends none and stands for a DataNotification. */
    public int command() {
        if (request != null) {
            return request.getCommand();
        }
        return waitsForNotification() ? Command.DATA_NOTIFICATION : -1; // -1: a link-layer step's own frame
    }

    /** True for {@code <WaitForNotification>}: nothing is sent, the meter's next notification is the reply. */
    public boolean waitsForNotification() {
        return request == null && NotificationSteps.isWait(requestXml.replaceFirst("^<([A-Za-z]+).*", "$1")
                .strip());
    }

    Step withInlineExpected(String xml, int xmlLine) {
        return new Step(number, line, request, requestXml, xml, xmlLine, delayMillis);
    }
}
