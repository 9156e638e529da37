package dlms.xmlclient.cli;

import com.sun.management.UnixOperatingSystemMXBean;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * {@code --parallel}: how many meters are in flight at once. Thousands are fine for meters far
 * away (each waits on a virtual thread), but every meter in flight holds a socket and its trace
 * file open: past the process's file-descriptor limit ({@code ulimit -n}) connections would fail
 * as the meters' errors, so the number is lowered to what fits, with a one-line notice.
 */
final class ParallelMeters {

    static final int MAX = 100_000;
    /** A socket, the trace file, a reply file being written. */
    private static final int FILES_PER_METER = 3;
    /** Jars, the console, junit.xml, the JVM's own. */
    private static final int RESERVED_FILES = 64;

    private ParallelMeters() {
    }

    /** @param meters how many meters the run has (0: open-ended, as listen's) */
    static int of(FlagValues flags, int meters, PrintStream err) throws UsageException {
        return of(flags, meters, err, openLimit());
    }

    /** @param openLimit the process's file-descriptor limit (0: unknown) */
    static int of(FlagValues flags, int meters, PrintStream err, long openLimit) throws UsageException {
        int asked = ConnectionOptions.integer(flags, ClientOptions.PARALLEL, 1, MAX, 8);
        int wanted = meters > 0 ? Math.min(asked, meters) : asked;
        long fit = openLimit <= 0 ? Long.MAX_VALUE : Math.max(1, (openLimit - RESERVED_FILES) / FILES_PER_METER);
        if (wanted > fit) {
            err.println("xmlclient: " + flags.flag(ClientOptions.PARALLEL) + " " + asked + " lowered to " + fit
                    + ": each meter in flight holds " + FILES_PER_METER + " files open, and the process may open "
                    + openLimit + " (ulimit -n)");
            return (int) fit;
        }
        return wanted;
    }

    /** The file-descriptor limit, or 0 where the platform does not tell. */
    private static long openLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : 0;
    }
}
