package dlms.xmlclient.cli;

import dlms.xmlclient.broker.BrokerAddress;
import dlms.xmlclient.run.StopSignal;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.ParseException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code xmlclient worker --broker amqp://…}: takes meter jobs from a RabbitMQ queue and runs
 * each as a fleet runs a meter, publishing its result before acknowledging it (see
 * {@link BrokerWorker}); also answers DLMS2AMPQ READ requests (see {@link Dlms2AmpqRead}).
 */
final class WorkerCommand {

    static final String NAME = "worker";

    private WorkerCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, boolean handleSignals) {
        CommandLine line;
        try {
            line = new DefaultParser().parse(WorkerOptions.definitions(), args);
        } catch (ParseException e) {
            err.println("xmlclient worker: " + UsageErrors.of(e) + " (see xmlclient worker --help)");
            return ExitCode.BAD_INPUT;
        }
        if (line.hasOption(ClientOptions.HELP)) {
            HelpFormatter help = HelpFormatter.builder().setPrintWriter(new PrintWriter(out, true)).get();
            help.printHelp("xmlclient worker --broker amqp://user:password@host:port/vhost [options]",
                    "Takes meter jobs from a RabbitMQ queue (published by xmlclient --targets FILE --broker URI, from"
                            + " any host), runs each as a fleet runs a meter into <out>/<meter>, publishes the meter's"
                            + " result and only then acknowledges the job: a worker that dies mid-meter loses nothing,"
                            + " its job goes to another worker. Also answers DLMS2AMPQ READ requests. See"
                            + " docs/broker.md.", WorkerOptions.definitions(), ExitCode.HELP, true);
            return ExitCode.OK;
        }
        try {
            if (!line.getArgList().isEmpty()) {
                throw new UsageException(UsageErrors.strayArguments(line.getArgList())
                        + " (see xmlclient worker --help)");
            }
            FlagValues own = FlagValues.of(line);
            if (!line.hasOption(WorkerOptions.BROKER)) {
                throw new UsageException("--broker is required: amqp://user:password@host:port/vhost");
            }
            BrokerAddress broker = broker(line.getOptionValue(WorkerOptions.BROKER), "--broker");
            int parallel = ConnectionOptions.integer(own, ClientOptions.PARALLEL, 1, 1024, 8);
            int idleSeconds = ConnectionOptions.integer(own, WorkerOptions.IDLE_TIME, 0, 86_400 * 365, 0);
            Path outDir = XmlClientCommand.outDir(line);
            BrokerWorker worker = new BrokerWorker(broker,
                    line.getOptionValue(WorkerOptions.QUEUE, WorkerOptions.DEFAULT_QUEUE),
                    line.getOptionValue(WorkerOptions.IN_QUEUE, WorkerOptions.DEFAULT_IN_QUEUE),
                    line.getOptionValue(WorkerOptions.OUT_QUEUE, WorkerOptions.DEFAULT_OUT_QUEUE),
                    parallel, outDir, env, out, err);
            StopSignal stop = new StopSignal();
            if (!handleSignals) {
                return worker.run(stop, idleSeconds * 1000L);
            }
            try (CtrlC ctrlC = CtrlC.handle(stop)) {
                int code = worker.run(stop, idleSeconds * 1000L);
                return ctrlC.interrupted() ? ctrlC.exitCode() : code;
            }
        } catch (UsageException e) {
            err.println("xmlclient worker: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /** The broker's address, or a usage error naming {@code flag}. */
    static BrokerAddress broker(String value, String flag) throws UsageException {
        try {
            return BrokerAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + " " + value.replaceAll("//([^:@/]*):[^@/]*@", "//$1:***@") + ": "
                    + e.getMessage());
        }
    }
}
