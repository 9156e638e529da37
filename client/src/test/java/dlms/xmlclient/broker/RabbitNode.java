package dlms.xmlclient.broker;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ node of the test's own, from the Debian package's scripts: its own node name, AMQP
 * and distribution ports (free ones), data and log folders, and Erlang cookie (HOME), so that
 * it collides with no other broker on the machine. Stopped by {@link #close} (rabbitmqctl stop,
 * then SIGKILL), and by a shutdown hook if the test JVM ends first. Without rabbitmq-server the
 * test is skipped, unless XMLCLIENT_REQUIRE_RABBITMQ=1 (CI), when it fails.
 */
final class RabbitNode implements AutoCloseable {

    private static final Path SCRIPTS = Path.of("/usr/lib/rabbitmq/bin");

    private final Process process;
    private final Map<String, String> env;
    private final String node;
    private final int port;
    private final Path log;
    private final Thread hook;

    private RabbitNode(Process process, Map<String, String> env, String node, int port, Path log) {
        this.process = process;
        this.env = env;
        this.node = node;
        this.port = port;
        this.log = log;
        this.hook = new Thread(this::stop, "rabbitmq node " + node + " stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A running node, or the test skipped (failed in CI) when rabbitmq-server is not installed. */
    static RabbitNode start(Path dir) throws Exception {
        Path server = SCRIPTS.resolve("rabbitmq-server");
        if (!Files.isExecutable(server)) {
            String why = server + " is not installed (apt-get install rabbitmq-server): the broker tests need a real"
                    + " RabbitMQ node";
            if ("1".equals(System.getenv("XMLCLIENT_REQUIRE_RABBITMQ"))) {
                throw new AssertionError(why + " (XMLCLIENT_REQUIRE_RABBITMQ=1)");
            }
            Assumptions.assumeTrue(false, why);
        }
        Exception last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return startOnce(server, dir.resolve("rabbitmq-" + attempt));
            } catch (IOException e) {
                last = e; // a port taken between asking for it and the node binding it: try others
            }
        }
        throw last;
    }

    private static RabbitNode startOnce(Path server, Path dir) throws Exception {
        Files.createDirectories(dir);
        String node = "xmlclient-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000
                + "@localhost";
        int port = freePort();
        Map<String, String> env = Map.of(
                "RABBITMQ_NODENAME", node,
                "RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1",
                "RABBITMQ_NODE_PORT", String.valueOf(port),
                "RABBITMQ_DIST_PORT", String.valueOf(freePort()),
                "RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", dir.resolve("log").toString(),
                "RABBITMQ_CONFIG_FILE", dir.resolve("no-config").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString(),
                "RABBITMQ_PID_FILE", dir.resolve("pid").toString(),
                "HOME", dir.toString());
        Path log = dir.resolve("server.txt");
        ProcessBuilder builder = new ProcessBuilder(server.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        RabbitNode rabbit = new RabbitNode(builder.start(), env, node, port, log);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            if (!rabbit.process.isAlive()) {
                rabbit.close();
                throw new IOException("rabbitmq-server ended at start: " + tail(log));
            }
            try (Connection c = rabbit.factory().newConnection()) {
                return rabbit;
            } catch (IOException | java.util.concurrent.TimeoutException notYet) {
                Thread.sleep(200);
            }
        }
        rabbit.close();
        throw new AssertionError("rabbitmq-server did not take connections within 90 s: " + tail(log));
    }

    /** {@code amqp://guest:guest@127.0.0.1:PORT/} (guest may connect from the loopback only, as here). */
    String uri() {
        return "amqp://guest:guest@127.0.0.1:" + port + "/";
    }

    ConnectionFactory factory() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(port);
        f.setUsername("guest");
        f.setPassword("guest");
        return f;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void stop() {
        if (process.isAlive()) {
            try {
                ProcessBuilder ctl = new ProcessBuilder(SCRIPTS.resolve("rabbitmqctl").toString(), "-n", node, "stop")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                ctl.environment().putAll(env);
                ctl.start().waitFor(30, TimeUnit.SECONDS);
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                // killed below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        // The node's own processes; epmd, which the node may have started, is shared by every Erlang node here.
        all.stream().filter(p -> !p.info().command().orElse("").endsWith("epmd"))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
