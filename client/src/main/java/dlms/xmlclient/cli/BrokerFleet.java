package dlms.xmlclient.cli;

import com.google.gson.JsonObject;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;
import dlms.xmlclient.broker.BrokerAddress;
import dlms.xmlclient.broker.Job;
import dlms.xmlclient.broker.MeterResult;
import dlms.xmlclient.run.FleetListener;
import dlms.xmlclient.run.ScriptCache;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.run.StopSignal;
import dlms.xmlclient.script.Script;
import dlms.xmlclient.script.ScriptException;

import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A fleet run with {@code --broker}: publishes one job per meter instead of running it, and
 * gathers the workers' results from a queue of this run's own into the same listeners (console
 * lines, junit.xml) a local fleet has, each meter once: a job given to a second worker after
 * the first died between publishing and acknowledging is reported only the first time. Meters
 * not reported within {@code --broker-timeout} are errors, named as such.
 */
final class BrokerFleet {

    /** The parts of a fleet run that are the same for every meter's job. */
    record Plan(BrokerAddress broker, String queue, List<String> flags, boolean strict, boolean missingExpectedFails,
                byte[] suiteZip, String suiteDigest, long timeoutMillis) {
    }

    private final Plan plan;
    private final Map<String, FleetRun.Meter> metersByJob = new LinkedHashMap<>();
    private final Map<String, TargetsFile.Target> targetsByJob = new HashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final ScriptCache cache;
    private final FleetListener listener;
    private final PrintStream out;
    private final PrintStream err;
    private final String run = UUID.randomUUID().toString();
    private int code = ExitCode.OK;
    private int duplicates;

    BrokerFleet(Plan plan, List<TargetsFile.Target> targets, List<FleetRun.Meter> meters, ScriptCache cache,
            FleetListener listener, PrintStream out, PrintStream err) {
        this.plan = plan;
        for (int i = 0; i < meters.size(); i++) {
            metersByJob.put(run + "/" + (i + 1), meters.get(i));
            targetsByJob.put(run + "/" + (i + 1), targets.get(i));
        }
        this.cache = cache;
        this.listener = listener;
        this.out = out;
        this.err = err;
    }

    /** @return the fleet's exit code, as a local fleet's: the worst meter's */
    int run(StopSignal stop) {
        long start = System.nanoTime();
        String results = "xmlclient.results." + run;
        Connection connection;
        try {
            connection = plan.broker().factory().newConnection("xmlclient fleet " + run);
        } catch (IOException | TimeoutException e) {
            err.println("xmlclient: cannot connect to the broker " + plan.broker() + ": " + why(e));
            return ExitCode.NO_CONNECTION;
        }
        try {
            Channel channel = connection.createChannel();
            int workers = channel.queueDeclare(plan.queue(), true, false, false, null).getConsumerCount();
            // The run's own result queue, gone an hour after the run at the latest (a fleet killed mid-run).
            channel.queueDeclare(results, true, false, false,
                    Map.of("x-expires", (int) Math.min(Integer.MAX_VALUE, plan.timeoutMillis() + 3_600_000L)));
            out.println("Publishing " + metersByJob.size() + " jobs to " + plan.queue() + " on " + plan.broker() + " ("
                    + workers + (workers == 1 ? " worker" : " workers") + " listening now); results come to "
                    + results);
            listener.fleetStarted(metersByJob.size(), metersByJob.values().iterator().next().scripts().size(),
                    Math.max(1, workers));
            Channel gather = connection.createChannel();
            gather.basicConsume(results, false, (tag, d) -> gathered(gather, d), tag -> { });
            publishJobs(channel, results);
            long deadline = System.nanoTime() + plan.timeoutMillis() * 1_000_000;
            while (reportedCount() < metersByJob.size() && !stop.requested() && System.nanoTime() < deadline
                    && connection.isOpen()) {
                Thread.sleep(50);
            }
            if (gather.isOpen()) {
                gather.close(); // no result is taken after this point: a late one is requeued, and goes with the queue
            }
            synchronized (this) {
                String why = stop.requested() ? "not run: " + stop.reason() : !connection.isOpen()
                        ? "the broker " + plan.broker() + " closed the connection before a worker reported this meter"
                        : "no worker reported this meter within --broker-timeout " + plan.timeoutMillis() / 1000
                        + " s (is a worker taking jobs from " + plan.queue() + " on " + plan.broker() + "?)";
                metersByJob.forEach((job, meter) -> {
                    if (reported.add(job)) {
                        report(meter.name(), plan.broker().toString(), alike(meter, stop.requested()
                                ? Status.NOT_RUN : Status.NO_CONNECTION, why), 0);
                    }
                });
            }
            if (connection.isOpen()) {
                channel.queueDelete(results);
            }
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            err.println("xmlclient: broker " + plan.broker() + ": " + why(e));
            code = ExitCode.worst(code, ExitCode.NO_CONNECTION);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = ExitCode.worst(code, ExitCode.INTERRUPTED);
        } finally {
            closeQuietly(connection);
        }
        listener.fleetFinished((System.nanoTime() - start) / 1_000_000);
        if (duplicates > 0) {
            out.println(duplicates + (duplicates == 1 ? " result" : " results") + " of a job given to a second worker"
                    + " reported once only");
        }
        return code;
    }

    private void publishJobs(Channel channel, String results)
            throws IOException, InterruptedException, TimeoutException {
        channel.confirmSelect();
        // A job not taken before the run gives up expires: no worker runs a meter nobody gathers.
        AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC.builder()
                .contentType("application/json").expiration(String.valueOf(plan.timeoutMillis())).build();
        for (Map.Entry<String, TargetsFile.Target> e : targetsByJob.entrySet()) {
            TargetsFile.Target target = e.getValue();
            Job job = new Job(run, e.getKey(), results, target.line(), target.origin(), plan.flags(), plan.strict(),
                    plan.missingExpectedFails(), plan.suiteDigest(), plan.suiteZip());
            channel.basicPublish("", plan.queue(), properties, job.toJson());
        }
        channel.waitForConfirmsOrDie(60_000);
    }

    private synchronized int reportedCount() {
        return reported.size();
    }

    /** One result message: reported when it is the first for its job, acknowledged in every case. */
    private void gathered(Channel channel, Delivery delivery) throws IOException {
        try {
            JsonObject message = Job.parse(delivery.getBody());
            String job = Job.isJob(message) ? null : message.has("job") ? message.get("job").getAsString() : null;
            FleetRun.Meter meter = job == null ? null : metersByJob.get(job);
            if (meter == null) {
                err.println("xmlclient: a message on this run's result queue is not a result of it; ignored");
            } else {
                Map<String, ScriptSource> sources = meter.scripts().stream()
                        .collect(Collectors.toMap(ScriptSource::relativePath, s -> s));
                MeterResult result = MeterResult.fromJson(message, sources, loader());
                synchronized (this) {
                    if (!reported.add(job)) {
                        duplicates++;
                    } else {
                        report(meter.name(), result.outputs(), result.error() == null ? result.outcomes()
                                : alike(meter, Status.BAD_INPUT, result.error()), result.elapsedMillis());
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("xmlclient: a result could not be read, ignored: " + e.getMessage());
        } catch (RuntimeException e) {
            // A defect of ours; the meter stays unreported and the run goes on (it ends at its timeout at worst).
            err.println("xmlclient: a result could not be reported: " + e);
            e.printStackTrace(err);
        }
        channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
    }

    private void report(String meter, String outputs, List<ScriptOutcome> outcomes, long elapsedMillis) {
        outcomes.forEach(o -> listener.scriptFinished(meter, o));
        listener.meterFinished(meter, outputs, outcomes, elapsedMillis);
        code = ExitCode.worst(code, ExitCode.of(outcomes));
    }

    /** The scripts as the gathering side loads them, for the names of their requests. */
    private Function<ScriptSource, Script> loader() {
        return source -> {
            try {
                return cache.script(source.file(), source.relativePath(), source.connection());
            } catch (ScriptException e) {
                return null;
            }
        };
    }

    private static List<ScriptOutcome> alike(FleetRun.Meter meter, Status status, String why) {
        return meter.scripts().stream().map(s -> new ScriptOutcome(s, null, status, List.of(), why, 0, "")).toList();
    }

    /** Closes a connection that may be closed already (by the broker, or the network). */
    static void closeQuietly(Connection connection) {
        try {
            if (connection.isOpen()) {
                connection.close();
            }
        } catch (IOException | ShutdownSignalException e) {
            // it is closed either way
        }
    }

    /** An exception's cause in one line. */
    static String why(Exception e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
