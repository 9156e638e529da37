package dlms.xmlclient.bench;

import dlms.xmlclient.cli.ExitCode;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@code xmlclient bench}: how fast our path is against the bare Gurux library, against the
 * in-process simulator; prints a table and writes {@code OUT/bench.json}. Never calls System.exit.
 */
public final class BenchCommand {

    private static final String PREFIX = "xmlclient bench: ";
    private static final String OUT = "o";
    private static final String QUICK = "quick";
    private static final String FLEET = "fleet";
    private static final String FLEET_METERS = "fleet-meters";
    private static final String HELP = "help";
    private static final String USAGE = """
            Usage: xmlclient bench [-o DIR] [--quick] [--fleet [--fleet-meters N]]

            Measures, against the in-process simulator: per-exchange time of our full path (script step,
            session, reply XML, verdict, reports) against a bare Gurux library loop, HDLC and WRAPPER;
            associations per second; the load profile read (672 rows); a 100-script batch of the samples;
            the cold start of a one-script bin/xmlclient run and its peak RSS. Prints a table, one row per
            figure, with the issue's target (met/missed) or reference figure (measured elsewhere), and
            writes the same as DIR/bench.json.
              -o, --out DIR   where bench.json goes (default: out)
              --quick         few rounds: seconds instead of about a minute; the figures are rough
              --fleet         also the fleet targets, as a user runs them (bin/simulator -N and
                              bin/xmlclient --targets in child processes): 10,000 meters reading a day of
                              load profile at 200 ms round trip, and the whole sample suite at 100 ms;
                              some 15 minutes
              --fleet-meters N  with --fleet: N meters instead of 10,000 (the targets are for 10,000)
              --help          show this help
            """;
    /** gurux.dlms logs through java.util.logging; as in the xmlclient command, it stays quiet. */
    private static final Logger GURUX_LOG = Logger.getLogger("gurux");

    private BenchCommand() {
    }

    /** @param args the arguments after the word {@code bench} */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line;
        try {
            line = new DefaultParser().parse(options(), args);
        } catch (ParseException e) {
            err.println(PREFIX + e.getMessage() + " (see --help)");
            return ExitCode.BAD_INPUT;
        }
        if (line.hasOption(HELP)) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        if (!line.getArgList().isEmpty()) {
            err.println(PREFIX + "unexpected " + line.getArgList().get(0) + " (see --help)");
            return ExitCode.BAD_INPUT;
        }
        GURUX_LOG.setLevel(Level.OFF);
        BenchConfig config = line.hasOption(QUICK) ? BenchConfig.quickly() : BenchConfig.standard();
        Path json = Path.of(line.getOptionValue(OUT, "out")).resolve("bench.json");
        Path work = null;
        try {
            work = Files.createTempDirectory("xmlclient-bench-");
            List<Measure> measures = new ArrayList<>(new BenchRun(config, work, err, err).run());
            if (line.hasOption(FLEET)) {
                int meters = fleetMeters(line);
                err.println("bench: fleets of " + meters + " meters (the seed's load test, then the sample suite)");
                measures.addAll(new FleetBench(meters).run(ProjectRoot.find(), work.resolve("fleet")));
            } else {
                measures.addAll(FleetBench.notRun());
            }
            out.print(ResultTable.render(measures));
            BenchJson.write(json, BenchJson.render(measures, config, OffsetDateTime.now()));
            out.println("written to " + json);
            return ExitCode.OK;
        } catch (NumberFormatException e) {
            err.println(PREFIX + "--fleet-meters " + line.getOptionValue(FLEET_METERS) + ": not a number of meters"
                    + " from 1 to " + FleetBench.FULL_FLEET);
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println(PREFIX + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (Exception e) {
            err.println(PREFIX + "the benchmark failed: " + e);
            return ExitCode.FAILED;
        } finally {
            delete(work);
        }
    }

    private static Options options() {
        Options o = new Options();
        o.addOption(Option.builder(OUT).longOpt("out").hasArg().argName("DIR").desc("where bench.json goes").build());
        o.addOption(Option.builder().longOpt(QUICK).desc("few rounds").build());
        o.addOption(Option.builder().longOpt(FLEET).desc("the fleet targets too").build());
        o.addOption(Option.builder().longOpt(FLEET_METERS).hasArg().argName("N").desc("meters of the fleets").build());
        o.addOption(Option.builder().longOpt(HELP).desc("show this help").build());
        return o;
    }

    private static int fleetMeters(CommandLine line) {
        int meters = Integer.parseInt(line.getOptionValue(FLEET_METERS, String.valueOf(FleetBench.FULL_FLEET)));
        if (meters < 1 || meters > FleetBench.FULL_FLEET) {
            throw new NumberFormatException("out of range");
        }
        return meters;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A scratch folder under the temporary directory: left for the system to clean.
        }
    }
}
