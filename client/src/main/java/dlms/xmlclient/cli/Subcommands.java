package dlms.xmlclient.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.ServiceLoader;

/** The subcommands, declared in one place: the client's own, then those found on the class path. */
final class Subcommands {

    /** Declared here so that {@code xmlclient bench} without the bench jar says what to do. */
    private static final String BENCH = "bench";

    /** The subcommands in one line, for {@code --help}. */
    static final String HELP = "Subcommands: xmlclient " + TranslateCommand.NAME + " --help; xmlclient "
            + ListenCommand.NAME + " --help (meters that call in); xmlclient " + BENCH
            + " --help (the benchmark, from a source checkout's bin/xmlclient).";

    private Subcommands() {
    }

    /** The subcommand named by the first argument, if it names one. */
    static Optional<Subcommand> find(String name) {
        if (name.equals(TranslateCommand.NAME)) {
            return Optional.of(new Subcommand() {
                @Override
                public String name() {
                    return TranslateCommand.NAME;
                }

                @Override
                public int run(String[] args, PrintStream out, PrintStream err) {
                    return TranslateCommand.run(args, out, err);
                }
            });
        }
        if (name.equals(ListenCommand.NAME)) {
            return Optional.of(new Subcommand() {
                @Override
                public String name() {
                    return ListenCommand.NAME;
                }

                @Override
                public int run(String[] args, PrintStream out, PrintStream err) {
                    return ListenCommand.run(args, out, err, System.getenv());
                }
            });
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
