package dlms.xmlclient.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.ServiceLoader;

/** The subcommands, declared in one place: the client's own, then those found on the class path. */
final class Subcommands {

    /** Declared here so that {@code xmlclient bench} without the bench jar says what to do. */
    private static final String BENCH = "bench";

    /** The subcommands in one line, for {@code --help}. */
    static final String HELP = "Subcommands: xmlclient " + TranslateCommand.NAME
            + " --help; xmlclient " + DiscoverCommand.NAME + " --help (a test suite from the meter itself); xmlclient "
            + ListenCommand.NAME + " --help (meters that call in); xmlclient " + WorkerCommand.NAME
            + " --help (runs a fleet's meters from a RabbitMQ broker); xmlclient " + BENCH
            + " --help (the benchmark, from a source checkout's bin/xmlclient).";

    private Subcommands() {
    }

    /** The subcommand named by the first argument, if it names one. */
    static Optional<Subcommand> find(String name) {
        if (name.equals(TranslateCommand.NAME)) {
            return Optional.of(new Declared(name, TranslateCommand::run));
        }
        if (name.equals(DiscoverCommand.NAME)) {
            return Optional.of(new Declared(name, (args, out, err) -> new DiscoverCommand(out, err, System.getenv())
                    .run(args)));
        }
        if (name.equals(ListenCommand.NAME)) {
            return Optional.of(new Declared(name, (args, out, err) -> ListenCommand.run(args, out, err,
                    System.getenv())));
        }
        if (name.equals(WorkerCommand.NAME)) {
            return Optional.of(new Declared(name, (args, out, err) -> WorkerCommand.run(args, out, err,
                    System.getenv(), true)));
        }
        for (Subcommand plugged : ServiceLoader.load(Subcommand.class)) {
            if (plugged.name().equals(name)) {
                return Optional.of(plugged);
            }
        }
        if (name.equals(BENCH)) {
            return Optional.of(new Missing(BENCH));
        }
        return Optional.empty();
    }

    /** What a subcommand of the client's own does with its arguments. */
    private interface Body {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    /** A subcommand of the client's own. */
    private record Declared(String name, Body body) implements Subcommand {
        @Override
        public int run(String[] args, PrintStream out, PrintStream err) {
            return body.run(args, out, err);
        }
    }

    /** A declared subcommand whose jar is not on the class path (the bench outside a checkout). */
    private record Missing(String name) implements Subcommand {
        @Override
        public int run(String[] args, PrintStream out, PrintStream err) {
            err.println("xmlclient: " + name + " is not in this jar; run bin/xmlclient " + name
                    + " from a source checkout (it builds target/" + name + ".jar)");
            return ExitCode.BAD_INPUT;
        }
    }
}
