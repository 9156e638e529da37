package dlms.xmlclient.decode;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a with-list or Access request addresses, named in the request's order. */
class CosemTargetTest {

    private static List<String> described(String request) {
        return CosemTarget.of(XmlNodes.parse(request)).stream().map(CosemTarget::describe).toList();
    }

    @Test
    void accessItemsAreNamedInOrderAndAnActionItemIsAMethodInEitherForm() {
        String attribute = "<AttributeDescriptor><ClassId Value=\"70\" /><InstanceId Value=\"000060030AFF\" />"
                + "<AttributeId Value=\"2\" /></AttributeDescriptor>";
        String method = "<MethodDescriptor><ClassId Value=\"70\" /><InstanceId Value=\"000060030AFF\" />"
                + "<MethodId Value=\"1\" /></MethodDescriptor>";
        assertEquals(List.of("Disconnect control 0.0.96.3.10.255 method 1 (remote_disconnect)",
                "Disconnect control 0.0.96.3.10.255 attribute 2 (output_state)",
                "Disconnect control 0.0.96.3.10.255 method 2 (remote_reconnect)"),
                described("<AccessRequest><AccessRequestBody><AccessRequestSpecification>"
                        + "<AccessRequestAction>" + method + "</AccessRequestAction>"
                        + "<_AccessRequestSpecification><AccessRequestGet>" + attribute
                        + "</AccessRequestGet></_AccessRequestSpecification>"
                        + "<_AccessRequestSpecification><AccessRequestAction>" + attribute
                        + "</AccessRequestAction></_AccessRequestSpecification>"
                        + "</AccessRequestSpecification></AccessRequestBody></AccessRequest>"));
    }

    @Test
    void aWithListItemKeepsItsSelector() {
        assertEquals(List.of("Profile generic 1.0.99.1.0.255 attribute 2 (buffer) by entry",
                "Data 0.0.42.0.0.255 attribute 2 (value)"),
                described("<GetRequest><GetRequestWithList><AttributeDescriptorList>"
                        + "<AttributeDescriptorWithSelection><AttributeDescriptor><ClassId Value=\"7\" />"
                        + "<InstanceId Value=\"0100630100FF\" /><AttributeId Value=\"2\" /></AttributeDescriptor>"
                        + "<AccessSelection><AccessSelector Value=\"2\" /></AccessSelection>"
                        + "</AttributeDescriptorWithSelection><AttributeDescriptor><ClassId Value=\"1\" />"
                        + "<InstanceId Value=\"00002A0000FF\" /><AttributeId Value=\"2\" /></AttributeDescriptor>"
                        + "</AttributeDescriptorList></GetRequestWithList></GetRequest>"));
    }

    @Test
    void aLogicalNameIsSixOctetsOfAsciiHexAndNothingElse() {
        assertEquals("1.0.1.8.0.255", CosemTarget.dotted(" 0100010800FF "));
        assertEquals("0.0.96.1.0.255", CosemTarget.dotted("0000600100ff"));
        assertNull(CosemTarget.dotted("0100010800F"));
        assertNull(CosemTarget.dotted("0100010800FFF"));
        assertNull(CosemTarget.dotted("01000108 0FF"));
        assertNull(CosemTarget.dotted("0100010800FG"));
        assertNull(CosemTarget.dotted("01000108\u0660\u0660FF")); // Arabic-Indic zeros are digits, not hex
        assertNull(CosemTarget.dotted(null));
    }
}
