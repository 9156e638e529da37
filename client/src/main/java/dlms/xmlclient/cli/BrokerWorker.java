package dlms.xmlclient.cli;

import com.google.gson.JsonObject;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;
import dlms.xmlclient.broker.BrokerAddress;
import dlms.xmlclient.broker.Dlms2AmpqQueues;
import dlms.xmlclient.broker.Dlms2AmpqRequest;
import dlms.xmlclient.broker.Job;
import dlms.xmlclient.report.FleetConsoleReport;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dlms.xmlclient.run.StopSignal;

/**
 * The worker's loop: jobs (and DLMS2AMPQ requests) come from the broker with manual
 * acknowledgement, at most {@code --parallel} unacknowledged at a time; each is run on a pool
 * thread, its result published with a publisher confirm, and only then acknowledged. A worker
 * that dies before that leaves the job unacknowledged, and the broker gives it to another.
 * A stop (Ctrl-C, SIGTERM, --idle-time) takes no more jobs and lets the meters in progress finish.
 */
final class BrokerWorker {

    private final BrokerAddress broker;
    private final String queue;
    private final String inQueue;
    private final String outQueue;
    private final int parallel;
    private final PrintStream out;
    private final PrintStream err;
    private final String name;
    private final WorkerJobs jobs;
    private final Dlms2AmpqRead reads;
    private final FleetConsoleReport console;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private Channel publisher;
    /** Set at a stop: jobs taken but not started go back to the queue for other workers. */
    private volatile boolean stopping;

    BrokerWorker(BrokerAddress broker, String queue, String inQueue, String outQueue, int parallel, Path outDir,
            Map<String, String> env, PrintStream out, PrintStream err) {
        this.broker = broker;
        this.queue = queue;
        this.inQueue = inQueue;
        this.outQueue = outQueue;
        this.parallel = parallel;
        this.out = out;
        this.err = err;
        this.name = hostName() + "/" + ProcessHandle.current().pid();
        this.console = new FleetConsoleReport(out, false, 20);
        this.jobs = new WorkerJobs(outDir, env, name, console, err);
        this.reads = new Dlms2AmpqRead(outDir.resolve(".dlms2ampq"), env);
    }

    /** @return OK after a stop, NO_CONNECTION when the broker cannot be reached or goes away */
    int run(StopSignal stop, long idleMillis) {
        Connection connection;
        try {
            connection = broker.factory().newConnection("xmlclient worker " + name);
        } catch (IOException | TimeoutException e) {
            err.println("xmlclient worker: cannot connect to the broker " + broker + ": " + BrokerFleet.why(e));
            return ExitCode.NO_CONNECTION;
        }
        long start = System.nanoTime();
        AtomicInteger thread = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, task -> {
            Thread t = new Thread(task, "worker " + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        int code = ExitCode.OK;
        try {
            publisher = connection.createChannel();
            publisher.confirmSelect();
            Channel consumer = connection.createChannel();
            consumer.basicQos(parallel);
            List<String> tags = new ArrayList<>();
            consumer.queueDeclare(queue, true, false, false, null);
            tags.add(consumer.basicConsume(queue, false, (tag, d) -> take(pool, consumer, d), tag -> { }));
            if (!inQueue.isEmpty()) {
                Dlms2AmpqQueues.declare(connection, inQueue, outQueue);
                tags.add(consumer.basicConsume(inQueue, false, (tag, d) -> take(pool, consumer, d), tag -> { }));
            }
            out.println("xmlclient worker " + name + " on " + broker + ": meter jobs from " + queue
                    + (inQueue.isEmpty() ? "" : ", DLMS2AMPQ requests from " + inQueue + " (replies to " + outQueue
                    + ")") + ", " + parallel + " at a time");
            out.flush();
            while (!stop.requested() && connection.isOpen()) {
                Thread.sleep(100);
                long idle = (System.nanoTime() - lastActivity.get()) / 1_000_000;
                if (idleMillis > 0 && active.get() == 0 && idle >= idleMillis) {
                    break;
                }
            }
            stopping = true;
            if (!connection.isOpen()) {
                err.println("xmlclient worker: the broker " + broker + " closed the connection: "
                        + connection.getCloseReason().getMessage());
                code = ExitCode.NO_CONNECTION;
            } else {
                for (String tag : tags) {
                    consumer.basicCancel(tag);
                }
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS); // the meters in progress finish and are acknowledged
        } catch (IOException | ShutdownSignalException e) {
            err.println("xmlclient worker: broker " + broker + ": " + BrokerFleet.why(e));
            code = ExitCode.NO_CONNECTION;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            BrokerFleet.closeQuietly(connection);
        }
        console.fleetFinished((System.nanoTime() - start) / 1_000_000);
        return code;
    }

    private void take(ExecutorService pool, Channel channel, Delivery delivery) {
        active.incrementAndGet();
        lastActivity.set(System.nanoTime());
        pool.execute(() -> {
            try {
                if (stopping) {
                    requeue(channel, delivery.getEnvelope().getDeliveryTag());
                } else {
                    handle(channel, delivery);
                }
            } finally {
                lastActivity.set(System.nanoTime());
                active.decrementAndGet();
            }
        });
    }

    /** One message: answered, the answer confirmed by the broker, then acknowledged. */
    private void handle(Channel channel, Delivery delivery) {
        long tag = delivery.getEnvelope().getDeliveryTag();
        try {
            JsonObject message = Job.parse(delivery.getBody());
            if (Job.isJob(message)) {
                Job job = Job.fromJson(message);
                if (delivery.getEnvelope().isRedeliver()) {
                    out.println("job " + job.id() + " (" + job.meterName() + ") redelivered: a worker took it before"
                            + " and did not acknowledge it; running it again");
                }
                publish(job.resultQueue(), jobs.run(job).toJson());
            } else if (Dlms2AmpqRequest.isRequest(message)) {
                publish(outQueue, reads.answer(Dlms2AmpqRequest.of(message)).toJson());
            } else {
                throw new IllegalArgumentException("neither a job (\"format\": \"" + Job.FORMAT + "\") nor a"
                        + " DLMS2AMPQ request (\"Cmd\")");
            }
            synchronized (channel) {
                channel.basicAck(tag, false);
            }
        } catch (IllegalArgumentException e) {
            err.println("xmlclient worker: a message on " + delivery.getEnvelope().getRoutingKey() + " was dropped: "
                    + e.getMessage());
            reject(channel, tag);
        } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
            // Not acknowledged: the broker gives the job to a worker again when this connection ends.
            err.println("xmlclient worker: a result could not be published, the job stays with the broker: "
                    + BrokerFleet.why(e));
        }
    }

    private void publish(String routingKey, byte[] body) throws IOException, TimeoutException, InterruptedException {
        synchronized (publisher) {
            publisher.basicPublish("", routingKey, MessageProperties.PERSISTENT_BASIC.builder()
                    .contentType("application/json").build(), body);
            publisher.waitForConfirmsOrDie(30_000);
        }
    }

    private void requeue(Channel channel, long tag) {
        try {
            synchronized (channel) {
                channel.basicNack(tag, false, true);
            }
        } catch (IOException | RuntimeException e) {
            // The broker requeues it anyway when this connection closes.
        }
    }

    private void reject(Channel channel, long tag) {
        try {
            synchronized (channel) {
                channel.basicReject(tag, false);
            }
        } catch (IOException | RuntimeException e) {
            err.println("xmlclient worker: cannot reject a message: " + BrokerFleet.why(e));
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
