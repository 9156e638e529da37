package dlms.xmlclient.discover;

/**
 * Requests and reply templates in the message-file XML the run loads (the Gurux translator's
 * vocabulary), for the scripts discover writes.
 */
final class RequestXml {

    /** The entry_descriptor that reads a profile's oldest entry, all columns. */
    static final String FIRST_ENTRY = """
                  <AccessSelection>
                    <!-- 2: entry_descriptor {from_entry 1, to_entry 1, all columns}: the oldest entry -->
                    <AccessSelector Value="2" />
                    <AccessParameters>
                      <Structure Qty="4">
                        <UInt32 Value="1" />
                        <UInt32 Value="1" />
                        <UInt16 Value="1" />
                        <UInt16 Value="0" />
                      </Structure>
                    </AccessParameters>
                  </AccessSelection>
            """;

    private RequestXml() {
    }

    /** A GetRequestNormal; {@code selection} (or "") goes after the descriptor. */
    static String get(CosemObject o, int attribute, int invokeId, String selection) {
        return "  <GetRequest>\n    <GetRequestNormal>\n" + invoke(invokeId) + "      <AttributeDescriptor>\n"
                + descriptor(o) + "        <AttributeId Value=\"" + attribute + "\" />\n"
                + "      </AttributeDescriptor>\n" + selection + "    </GetRequestNormal>\n  </GetRequest>\n";
    }

    /** A SetRequestNormal writing {@code valueXml} (one data element). */
    static String set(CosemObject o, int attribute, int invokeId, String valueXml) {
        return "  <SetRequest>\n    <SetRequestNormal>\n" + invoke(invokeId) + "      <AttributeDescriptor>\n"
                + descriptor(o) + "        <AttributeId Value=\"" + attribute + "\" />\n"
                + "      </AttributeDescriptor>\n      <Value>\n        " + valueXml.strip() + "\n      </Value>\n"
                + "    </SetRequestNormal>\n  </SetRequest>\n";
    }

    /** An ActionRequestNormal with the parameter integer 0 (the Blue Book's "data ::= integer(0)" of many methods). */
    static String action(CosemObject o, int method, int invokeId) {
        return "  <ActionRequest>\n    <ActionRequestNormal>\n" + invoke(invokeId) + "      <MethodDescriptor>\n"
                + descriptor(o) + "        <MethodId Value=\"" + method + "\" />\n      </MethodDescriptor>\n"
                + "      <MethodInvocationParameters>\n        <Int8 Value=\"0\" />\n"
                + "      </MethodInvocationParameters>\n    </ActionRequestNormal>\n  </ActionRequest>\n";
    }

    /** A GetResponse template: any data ({@code data} null) or this data, or a refusal ({@code refused}). */
    static String getReply(boolean refused, String data, String why) {
        String result = comment(why) + (refused ? "        <DataAccessError Value=\"*\" />\n"
                : "        <Data>\n          " + (data == null ? "<None Value=\"*\" />" : data.strip()) + "\n        </Data>\n");
        return "  <GetResponse>\n    <GetResponseNormal>\n      <InvokeIdAndPriority Value=\"*\" />\n      <Result>\n"
                + result + "      </Result>\n    </GetResponseNormal>\n  </GetResponse>\n";
    }

    /** A SetResponse template: success, or any result but success. */
    static String setReply(boolean refused, String why) {
        return "  <SetResponse>\n    <SetResponseNormal>\n      <InvokeIdAndPriority Value=\"*\" />\n"
                + comment(why).substring(2) + "      <Result Value=\"" + result(refused) + "\" />\n    </SetResponseNormal>\n  </SetResponse>\n";
    }

    /** An ActionResponse template: any result but success. */
    static String actionRefused(String why) {
        return "  <ActionResponse>\n    <ActionResponseNormal>\n      <InvokeIdAndPriority Value=\"*\" />\n"
                + comment(why).substring(2) + "      <Result Value=\"" + result(true) + "\" />\n    </ActionResponseNormal>\n  </ActionResponse>\n";
    }

    /** The reason for an expectation, as a comment the report shows beside it. */
    private static String comment(String why) {
        return "        <!-- " + why.replace("--", "-") + " -->\n";
    }

    private static String result(boolean refused) {
        // Any result but Success, without parentheses (the placeholder's own syntax takes them).
        return refused ? "${xmlunit.matchesRegex(^[^S].*|^S[^u].*|^Su[^c].*)}" : "Success";
    }

    private static String invoke(int invokeId) {
        return "      <InvokeIdAndPriority Value=\"" + (0xC0 | invokeId) + "\" />\n";
    }

    private static String descriptor(CosemObject o) {
        return "        <ClassId Value=\"" + o.classId() + "\" />\n        <!-- " + o.logicalName() + " -->\n"
                + "        <InstanceId Value=\"" + hex(o.logicalName()) + "\" />\n";
    }

    static String hex(String dotted) {
        StringBuilder b = new StringBuilder();
        for (String part : dotted.split("\\.")) {
            b.append(String.format("%02X", Integer.parseInt(part)));
        }
        return b.toString();
    }
}
