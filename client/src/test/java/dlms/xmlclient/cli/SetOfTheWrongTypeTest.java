package dlms.xmlclient.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A script that sets a visible-string into the A+ register (double-long-unsigned) of the built-in
 * simulator, over a real socket: the meter answers type-unmatched (gurux.dlms writes it
 * UnmatchedType), as the Blue Book has it, and
 * the next Get returns the value from before (not read-write-denied, as an unchecked server that
 * stored the string would answer).
 */
@Tag("integration")
class SetOfTheWrongTypeTest {

    private static final String GET_A_PLUS = """
              <GetRequest><GetRequestNormal><InvokeIdAndPriority Value="%d" />
                <AttributeDescriptor><ClassId Value="3" /><InstanceId Value="0100010800FF" />
                <AttributeId Value="2" /></AttributeDescriptor></GetRequestNormal></GetRequest>
            """;

    @TempDir
    Path dir;

    @Test
    void aStringSetIntoTheEnergyRegisterIsTypeUnmatchedAndTheOldValueStays() throws Exception {
        Path script = dir.resolve("set-string-into-a-plus.xml");
        Files.writeString(script, "<Messages>\n" + GET_A_PLUS.formatted(193) + """
                  <SetRequest><SetRequestNormal><InvokeIdAndPriority Value="194" />
                    <AttributeDescriptor><ClassId Value="3" /><InstanceId Value="0100010800FF" />
                    <AttributeId Value="2" /></AttributeDescriptor>
                    <Value><String Value="1234" /></Value></SetRequestNormal></SetRequest>
                """ + GET_A_PLUS.formatted(195) + "</Messages>\n");
        CliRun run = CliRun.run(dir.resolve("out"), "-x", script.toString(), "-c", "17", "-a", "Low",
                "-P", "00000000");
        assertEquals(0, run.exitCode, run.toString());
        List<Element> replies = run.replies("set-string-into-a-plus.xml");
        assertEquals(3, replies.size(), run.toString());
        assertEquals("UnmatchedType", CliRun.xpath(replies.get(1), "SetResponseNormal/Result/@Value"));
        String before = CliRun.xpath(replies.get(0), "GetResponseNormal/Result/Data/UInt32/@Value");
        assertTrue(before.matches("\\d+"), before);
        assertEquals(before, CliRun.xpath(replies.get(2), "GetResponseNormal/Result/Data/UInt32/@Value"));
    }
}
