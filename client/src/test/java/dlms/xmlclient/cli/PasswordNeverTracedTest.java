package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Low password is split over HDLC frames wherever the frame size puts a segment boundary:
 * at every size the trace shows each of its eight bytes as "**" and none of them in the clear.
 * Before, the sizes 46 and 47 left the last one or two bytes visible.
 */
@Tag("integration")
class PasswordNeverTracedTest {

    private static final Pattern MASKED = Pattern.compile("\\*\\*");

    @TempDir
    Path dir;

    @Test
    void everyFrameSizeMasksEveryByteOfThePassword() throws Exception {
        Path script = Files.writeString(dir.resolve("serial.xml"), """
                <Messages>
                  <GetRequest><GetRequestNormal><InvokeIdAndPriority Value="193" /><AttributeDescriptor>
                    <ClassId Value="1" /><InstanceId Value="0000600100FF" /><AttributeId Value="2" />
                  </AttributeDescriptor></GetRequestNormal></GetRequest>
                </Messages>
                """);
        List<Integer> sizes = new ArrayList<>();
        for (int size = 32; size <= 128; size++) {
            sizes.add(size);
        }
        sizes.addAll(List.of(256, 1024, 2030));
        List<String> leaks = new ArrayList<>();
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            for (int size : sizes) {
                CliRun run = CliRun.run(dir.resolve("out" + size), "-h", "127.0.0.1", "-p", "" + meter.port(),
                        "-c", "17", "-a", "Low", "-P", "00000000", "--frame-size", "" + size, "-x", script.toString());
                assertEquals(0, run.exitCode, "frame size " + size + ": " + run);
                int masked = 0;
                for (String line : run.trace().lines().filter(l -> l.contains(" TX ")).toList()) {
                    Matcher m = MASKED.matcher(line);
                    while (m.find()) {
                        masked++;
                    }
                }
                if (masked != 8) { // the password's 8 bytes, in the one AARQ
                    leaks.add("frame size " + size + ": " + masked + " bytes masked");
                }
            }
        }
        assertEquals(List.of(), leaks);
    }
}
