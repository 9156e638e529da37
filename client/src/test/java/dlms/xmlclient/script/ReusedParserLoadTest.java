package dlms.xmlclient.script;

import gurux.dlms.GXDLMSXmlClient;
import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.TranslatorOutputType;
import gurux.dlms.enums.InterfaceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Pure tier: gurux.dlms's load with a parser made once, and a repeated Get handed out as a copy. */
class ReusedParserLoadTest {

    private static final String GET = "<Messages><GetRequest><GetRequestNormal><InvokeIdAndPriority Value=\"193\" />"
            + "<AttributeDescriptor><ClassId Value=\"8\" /><InstanceId Value=\"0000010000FF\" />"
            + "<AttributeId Value=\"2\" /></AttributeDescriptor></GetRequestNormal></GetRequest></Messages>";

    private static GXDLMSXmlClient client() {
        GXDLMSXmlClient client = new GXDLMSXmlClient(TranslatorOutputType.SIMPLE_XML);
        client.setInterfaceType(InterfaceType.HDLC);
        return client;
    }

    @Test
    void encodesAsGuruxDlmsDoes() {
        GXDLMSXmlPdu ours = new ReusedParserLoad(client()).load(GET).get(0);
        GXDLMSXmlPdu theirs = client().load(GET, null).get(0);
        assertEquals(theirs.getCommand(), ours.getCommand());
        assertArrayEquals(theirs.getData(), ours.getData());
    }

    @Test
    void aRepeatedRequestIsACopyNoChangeOfTheFirstReaches() {
        ReusedParserLoad load = new ReusedParserLoad(client());
        List<GXDLMSXmlPdu> first = load.load(GET);
        byte[] encoded = first.get(0).getData().clone();
        first.get(0).getData()[0] ^= 0x55; // the loader splices values into a PDU's data
        GXDLMSXmlPdu second = load.load(GET).get(0);
        GXDLMSXmlPdu third = load.load(GET).get(0);
        assertArrayEquals(encoded, second.getData());
        assertNotSame(second.getData(), third.getData());
        assertEquals(first.get(0).getCommand(), third.getCommand());
    }

    @Test
    void textThatIsNotXmlFailsAsInGuruxDlms() {
        assertThrows(RuntimeException.class, () -> new ReusedParserLoad(client()).load("<Messages><GetRequest>"));
    }
}
