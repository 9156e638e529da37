package dlms.xmlclient.cli;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripts that drive the association themselves. */
@Tag("integration")
class ScriptedAssociationTest {

    static MeterSimulator meter;

    @TempDir
    Path out;
    @TempDir
    Path scripts;

    @BeforeAll
    static void startMeter() throws Exception {
        meter = MeterSimulator.start(new SimulatorOptions().port(0));
    }

    @AfterAll
    static void stopMeter() {
        meter.close();
    }

    @Test
    void scriptedAssociationIsSentInsteadOfTheAutomaticOne() throws Exception {
        Path script = scripts.resolve("own-association.xml");
        Files.writeString(script, """
                <Messages>
                  <Snrm />
                  <AssociationRequest>
                    <ApplicationContextName Value="LN" />
                    <SenderACSERequirements Value="1" />
                    <MechanismName Value="Low" />
                    <CallingAuthentication Value="3030303030303030" />
                    <InitiateRequest>
                      <ProposedDlmsVersionNumber Value="6" />
                      <ProposedConformance>
                        <ConformanceBit Name="Get" />
                        <ConformanceBit Name="BlockTransferWithGetOrRead" />
                      </ProposedConformance>
                      <ProposedMaxPduSize Value="512" />
                    </InitiateRequest>
                  </AssociationRequest>
                  <GetRequest><GetRequestNormal><InvokeIdAndPriority Value="193" />
                    <AttributeDescriptor><ClassId Value="1" /><InstanceId Value="0000600100FF" />
                    <AttributeId Value="2" /></AttributeDescriptor></GetRequestNormal></GetRequest>
                  <ReleaseRequest><Reason Value="Normal" /></ReleaseRequest>
                  <DisconnectRequest />
                </Messages>
                """);
        // -a None: the password comes from the script's own AARQ.
        CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(meter.port()), "-c", "17",
                "-x", script.toString());
        assertEquals(0, run.exitCode, run.toString());
        List<Element> replies = run.replies("own-association.xml");
        assertEquals(5, replies.size());
        assertEquals("Ua", replies.get(0).getTagName());
        assertEquals("AssociationResponse", replies.get(1).getTagName());
        assertEquals("0", CliRun.xpath(replies.get(1), "AssociationResult/@Value"));
        assertEquals("GetResponse", replies.get(2).getTagName());
        assertEquals(1, CliRun.count(replies.get(2), ".//Data/*"));
        assertEquals("ReleaseResponse", replies.get(3).getTagName());
        String trace = run.trace();
        assertEquals(1, count(trace, " TX 7E A0 07 03 23 93"), "exactly one SNRM, the script's");
        assertFalse(trace.contains("release not answered"), trace);
    }

    @Test
    void aScriptedSnrmThatGetsNoAnswerIsANoConnectionError() throws Exception {
        Path script = scripts.resolve("snrm-only.xml");
        Files.writeString(script, "<Messages>\n  <Snrm />\n</Messages>\n");
        // Server address 5 does not exist: the meter stays silent, as real meters do.
        CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(meter.port()), "-s", "5",
                "--wait-time", "300", "--retries", "0", "-x", script.toString());
        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.out.contains("ERROR") && run.out.contains("no connection: "), run.out);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
