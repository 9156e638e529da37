package dlms.xmlclient.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The {@code worker} command line: the broker, its queues, and how many meters at once. */
final class WorkerOptions {

    static final String BROKER = "broker";
    static final String QUEUE = "queue";
    static final String IN_QUEUE = "in-queue";
    static final String OUT_QUEUE = "out-queue";
    static final String IDLE_TIME = "idle-time";
    /** The queue fleets publish their jobs to unless --queue names another. */
    static final String DEFAULT_QUEUE = "xmlclient.jobs";
    /** DLMS2AMPQ's configuration's InQueue and OutQueue. */
    static final String DEFAULT_IN_QUEUE = "INDLMS";
    static final String DEFAULT_OUT_QUEUE = "OUTDLMS";

    private WorkerOptions() {
    }

    static Options definitions() {
        Options o = new Options();
        o.addOption(valued(null, BROKER, "URI", "the RabbitMQ broker: amqp://user:password@host:port/vhost (required;"
                + " amqps:// for TLS)"));
        o.addOption(valued(null, QUEUE, "NAME", "the queue of meter jobs that fleets publish with --broker (default "
                + DEFAULT_QUEUE + ")"));
        o.addOption(valued(null, IN_QUEUE, "NAME", "the queue of DLMS2AMPQ READ requests (default " + DEFAULT_IN_QUEUE
                + "; '' takes none)"));
        o.addOption(valued(null, OUT_QUEUE, "NAME", "the queue DLMS2AMPQ replies go to (default " + DEFAULT_OUT_QUEUE
                + ")"));
        o.addOption(valued(null, ClientOptions.PARALLEL, "N", "how many meters this worker runs at once, and so how"
                + " many unacknowledged jobs it takes from the broker (default 8)"));
        o.addOption(valued(ClientOptions.OUT, "out", "DIR", "output folder: <DIR>/<meter> as a fleet writes it, and the"
                + " suites the jobs carry (default out)"));
        o.addOption(valued(null, IDLE_TIME, "S", "stop after S seconds without a job (default 0: run until Ctrl-C or"
                + " SIGTERM, which let the meters in progress finish and leave the rest to other workers)"));
        o.addOption(Option.builder().longOpt(ClientOptions.HELP).desc("show this help").build());
        return o;
    }

    private static Option valued(String shortName, String longName, String argName, String description) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(argName).desc(description).build();
    }
}
