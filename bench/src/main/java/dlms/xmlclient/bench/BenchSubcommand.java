package dlms.xmlclient.bench;

import dlms.xmlclient.cli.Subcommand;

import java.io.PrintStream;

/** Plugs the benchmark into the client as {@code xmlclient bench} (META-INF/services). */
public final class BenchSubcommand implements Subcommand {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        return BenchCommand.run(args, out, err);
    }
}
