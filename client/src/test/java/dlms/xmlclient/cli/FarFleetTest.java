package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.MeterFleet;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet of meters a GPRS link away: hundreds in flight at once in one client (each on a
 * virtual thread), every one of them reported, and the progress lines telling how far it is.
 */
@Tag("integration")
class FarFleetTest {

    private static final int METERS = 300;
    private static final int LATENCY_MILLIS = 400;

    @TempDir
    Path dir;

    @Test
    void hundredsOfFarMetersAreInFlightAtOnceAndEveryOneIsReported() throws Exception {
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(METERS).onePort(true)
                .latency(LATENCY_MILLIS, 0))) {
            Path targets = dir.resolve("fleet.csv");
            fleet.writeTargets(targets);
            CliRun run = CliRun.run(dir.resolve("out"), "-x", "messages/get-serial-number.xml", "-e", "expected",
                    "--targets", targets.toString(), "--parallel", "5000", "--progress", "1", "-t", "Error");
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.out.startsWith("Fleet of 300 meters, 1 scripts each, 300 at a time"), run.out);
            assertTrue(run.out.contains("300 meters: 300 passed, 0 failed, 0 not checked, 0 errors"), run.out);
            // Each meter needs at least 4 round trips of 400 ms (SNRM, AARQ, Get, RLRQ; DISC): at
            // the first progress line, a second in, none can have finished, and with one thread a
            // meter (8 at a time before) no more than a few could be talking.
            Matcher first = Pattern.compile("progress: (\\d+)/300 meters done \\((\\d+) passing, (\\d+) not\\), (\\d+)"
                    + " in flight, \\d+/300 scripts, [0-9.]+ meters/s, .*").matcher(run.out);
            assertTrue(first.find(), run.out);
            assertEquals(0, Integer.parseInt(first.group(1)), first.group());
            assertTrue(Integer.parseInt(first.group(4)) > 100, "meters in flight at once: " + first.group());
            for (var meter : fleet.meters()) {
                assertTrue(Files.readString(run.outDir.resolve(meter.name()).resolve("replies/get-serial-number.xml"))
                        .contains("Value=\"" + meter.serialNumber() + "\""), meter.name());
            }
        }
    }
}
