package dlms.xmlclient.session;

import gurux.dlms.GXDLMSXmlClient;
import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.TranslatorOutputType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ${now} in a request value becomes the client's time when the request is sent. */
class ClientTimeValueTest {

    private static final String SET_CLOCK = """
            <SetRequest><SetRequestNormal><InvokeIdAndPriority Value="193" />
            <AttributeDescriptor><ClassId Value="8" /><InstanceId Value="0000010000FF" />
            <AttributeId Value="2" /></AttributeDescriptor>
            <Value><OctetString Value="%s" /></Value></SetRequestNormal></SetRequest>""";

    private static GXDLMSXmlPdu loaded(String value) {
        return new GXDLMSXmlClient(TranslatorOutputType.SIMPLE_XML)
                .load("<Messages>" + SET_CLOCK.formatted(value) + "</Messages>", null).get(0);
    }

    private static String hex(byte[] data) {
        return HexFormat.of().withUpperCase().formatHex(data);
    }

    @Test
    void theDateTimeIsUtcWithDeviationZeroAndStatusOk() {
        // 2026-03-01 is a Sunday (7); 12:34:56.78 UTC, whatever this machine's zone.
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:34:56.789Z"), ZoneId.of("Europe/Berlin"));
        assertEquals("07EA0301070C22384E000000", ClientTimeValue.dateTime(clock));
    }

    @Test
    void nowIsReplacedAtSendTimeAndTheLoadedRequestIsLeftForTheNextRun() throws Exception {
        GXDLMSXmlPdu scripted = loaded(ClientTimeValue.NOW);
        String loadedHex = hex(scripted.getData());
        GXDLMSXmlPdu first = ClientTimeValue.resolved(scripted, "07EA0301070C000000000000", true);
        GXDLMSXmlPdu second = ClientTimeValue.resolved(scripted, "07EA0302010C000000000000", true);
        assertEquals(hex(loaded("07EA0301070C000000000000").getData()),
                hex(first.getData()));
        assertTrue(hex(second.getData()).endsWith("090C07EA0302010C000000000000"),
                hex(second.getData()));
        assertEquals(loadedHex, hex(scripted.getData()), "the cached request is unchanged");
    }

    @Test
    void aRequestWithoutNowIsSentAsLoaded() throws Exception {
        GXDLMSXmlPdu scripted = loaded("07EA0301070C000000000000");
        assertSame(scripted, ClientTimeValue.resolved(scripted, "07EA0302010C000000000000", true));
    }

    @Test
    void everyNowOfARequestGetsTheTimeEachTimeItIsSent() throws Exception {
        String twice = """
                <SetRequest><SetRequestNormal><InvokeIdAndPriority Value="193" />
                <AttributeDescriptor><ClassId Value="1" /><InstanceId Value="0000600100FF" />
                <AttributeId Value="2" /></AttributeDescriptor>
                <Value><Structure Qty="2"><OctetString Value="%s" /><OctetString Value="%s" /></Structure></Value>
                </SetRequestNormal></SetRequest>""";
        GXDLMSXmlPdu scripted = new GXDLMSXmlClient(TranslatorOutputType.SIMPLE_XML).load("<Messages>"
                + twice.formatted(ClientTimeValue.NOW, ClientTimeValue.NOW) + "</Messages>", null).get(0);
        for (String time : new String[] {"07EA0301070C000000000000", "07EA0302010C0D0E0F000000"}) {
            GXDLMSXmlPdu expected = new GXDLMSXmlClient(TranslatorOutputType.SIMPLE_XML).load("<Messages>"
                    + twice.formatted(time, time) + "</Messages>", null).get(0);
            assertEquals(hex(expected.getData()), hex(ClientTimeValue.resolved(scripted, time, true).getData()));
        }
    }
}
