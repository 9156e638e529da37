package dlms.xmlclient.report;

import dlms.xmlclient.report.RequestTarget.Form;
import dlms.xmlclient.report.RequestTarget.Member;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestTargetTest {

    private static String descriptor(String tag, int classId, String instance, String member, int index) {
        return "<" + tag + "><ClassId Value=\"" + classId + "\" /><!-- a comment --><InstanceId Value=\"" + instance
                + "\" /><" + member + " Value=\"" + index + "\" /></" + tag + ">";
    }

    private static String attribute(int classId, String instance, int index) {
        return descriptor("AttributeDescriptor", classId, instance, "AttributeId", index);
    }

    @Test
    void aGetNamesTheClassTheDottedLogicalNameAndTheAttribute() {
        RequestTarget t = RequestTarget.of("<GetRequest>\n  <GetRequestNormal>\n"
                + "    <InvokeIdAndPriority Value=\"193\" />" + attribute(3, "0100010800FF", 2)
                + "</GetRequestNormal></GetRequest>");
        assertEquals(new RequestTarget("Get", Form.NORMAL, List.of(new Member(3, "1.0.1.8.0.255", 2, false, -1, -1)),
                -1), t);
    }

    @Test
    void selectiveAccessGivesItsSelector() {
        RequestTarget t = RequestTarget.of("<GetRequest><GetRequestNormal><InvokeIdAndPriority Value=\"193\" />"
                + attribute(7, "0100630100FF", 2) + "<AccessSelection><AccessSelector Value=\"2\" /><AccessParameters>"
                + "<Structure Qty=\"4\"><UInt32 Value=\"3\" /><UInt32 Value=\"12\" /><UInt16 Value=\"1\" />"
                + "<UInt16 Value=\"0\" /></Structure></AccessParameters></AccessSelection></GetRequestNormal>"
                + "</GetRequest>");
        assertEquals(List.of(new Member(7, "1.0.99.1.0.255", 2, false, -1, 2)), t.members());
    }

    @Test
    void aGetWithListNamesEachObjectInOrderWithItsOwnSelection() {
        RequestTarget t = RequestTarget.of("<GetRequest><GetRequestWithList><InvokeIdAndPriority Value=\"193\" />"
                + "<AttributeDescriptorList Qty=\"2\"><AttributeDescriptorWithSelection>"
                + attribute(3, "0100010800FF", 2) + "</AttributeDescriptorWithSelection>"
                + "<AttributeDescriptorWithSelection>" + attribute(7, "0100630100FF", 2)
                + "<AccessSelection><AccessSelector Value=\"1\" /></AccessSelection></AttributeDescriptorWithSelection>"
                + "</AttributeDescriptorList></GetRequestWithList></GetRequest>");
        assertEquals(Form.WITH_LIST, t.form());
        assertEquals(List.of(new Member(3, "1.0.1.8.0.255", 2, false, -1, -1),
                new Member(7, "1.0.99.1.0.255", 2, false, -1, 1)), t.members());
    }

    @Test
    void aNextBlockRequestHasItsBlockNumberAndNoObject() {
        RequestTarget get = RequestTarget.of("<GetRequest><GetRequestForNextDataBlock>"
                + "<InvokeIdAndPriority Value=\"193\" /><BlockNumber Value=\"3\" /></GetRequestForNextDataBlock>"
                + "</GetRequest>");
        assertEquals(new RequestTarget("Get", Form.NEXT_BLOCK, List.of(), 3), get);
        RequestTarget action = RequestTarget.of("<ActionRequest><ActionRequestForNextPBlock>"
                + "<InvokeIdAndPriority Value=\"193\" /><BlockNumber Value=\"12\" /></ActionRequestForNextPBlock>"
                + "</ActionRequest>");
        assertEquals(new RequestTarget("Action", Form.NEXT_BLOCK, List.of(), 12), action);
    }

    @Test
    void setFormsAreToldApart() {
        assertEquals(Form.NORMAL, RequestTarget.of("<SetRequest><SetRequestNormal>" + attribute(8, "0000010000FF", 2)
                + "<Value><OctetString Value=\"07EA\" /></Value></SetRequestNormal></SetRequest>").form());
        RequestTarget first = RequestTarget.of("<SetRequest><SetRequestFirstDataBlock>"
                + attribute(1, "00002A0000FF", 2) + "<DataBlock><LastBlock Value=\"0\" /><BlockNumber Value=\"1\" />"
                + "<RawData Value=\"0102\" /></DataBlock>"
                + "</SetRequestFirstDataBlock></SetRequest>");
        assertEquals(new RequestTarget("Set", Form.FIRST_BLOCK, List.of(new Member(1, "0.0.42.0.0.255", 2, false, -1,
                -1)), 1), first);
        RequestTarget later = RequestTarget.of("<SetRequest><SetRequestWithDataBlock><DataBlock>"
                + "<LastBlock Value=\"1\" /><BlockNumber Value=\"2\" /><RawData Value=\"03\" /></DataBlock>"
                + "</SetRequestWithDataBlock></SetRequest>");
        assertEquals(new RequestTarget("Set", Form.BLOCK, List.of(), 2), later);
    }

    @Test
    void anActionNamesAMethod() {
        RequestTarget t = RequestTarget.of("<ActionRequest><ActionRequestNormal><InvokeIdAndPriority Value=\"193\" />"
                + descriptor("MethodDescriptor", 70, "000060030AFF", "MethodId", 1)
                + "<MethodInvocationParameters><Int8 Value=\"0\" /></MethodInvocationParameters>"
                + "</ActionRequestNormal></ActionRequest>");
        assertEquals(new RequestTarget("Action", Form.NORMAL, List.of(new Member(70, "0.0.96.3.10.255", 1, true, -1,
                -1)), -1), t);
    }

    @Test
    void shortNameRequestsNameTheirAddressesInHex() {
        assertEquals(new RequestTarget("Read", Form.NORMAL, List.of(new Member(-1, null, -1, false, 0xA8, -1)), -1),
                RequestTarget.of("<ReadRequest Qty=\"01\"><VariableName Value=\"00A8\" /></ReadRequest>"));
        RequestTarget two = RequestTarget.of("<ReadRequest Qty=\"02\"><VariableName Value=\"0158\" />"
                + "<VariableName Value=\"0160\" /></ReadRequest>");
        assertEquals(Form.WITH_LIST, two.form());
        assertEquals(List.of(0x158, 0x160), two.members().stream().map(Member::shortName).toList());
        RequestTarget parameterised = RequestTarget.of("<ReadRequest Qty=\"01\"><ParameterisedAccess>"
                + "<VariableName Value=\"0308\" /><Selector Value=\"2\" /><Parameter><Structure Qty=\"4\" />"
                + "</Parameter></ParameterisedAccess></ReadRequest>");
        assertEquals(List.of(new Member(-1, null, -1, false, 0x308, 2)), parameterised.members());
        RequestTarget write = RequestTarget.of("<WriteRequest><ListOfVariableAccessSpecification Qty=\"01\">"
                + "<VariableName Value=\"00A8\" /></ListOfVariableAccessSpecification><ListOfData Qty=\"01\">"
                + "<OctetString Value=\"07EA\" /></ListOfData></WriteRequest>");
        assertEquals(new RequestTarget("Write", Form.NORMAL, List.of(new Member(-1, null, -1, false, 0xA8, -1)), -1),
                write);
        assertTrue(write.members().get(0).byShortName());
    }

    @Test
    void aShortNameBlockRequestIsANextBlock() {
        RequestTarget t = RequestTarget.of("<ReadRequest Qty=\"01\"><BlockNumberAccess><BlockNumber Value=\"4\" />"
                + "</BlockNumberAccess></ReadRequest>");
        assertEquals(new RequestTarget("Read", Form.NEXT_BLOCK, List.of(), 4), t);
    }

    @Test
    void aLogicalNameWrittenDottedOrAsAbcdefIsReadAsWell() {
        assertEquals("1.0.1.8.0.255", RequestTarget.of("<GetRequest><GetRequestNormal>"
                + attribute(3, "1-0:1.8.0*255", 2) + "</GetRequestNormal></GetRequest>").members().get(0)
                .logicalName());
        assertEquals("nonsense", RequestTarget.of("<GetRequest><GetRequestNormal>" + attribute(3, "nonsense", 2)
                + "</GetRequestNormal></GetRequest>").members().get(0).logicalName());
    }

    @Test
    void otherRequestsAreTheirElementName() {
        assertEquals(new RequestTarget("Snrm", Form.OTHER, List.of(), -1), RequestTarget.of("<Snrm />"));
        assertEquals(new RequestTarget("glo_GetRequest", Form.OTHER, List.of(), -1),
                RequestTarget.of("<glo_GetRequest Value=\"0011223344\" />"));
        assertEquals(new RequestTarget("Request", Form.OTHER, List.of(), -1), RequestTarget.of("<Get"));
        assertEquals(new RequestTarget("Request", Form.OTHER, List.of(), -1), RequestTarget.of(null));
    }

    @Test
    void aNumberThatIsNoneIsMinusOne() {
        Member m = RequestTarget.of("<GetRequest><GetRequestNormal>" + attribute(3, "0100010800FF", 2).replace(
                "Value=\"2\"", "Value=\"two\"") + "</GetRequestNormal></GetRequest>").members().get(0);
        assertEquals(-1, m.index());
    }

    @Test
    void aDoctypeIsRefusedNotFollowed() {
        assertEquals("Request", RequestTarget.of("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<GetRequest>&e;</GetRequest>").service());
    }
}
