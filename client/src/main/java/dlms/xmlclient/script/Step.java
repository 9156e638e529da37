package dlms.xmlclient.script;

import gurux.dlms.GXDLMSXmlPdu;

/**
 * One request of a script, where it came from, and an inline expectation when the file puts a
 * response right after it (the GXDLMSDirector conformance-test layout).
 *
 * @param number        1-based request number within the script
 * @param line          line of the request element in the file
 * @param request       the request as loaded by the Gurux XML client
 * @param requestXml    the request element as written in the file (for reports)
 * @param inlineExpected the response element following it, as XML, or null
 * @param inlineExpectedLine its line in the file, or 0
 * @param delayMillis   pause before sending it, from a preceding {@code <Sleep Value="ms"/>}
 */
public record Step(int number, int line, GXDLMSXmlPdu request, String requestXml, String inlineExpected,
                   int inlineExpectedLine, long delayMillis) {

    public int command() {
        return request == null ? -1 : request.getCommand(); // -1: a link-layer step's own frame
    }

    Step withInlineExpected(String xml, int xmlLine) {
        return new Step(number, line, request, requestXml, xml, xmlLine, delayMillis);
    }
}
