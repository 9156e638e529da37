package dlms.xmlclient.script;

import gurux.dlms.GXDLMSXmlClient;
import gurux.dlms.TranslatorOutputType;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.InterfaceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With-list, Access and release requests against bytes built by hand from the Green Book's ASN.1. */
class ListRequestsTest {

    private static final String LDN = "<ClassId Value=\"1\" /><InstanceId Value=\"0.0.42.0.0.255\" /><AttributeId Value=\"2\" />";
    private static final String MISSING = "<ClassId Value=\"1\" /><InstanceId Value=\"0.0.96.99.9.255\" />"
            + "<AttributeId Value=\"2\" />";

    private final ScriptLoader loader = new ScriptLoader(InterfaceType.WRAPPER, true, 16, 1);

    @TempDir
    Path dir;

    @Test
    void getWithListHasNoStrayByteBeforeItsDescriptors() throws Exception {
        String apdu = encode("""
                <GetRequest><GetRequestWithList><InvokeIdAndPriority Value="193" />
                  <AttributeDescriptorList Qty="2">
                    <AttributeDescriptorWithSelection><AttributeDescriptor>%s</AttributeDescriptor></AttributeDescriptorWithSelection>
                    <AttributeDescriptor>%s</AttributeDescriptor>
                  </AttributeDescriptorList></GetRequestWithList></GetRequest>""".formatted(LDN, MISSING));
        // C0 get-request, 03 with-list, C1 invoke-id-and-priority, 02 descriptors;
        // each: class 0001, instance 6 bytes, attribute 02, access-selection absent 00
        assertEquals("C003C102" + "000100002A0000FF0200" + "00010000606309FF0200", apdu);
    }

    @Test
    void theTranslatorStillPutsAStrayByteBeforeEachDescriptorWithSelection() throws Exception {
        GXDLMSXmlClient gurux = new GXDLMSXmlClient(TranslatorOutputType.SIMPLE_XML);
        gurux.setUseLogicalNameReferencing(true);
        byte[] pdu = gurux.load("<Messages><GetRequest><GetRequestWithList><InvokeIdAndPriority Value=\"193\" />"
                + "<AttributeDescriptorList Qty=\"1\"><AttributeDescriptorWithSelection><AttributeDescriptor>"
                + LDN.replace("0.0.42.0.0.255", "00002A0000FF") + "</AttributeDescriptor>"
                + "</AttributeDescriptorWithSelection></AttributeDescriptorList></GetRequestWithList></GetRequest>"
                + "</Messages>", null).get(0).getData();
        assertEquals("C003C1011D000100002A0000FF0200", HexFormat.of().withUpperCase().formatHex(pdu));
    }

    @Test
    void setWithListIsTypeFourWithOneValuePerDescriptor() throws Exception {
        String apdu = encode("""
                <SetRequest><SetRequestWithList><InvokeIdAndPriority Value="193" />
                  <AttributeDescriptorList Qty="2">
                    <AttributeDescriptor>%s</AttributeDescriptor><AttributeDescriptor>%s</AttributeDescriptor>
                  </AttributeDescriptorList>
                  <ValueList Qty="2"><OctetString Value="41" /><UInt16 Value="300" /></ValueList>
                </SetRequestWithList></SetRequest>""".formatted(LDN, MISSING));
        // C1 set-request, 04 set-request-with-list, C1, 02 descriptors (as in a get), 02 values:
        // 09 01 41 octet-string "A", 12 01 2C long-unsigned 300
        assertEquals("C104C102" + "000100002A0000FF0200" + "00010000606309FF0200" + "02" + "090141" + "12012C", apdu);
    }

    @Test
    void actionWithListIsTypeThreeWithOneParameterPerMethod() throws Exception {
        String apdu = encode("""
                <ActionRequest><ActionRequestWithList><InvokeIdAndPriority Value="194" />
                  <MethodDescriptorList Qty="2">
                    <MethodDescriptor><ClassId Value="8" /><InstanceId Value="0.0.1.0.0.255" /><MethodId Value="1" /></MethodDescriptor>
                    <MethodDescriptor><ClassId Value="70" /><InstanceId Value="0.0.96.3.10.255" /><MethodId Value="2" /></MethodDescriptor>
                  </MethodDescriptorList>
                  <MethodInvocationParameters Qty="2"><Int8 Value="0" /><Int8 Value="0" /></MethodInvocationParameters>
                </ActionRequestWithList></ActionRequest>""");
        // C3 action-request, 03 with-list, C2, 02 methods: class, instance, method (no selection);
        // 02 parameters: 0F 00 integer 0 each
        assertEquals("C303C202" + "00080000010000FF01" + "0046000060030AFF02" + "02" + "0F00" + "0F00", apdu);
    }

    @Test
    void accessRequestCarriesItsItemsAndTheirData() throws Exception {
        String apdu = encode("""
                <AccessRequest><LongInvokeIdAndPriority Value="3221225473" /><DateTime Value="" />
                  <AccessRequestBody><AccessRequestSpecification Qty="3">
                    <AccessRequestGet><AttributeDescriptor>%s</AttributeDescriptor></AccessRequestGet>
                    <_AccessRequestSpecification><AccessRequestSet><AttributeDescriptor>%s</AttributeDescriptor>
                      </AccessRequestSet></_AccessRequestSpecification>
                    <AccessRequestAction><MethodDescriptor><ClassId Value="8" /><InstanceId Value="0.0.1.0.0.255" />
                      <MethodId Value="1" /></MethodDescriptor></AccessRequestAction>
                  </AccessRequestSpecification>
                  <AccessRequestListOfData Qty="3"><None /><OctetString Value="41" /><Int8 Value="0" />
                  </AccessRequestListOfData></AccessRequestBody></AccessRequest>""".formatted(LDN, LDN));
        // D9 access-request, C0000001 long-invoke-id-and-priority (high, confirmed, id 1), 00 no date-time,
        // 03 specifications: 01 get + descriptor, 02 set + descriptor, 03 action + method descriptor
        // (Cosem-Attribute-Descriptor: no access selection); 03 data: null-data, octet-string, integer
        assertEquals("D9C000000100" + "03" + "01000100002A0000FF02" + "02000100002A0000FF02" + "0300080000010000FF01"
                + "03" + "00" + "090141" + "0F00", apdu);
    }

    @Test
    void accessRequestDateTimeIsAnOctetStringOfTwelve() throws Exception {
        String apdu = encode("""
                <AccessRequest><LongInvokeIdAndPriority Value="1" /><DateTime Value="07EA0301070C000000000000" />
                  <AccessRequestBody><AccessRequestSpecification Qty="1">
                    <AccessRequestGet><AttributeDescriptor>%s</AttributeDescriptor></AccessRequestGet>
                  </AccessRequestSpecification><AccessRequestListOfData Qty="1"><None /></AccessRequestListOfData>
                  </AccessRequestBody></AccessRequest>""".formatted(LDN));
        assertEquals("D900000001" + "0C07EA0301070C000000000000" + "0101000100002A0000FF02" + "0100", apdu);
    }

    @Test
    void releaseRequestWithAReasonIsFiveBytes() throws Exception {
        // 62 RLRQ, 03 length, 80 reason [0] IMPLICIT, 01 length, 00 normal
        assertEquals("620380010", encode("<ReleaseRequest><Reason Value=\"Normal\" /></ReleaseRequest>").substring(0, 9));
        assertEquals("6203800100", encode("<ReleaseRequest><Reason Value=\"Normal\" /></ReleaseRequest>"));
        assertEquals("6203800101", encode("<ReleaseRequest><Reason Value=\"Urgent\" /></ReleaseRequest>"));
    }

    @Test
    void theTranslatorStillEncodesAReleaseRequestOneBytePastItsLength() throws Exception {
        GXDLMSXmlClient gurux = new GXDLMSXmlClient(TranslatorOutputType.SIMPLE_XML);
        byte[] pdu = gurux.load("<Messages><ReleaseRequest><Reason Value=\"Normal\" /></ReleaseRequest></Messages>",
                null).get(0).getData();
        assertEquals("620380010000", HexFormat.of().withUpperCase().formatHex(pdu));
    }

    @Test
    void aValueListThatDoesNotMatchItsDescriptorsNamesItsLine() throws Exception {
        ScriptException e = assertThrows(ScriptException.class, () -> encode("""
                <SetRequest><SetRequestWithList><InvokeIdAndPriority Value="193" />
                  <AttributeDescriptorList Qty="1"><AttributeDescriptor>%s</AttributeDescriptor></AttributeDescriptorList>
                  <ValueList Qty="2"><OctetString Value="41" /><OctetString Value="42" /></ValueList>
                </SetRequestWithList></SetRequest>""".formatted(LDN)));
        assertTrue(e.getMessage().startsWith("r.xml:4: <ValueList>: holds 2 values for 1 items"), e.getMessage());
    }

    @Test
    void aBooleanInAListIsSentAsItsValue() throws Exception {
        String apdu = encode("""
                <SetRequest><SetRequestWithList><InvokeIdAndPriority Value="193" />
                  <AttributeDescriptorList Qty="1"><AttributeDescriptor>%s</AttributeDescriptor></AttributeDescriptorList>
                  <ValueList Qty="1"><Boolean Value="true" /></ValueList>
                </SetRequestWithList></SetRequest>""".formatted(LDN));
        assertTrue(apdu.endsWith("010301"), apdu); // gurux.dlms 4.0.47 alone sends every Boolean as false
    }

    private String encode(String request) throws Exception {
        Path file = dir.resolve("r.xml");
        Files.writeString(file, "<Messages>\n" + request + "\n</Messages>\n");
        byte[] pdu = loader.load(file, "r.xml").steps().get(0).request().getData();
        int command = loader.load(file, "r.xml").steps().get(0).command();
        assertTrue(command == Command.GET_REQUEST || command == Command.SET_REQUEST || command == Command.METHOD_REQUEST
                || command == Command.ACCESS_REQUEST || command == Command.RELEASE_REQUEST);
        return HexFormat.of().withUpperCase().formatHex(pdu);
    }
}
