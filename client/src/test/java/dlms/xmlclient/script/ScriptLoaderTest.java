package dlms.xmlclient.script;

import gurux.dlms.enums.Command;
import gurux.dlms.enums.InterfaceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptLoaderTest {

    private final ScriptLoader loader = new ScriptLoader(InterfaceType.HDLC, true, 16, 1);

    @TempDir
    Path dir;

    @Test
    void requestsKeepTheirOrderAndLines() throws Exception {
        Script script = loader.load(Path.of("messages/disconnect-reconnect.xml"), "disconnect-reconnect.xml");
        assertEquals(6, script.steps().size());
        assertEquals(Command.METHOD_REQUEST, script.steps().get(0).command());
        assertEquals(Command.GET_REQUEST, script.steps().get(1).command());
        assertEquals(4, script.steps().get(0).line());
        assertEquals(2, script.steps().get(1).number());
        assertTrue(script.steps().get(1).line() > script.steps().get(0).line());
    }

    @Test
    void wellFormedActionRequestIsEncoded() throws Exception {
        Script script = loader.load(Path.of("messages/clock/3-adjust-to-quarter.xml"), "c.xml");
        byte[] pdu = script.steps().get(1).request().getData();
        // C3 01 C1 | class 8 | 0.0.1.0.0.255 | method 1 | parameters present | int8 0
        assertEquals("C301C200080000010000FF01010F00", hex(pdu));
    }

    @Test
    void responseAfterARequestBecomesItsInlineExpectation() throws Exception {
        Path file = dir.resolve("inline.xml");
        Files.writeString(file, """
                <Messages>
                  <GetRequest><GetRequestNormal><InvokeIdAndPriority Value="193" />
                    <AttributeDescriptor><ClassId Value="1" /><InstanceId Value="0000600100FF" />
                    <AttributeId Value="2" /></AttributeDescriptor></GetRequestNormal></GetRequest>
                  <GetResponse><GetResponseNormal><InvokeIdAndPriority Value="193" />
                    <Result><Data><OctetString Value="3132" /></Data></Result></GetResponseNormal></GetResponse>
                  <GetRequest><GetRequestNormal><InvokeIdAndPriority Value="194" />
                    <AttributeDescriptor><ClassId Value="1" /><InstanceId Value="00002A0000FF" />
                    <AttributeId Value="2" /></AttributeDescriptor></GetRequestNormal></GetRequest>
                </Messages>
                """);
        Script script = loader.load(file, "inline.xml");
        assertEquals(2, script.steps().size());
        assertNotNull(script.steps().get(0).inlineExpected());
        assertTrue(script.steps().get(0).inlineExpected().contains("3132"));
        assertNull(script.steps().get(1).inlineExpected());
    }

    @Test
    void sleepDelaysTheNextRequestAndABadValueNamesItsLine() throws Exception {
        String get = Files.readString(Path.of("messages/get-serial-number.xml"))
                .replaceAll("(?s).*?(<GetRequest>.*</GetRequest>).*", "$1");
        Path file = dir.resolve("sleep.xml");
        Files.writeString(file, "<Messages>\n" + get + "\n<Sleep Value=\"250\" />\n" + get + "\n</Messages>\n");
        Script script = loader.load(file, "sleep.xml");
        assertEquals(0, script.steps().get(0).delayMillis());
        assertEquals(250, script.steps().get(1).delayMillis());

        Files.writeString(file, "<Messages>\n<Sleep Value=\"soon\" />\n" + get + "\n</Messages>\n");
        ScriptException e = assertThrows(ScriptException.class, () -> loader.load(file, "sleep.xml"));
        assertEquals("sleep.xml:2: <Sleep Value=\"soon\"/>: expected milliseconds, 0 to 3600000", e.getMessage());
    }

    @Test
    void fileWithoutRequestsIsBadInput() throws Exception {
        Path file = dir.resolve("empty.xml");
        Files.writeString(file, "<Messages>\n</Messages>\n");
        ScriptException e = assertThrows(ScriptException.class, () -> loader.load(file, "empty.xml"));
        assertEquals("empty.xml: no requests in <Messages>", e.getMessage());
    }

    @Test
    void notXmlNamesTheLine() throws Exception {
        Path file = dir.resolve("text.xml");
        Files.writeString(file, "GET clock please\n");
        ScriptException e = assertThrows(ScriptException.class, () -> loader.load(file, "text.xml"));
        assertTrue(e.getMessage().startsWith("text.xml:1: not well-formed XML"), e.getMessage());
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02X", b));
        }
        return sb.toString();
    }

    @Test
    void aDottedOrReducedLogicalNameIsSentAsItsSixBytes() throws Exception {
        Path file = dir.resolve("dotted.xml");
        Files.writeString(file, messages("1.0.1.8.0.255", "1-0:1.8.0*255"));
        Script script = loader.load(file, "dotted.xml");
        for (Step step : script.steps()) {
            // C0 01 C1 | class 3 | 1.0.1.8.0.255 | attribute 2 | no selective access
            assertEquals("C001C100030100010800FF0200", hex(step.request().getData()));
        }
    }

    @Test
    void aLogicalNameOfAnotherShapeStopsTheScriptAtItsLine() throws Exception {
        Path file = dir.resolve("short.xml");
        Files.writeString(file, messages("1.0.1.8.0"));
        ScriptException e = assertThrows(ScriptException.class, () -> loader.load(file, "short.xml"));
        assertEquals("short.xml:4: <InstanceId Value=\"1.0.1.8.0\"/>: not a logical name (OBIS code); write 6 bytes"
                + " in hex (0100010800FF), 1.0.1.8.0.255 or 1-0:1.8.0*255", e.getMessage());
    }

    /** A script of one Get of attribute 2 of a register per logical name. */
    private static String messages(String... instanceIds) {
        StringBuilder b = new StringBuilder("<Messages>\n");
        for (String id : instanceIds) {
            b.append("""
                      <GetRequest><GetRequestNormal><InvokeIdAndPriority Value="193" />
                        <AttributeDescriptor><ClassId Value="3" />
                        <InstanceId Value="%s" /><AttributeId Value="2" /></AttributeDescriptor></GetRequestNormal></GetRequest>
                    """.formatted(id));
        }
        return b.append("</Messages>\n").toString();
    }
}
