package dlms.xmlclient.cli;

import java.io.PrintStream;

/**
 * A command under {@code xmlclient NAME …}. {@code translate} is part of the client; others plug
 * in through {@link java.util.ServiceLoader} from a jar on the class path ({@code bench}, which is
 * kept out of the shipped jar).
 */
public interface Subcommand {

    /** The word after {@code xmlclient}. */
    String name();

    /** Runs with the arguments after the name; returns the exit code. */
    int run(String[] args, PrintStream out, PrintStream err);
}
