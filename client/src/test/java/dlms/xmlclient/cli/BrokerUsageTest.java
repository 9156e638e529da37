package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pure tier: --broker and the worker's bad input, told in one line before any connection; the reader's flags. */
class BrokerUsageTest {

    @TempDir
    Path dir;

    @Test
    void brokerGoesWithTargetsAndNeedsAnAmqpUri() throws Exception {
        CliRun alone = CliRun.run(dir.resolve("out"), "-x", "messages/clock/1-read.xml", "--broker", "amqp://mq/");
        assertEquals(ExitCode.BAD_INPUT, alone.exitCode);
        assertEquals("xmlclient: --broker goes with --targets: the broker's workers run a fleet's meters\n", alone.err);
        Path targets = Files.writeString(dir.resolve("t.csv"), "m1,127.0.0.1,4059,\n");
        CliRun http = CliRun.run(dir.resolve("out"), "-x", "messages/clock/1-read.xml", "--targets",
                targets.toString(), "--broker", "http://adm:secret@mq/");
        assertEquals(ExitCode.BAD_INPUT, http.exitCode);
        assertEquals("xmlclient: --broker http://adm:***@mq/: expected amqp://user:password@host:port/vhost (or"
                + " amqps://)\n", http.err);
        CliRun failFast = CliRun.run(dir.resolve("out"), "-x", "messages/clock/1-read.xml", "--targets",
                targets.toString(), "--broker", "amqp://mq/", "--fail-fast");
        assertEquals(ExitCode.BAD_INPUT, failFast.exitCode);
        assertTrue(failFast.err.contains("--fail-fast does not go with --broker"), failFast.err);
    }

    @Test
    void theWorkerNeedsABroker() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(ExitCode.BAD_INPUT, WorkerCommand.run(new String[] {"-o", dir.toString()}, print, print, Map.of(),
                false));
        assertEquals(ExitCode.BAD_INPUT, WorkerCommand.run(new String[] {"--broker", "amqp://mq/", "--parallel", "0"},
                print, print, Map.of(), false));
        assertEquals("xmlclient worker: --broker is required: amqp://user:password@host:port/vhost\n"
                + "xmlclient worker: --parallel 0: must be between 1 and 1024\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theGuruxReadersFlagsBecomeOurs() throws Exception {
        assertEquals(List.of("-h", "127.0.0.1", "-p", "4060", "-c", "32", "-a", "Low", "-w", "-P", "00000000", "-r",
                "sn", "--window-size", "2", "--frame-size", "256"), ReaderFlags.translate(FolderOptions.tokens(
                "-h 127.0.0.1 -p 4060 -c 32 -a Low -i WRAPPER -P 00000000 -r SN -w 2 -f 256 -t Verbose -I", "")));
        assertEquals(List.of("-S", "COM1:9600:8None1"), ReaderFlags.translate(List.of("-S", "COM1:9600:8None1",
                "-i", "HDLC")));
        assertTrue(assertThrows(UsageException.class, () -> ReaderFlags.translate(List.of("-K", "GeneralSigning")))
                .getMessage().startsWith("ConnectionString: -K is not supported by xmlclient"));
        assertEquals("ConnectionString: -p needs a value", assertThrows(UsageException.class,
                () -> ReaderFlags.translate(List.of("-h", "x", "-p"))).getMessage());
    }
}
