package dlms.xmlclient.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dlms.xmlclient.cli.ExitCode;
import dlms.xmlclient.cli.XmlClientCommand;
import dlms.xmlclient.hostile.ChildRun;
import dlms.xmlclient.simulator.FleetMeter;
import dlms.xmlclient.simulator.MeterFleet;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet on a real RabbitMQ broker: 1,000 simulated meters, three worker processes, one of
 * them killed with SIGKILL mid-run; every meter is reported exactly once and the exit code is
 * the local fleet's.
 */
@Tag("integration")
class BrokerFleetTest {

    private static final int METERS = 1000;
    private static final Pattern METER_LINE = Pattern.compile("(?m)^\\[\\s*\\d+/(\\d+)\\] (\\S+)\\s+(\\S+)\\s");
    /** Three worker JVMs beside the test's own: each with a modest heap. */
    private static final List<String> WORKER_JVM = List.of("--enable-native-access=ALL-UNNAMED", "-Xmx256m");
    private static final Pattern WORKER_LINE = Pattern.compile("(?m)^\\[\\d+\\] ");

    @TempDir
    static Path dir;
    private static RabbitNode rabbit;

    @BeforeAll
    static void startBroker() throws Exception {
        rabbit = RabbitNode.start(dir);
    }

    @AfterAll
    static void stopBroker() {
        if (rabbit != null) {
            rabbit.close();
        }
    }

    @Test
    void everyMeterIsReportedOnceThoughAWorkerIsKilledMidRun() throws Exception {
        String queue = "jobs-" + System.nanoTime();
        List<ChildRun> workers = new ArrayList<>();
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(METERS).onePort(true))) {
            Path targets = dir.resolve("fleet.csv");
            fleet.writeTargets(targets);
            int dead = deadPort();
            Files.writeString(targets, "dead-meter,127.0.0.1," + dead + ",\n", java.nio.file.StandardOpenOption.APPEND);
            for (int i = 1; i <= 3; i++) {
                workers.add(ChildRun.start(dir.resolve("worker-" + i), WORKER_JVM,
                        "worker", "--broker", rabbit.uri(), "--queue", queue, "--in-queue", "", "--parallel", "8",
                        "-o", dir.resolve("worker-" + i + "/out").toString()));
            }
            assertTrue(ChildRun.await(() -> consumers(queue) == 3, 60), "three workers take jobs: "
                    + workers.get(0).output());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> new XmlClientCommand(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of()).run(new String[] {"-x", "messages/clock", "--exclude", "[23]-*", "-e", "expected/clock",
                            "--targets", targets.toString(), "--broker", rabbit.uri(), "--queue", queue,
                            "--broker-timeout", "300", "-o", dir.resolve("fleet").toString()}));

            ChildRun victim = workers.get(0);
            assertTrue(ChildRun.await(() -> WORKER_LINE.matcher(stdout(victim)).results().count() >= 30, 120),
                    "the first worker runs meters: " + victim.output());
            victim.process().destroyForcibly(); // SIGKILL: its meters in progress are neither reported nor acknowledged
            assertTrue(victim.process().waitFor(10, TimeUnit.SECONDS));

            int code = run.get(300, TimeUnit.SECONDS); // about 50 s on an idle 2-core machine
            String console = out.toString(StandardCharsets.UTF_8);
            assertEquals(ExitCode.NO_CONNECTION, code, "the dead meter's code, as a local fleet's\n" + tail(console)
                    + err);
            assertTrue(console.contains((METERS + 1) + " meters: " + METERS
                    + " passed, 0 failed, 0 not checked, 1 errors;"),
                    tail(console));

            Map<String, Integer> reported = new HashMap<>();
            Matcher m = METER_LINE.matcher(console);
            while (m.find()) {
                assertEquals(String.valueOf(METERS + 1), m.group(1));
                reported.merge(m.group(3), 1, Integer::sum);
            }
            Set<String> expected = new TreeSet<>(fleet.meters().stream().map(FleetMeter::name).toList());
            expected.add("dead-meter");
            assertEquals(expected, reported.keySet(), "every meter reported, none lost");
            assertEquals(Set.of(1), Set.copyOf(reported.values()), "each meter exactly once");
            assertTrue(console.contains("cannot connect to 127.0.0.1:" + dead), tail(console));

            String junit = Files.readString(dir.resolve("fleet/junit.xml"));
            assertEquals(METERS + 1, junit.split("<testsuite ", -1).length - 1, "one testsuite per meter and script");
            for (String name : expected) {
                assertEquals(1, junit.split("<testsuite name=\"" + name + "/1-read.xml\"", -1).length - 1, name);
            }
            String survivors = stdout(workers.get(1)) + stdout(workers.get(2));
            assertTrue(survivors.contains("redelivered"), "the killed worker's unacknowledged jobs went to the others");
        } finally {
            workers.forEach(ChildRun::close);
        }
    }

    @Test
    void aRunWithNoWorkerEndsAtItsTimeoutWithItsMetersAsErrors() throws Exception {
        Path targets = dir.resolve("two.csv");
        Files.writeString(targets, "m1,127.0.0.1,4059,\nm2,127.0.0.1,4059,\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String queue = "nobody-" + System.nanoTime();
        int code = new XmlClientCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())
                .run(new String[] {"-x", "messages/clock/1-read.xml", "--targets", targets.toString(), "--broker",
                        rabbit.uri(), "--queue", queue, "--broker-timeout", "2", "-o", dir.resolve("none").toString()});
        String console = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.NO_CONNECTION, code, console);
        assertTrue(console.contains("no worker reported this meter within --broker-timeout 2 s (is a worker taking"
                + " jobs from " + queue), console);
        assertTrue(console.contains("2 meters: 0 passed, 0 failed, 0 not checked, 2 errors"), console);
        assertTrue(ChildRun.await(() -> messages(queue) == 0, 10), "the jobs nobody took expired with the run");
    }

    private static String stdout(ChildRun run) {
        String all = run.output();
        return all.substring(0, Math.max(0, all.indexOf("--- err\n")));
    }

    private static int consumers(String queue) {
        try (Connection c = rabbit.factory().newConnection(); Channel ch = c.createChannel()) {
            return ch.queueDeclarePassive(queue).getConsumerCount();
        } catch (Exception notYet) {
            return -1;
        }
    }

    private static int messages(String queue) {
        try (Connection c = rabbit.factory().newConnection(); Channel ch = c.createChannel()) {
            return ch.queueDeclarePassive(queue).getMessageCount();
        } catch (Exception e) {
            return -1;
        }
    }

    private static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // closed again: nothing listens there
        }
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 3000));
    }
}
