package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The client end to end over a socket: a ReadResponse too long for one APDU comes in data blocks
 * (the simulator's, in the Green Book's form) and is shown as the one ReadResponse it stands for.
 */
@Tag("integration")
class ShortNameBlocksCliTest {

    @TempDir
    Path dir;

    @Test
    void aBlockTransferredProfileReadIsShownWhole() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("xmlclient.options"), "-r sn -c 17 -a Low -P 00000000\n");
        // Profile buffer entries 1..100 (selector 2): some 2 KB, over the 1024-byte PDU.
        Files.writeString(scripts.resolve("long.xml"), """
                <Messages>
                  <ReadRequest Qty="01">
                    <ParameterisedAccess>
                      <VariableName Value="0308" />
                      <Selector Value="2" />
                      <Parameter>
                        <Structure Qty="4">
                          <UInt32 Value="1" />
                          <UInt32 Value="100" />
                          <UInt16 Value="1" />
                          <UInt16 Value="0" />
                        </Structure>
                      </Parameter>
                    </ParameterisedAccess>
                  </ReadRequest>
                </Messages>
                """);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).shortNames(true))) {
            CliRun run = CliRun.run(dir.resolve("out"), "-h", "127.0.0.1", "-p", String.valueOf(meter.port()),
                    "-x", scripts.toString());
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.trace().contains("E6 E6 00 05 01 05 00 01"), "the client asked for block 2");
            Element reply = run.replies("long.xml").get(0);
            assertEquals("ReadResponse", reply.getTagName());
            assertEquals("100", CliRun.xpath(reply, "Data/Array/@Qty"));
            assertEquals("07EA01010400000000000000",
                    CliRun.xpath(reply, "Data/Array/Structure[1]/OctetString/@Value"));
            assertEquals("07EA010205002D0000000000",
                    CliRun.xpath(reply, "Data/Array/Structure[100]/OctetString/@Value"));
            assertFalse(Files.readString(run.replyFile("long.xml")).contains("deviation"));
        }
    }
}
