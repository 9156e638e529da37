package dlms.xmlclient.cli;

import dlms.xmlclient.simulator.MeterFleet;
import dlms.xmlclient.simulator.SimulatorOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --no-trace}: no trace.txt (not even an earlier run's), no trace excerpts in the reports; the rest as ever. */
@Tag("integration")
class NoTraceTest {

    private static final String SCRIPT = "messages/get-serial-number.xml";

    @Test
    void leavesOutTheTraceFileAndTheReportsExcerpts(@TempDir Path dir) throws Exception {
        Path traced = dir.resolve("traced");
        CliRun withTrace = CliRun.run(traced, "-x", SCRIPT, "-e", "expected");
        assertEquals(0, withTrace.exitCode, withTrace.toString());
        assertTrue(withTrace.trace().contains(" TX 7E "), withTrace.trace());
        assertTrue(Files.readString(traced.resolve("report.html")).contains(" TX 7E "));

        Path untraced = Files.createDirectories(dir.resolve("untraced"));
        Files.writeString(untraced.resolve("trace.txt"), "an earlier run's trace\n");
        CliRun run = CliRun.run(untraced, "-x", SCRIPT, "-e", "expected", "--no-trace");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("1 scripts: 1 passed"), run.out);
        assertFalse(Files.exists(untraced.resolve("trace.txt")), "trace.txt is left out, an old one removed");
        assertFalse(Files.readString(untraced.resolve("report.html")).contains(" TX 7E "));
        assertFalse(Files.readString(untraced.resolve("junit.xml")).contains(" TX 7E "));
        assertTrue(Files.exists(run.replyFile("get-serial-number.xml")));
    }

    @Test
    void aFleetsMetersWriteNoTraceEither(@TempDir Path dir) throws Exception {
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(3).onePort(true))) {
            Path targets = dir.resolve("targets.csv");
            fleet.writeTargets(targets);
            CliRun run = CliRun.run(dir.resolve("out"), "-x", SCRIPT, "-e", "expected", "--targets", targets.toString(),
                    "--no-trace");
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.out.contains("3 meters: 3 passed"), run.out);
            for (var meter : fleet.meters()) {
                Path own = run.outDir.resolve(meter.name());
                assertTrue(Files.exists(own.resolve("replies/get-serial-number.xml")), own.toString());
                assertFalse(Files.exists(own.resolve("trace.txt")), own.toString());
            }
        }
    }
}
