package dlms.xmlclient.cli;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.Referencing;
import dlms.xmlclient.simulator.SimulatorOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's standalone example, as written: one simulator started as {@code bin/simulator}
 * starts it (default options: LN and SN on one port), then {@code xmlclient -h localhost -p PORT
 * -x messages -e expected} twice. The samples leave the meter as they found it (the clock set
 * back to the client's time with ${now}, the names restored) and the ciphered sample reads the
 * meter's invocation counter first, so the second run passes like the first.
 */
@Tag("integration")
class SamplesTwiceAgainstOneSimulatorTest {

    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) scripts: (\\d+) passed, 0 failed, 0 not checked, 0 errors");

    @TempDir
    Path out;

    @Test
    void everySamplePassesTwiceInARowAgainstOneStandaloneSimulator() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            assertEquals(Referencing.BOTH, meter.referencing(), "bin/simulator's default");
            for (int run = 1; run <= 2; ++run) {
                CliRun result = CliRun.run(out.resolve("run" + run), "-h", "localhost",
                        "-p", String.valueOf(meter.port()), "-x", "messages", "-e", "expected");
                assertEquals(0, result.exitCode, "run " + run + ": " + result);
                Matcher summary = SUMMARY.matcher(result.out);
                assertTrue(summary.find(), "run " + run + ": " + result.out);
                assertEquals(summary.group(1), summary.group(2), "run " + run + ": " + result.out);
                assertTrue(result.out.contains("PASS         messages/sn/4-write-clock-and-read.xml"),
                        "SN scripts on the same port, run " + run + ": " + result.out);
                if (run == 2) {
                    assertTrue(result.trace().matches(
                            "(?s).*invocation counter 0\\.0\\.43\\.1\\.1\\.255 reads [1-9]\\d*: continuing.*"),
                            "the second run continues from the meter's counter");
                }
            }
        }
    }
}
