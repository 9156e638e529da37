package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server addresses as engineers give them (-s, -l with -s, -n), and what a wrong one looks like.
 * The simulator is logical device 1 with serial number 12345678, so physical address 6678.
 */
@Tag("integration")
class AddressingTest {

    @TempDir
    Path out;

    private static CliRun read(Path out, MeterSimulator meter, String... flags) {
        List<String> args = new ArrayList<>(List.of("-h", "127.0.0.1", "-p", String.valueOf(meter.port()),
                "-x", "messages/clock/1-read.xml", "-e", "expected/clock"));
        if (meter.isWrapper()) {
            args.add("-w");
        }
        args.addAll(List.of(flags));
        return CliRun.run(out, args.toArray(String[]::new));
    }

    @Test
    void theSerialNumberGivesTheMetersAddress() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = read(out, meter, "-n", "12345678");
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.trace().contains(" 00 02 68 2D 23 93 "), "4-byte address: logical 1, physical 6678; client 17 from messages/xmlclient.options");
        }
    }

    @Test
    void logicalAndPhysicalAddressReachTheMeter() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            assertEquals(0, read(out, meter, "-l", "1", "-s", "6678").exitCode);
        }
    }

    @Test
    void aWrongAddressGetsSilenceAndAHintNamingIt() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = read(out, meter, "-l", "1", "-s", "17", "--wait-time", "300", "--retries", "0");
            assertEquals(3, run.exitCode, run.toString());
            assertTrue(run.out.contains("SNRM failed: no reply from the meter within 300 ms; the meter may not know"
                    + " client 17 or server address 145 (logical 1, physical 17) (check -c in messages/xmlclient.options:4"
                    + " and -s, -l or -n)"), run.out); // client 17 is the options file's, the server address typed
        }
    }

    @Test
    void aMeterAnsweringFromItsOwnAddressIsNamedAtOnce() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).anyServerAddress(true))) {
            CliRun run = read(out, meter, "-s", "5", "--wait-time", "300");
            assertEquals(3, run.exitCode, run.toString());
            assertTrue(run.out.contains("SNRM failed: the meter answered from server address 23062 (logical 1,"
                    + " physical 6678), expected 5 (its replies are dropped): check -s, -l or -n"), run.out);
            assertTrue(run.elapsedMillis < 3000, "no resends once the meter's address is known: " + run.elapsedMillis);
        }
    }

    @Test
    void overWrapperTheWPortIsNamed() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true)
                .anyServerAddress(true))) {
            CliRun run = read(out, meter, "-s", "5", "--wait-time", "300");
            assertEquals(3, run.exitCode, run.toString());
            assertTrue(run.out.contains("the meter answered from server address 1, expected 5 (its replies are"
                    + " dropped): check -s"), run.out);
        }
    }
}
