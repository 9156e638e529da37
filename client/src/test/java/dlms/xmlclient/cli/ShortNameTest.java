package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Short-name referencing: ReadRequest/WriteRequest scripts, the association view read by SN. */
@Tag("integration")
class ShortNameTest {

    @TempDir
    Path out;

    @Test
    void snScriptsRunOverTcpAgainstAnSnMeter() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).shortNames(true))) {
            CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(meter.port()),
                    "-x", "messages/sn", "-e", "expected/sn");
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.out.contains("4 scripts: 4 passed"), run.out);
            Element view = run.replies("1-association-view.xml").get(0);
            assertEquals("ReadResponse", view.getTagName());
            assertEquals("-1536", CliRun.xpath(view, "Data/Array/Structure[last()]/Int16/@Value"),
                    "the Association SN lists itself at base name FA00");
            assertTrue(run.trace().contains("RX 7E A8"), "the association view comes in segments");
        }
    }

    @Test
    void theBuiltInSimulatorServesSnScriptsBesideLnOnes() {
        CliRun run = CliRun.run(out, "-x", "messages", "-e", "expected");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.matches("(?s)No -h given: testing the built-in simulator on 127\\.0\\.0\\.1:\\d+ \\(HDLC\\),"
                + " SN on 127\\.0\\.0\\.1:\\d+\n.*"), run.out);
    }

    @Test
    void anLnScriptToAnSnMeterIsRefusedInOneLine() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).shortNames(true))) {
            CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(meter.port()),
                    "-x", "messages/clock/1-read.xml");
            assertEquals(3, run.exitCode, run.toString());
            assertTrue(run.out.contains("no connection: association rejected by the meter: application-context-name-not-supported (2) (check -r,"
                    + " and -C: the meter may need ciphering on this client, or refuse it)"), run.out);
        }
    }
}
