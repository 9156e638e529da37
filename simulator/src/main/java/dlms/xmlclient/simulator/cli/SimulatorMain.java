package dlms.xmlclient.simulator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.commons.cli.HelpFormatter;

import dlms.xmlclient.simulator.FleetMeter;
import dlms.xmlclient.simulator.FleetTargets;
import dlms.xmlclient.simulator.MeterFleet;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import dlms.xmlclient.simulator.device.DefaultDevice;
import dlms.xmlclient.simulator.device.DeviceFile;
import dlms.xmlclient.simulator.device.DeviceFileException;
import gurux.common.enums.TraceLevel;

/**
 * Command line entry point of the stand-alone simulator ({@code bin/simulator}).
 * Exit codes: 0 done (help, device saved, or serving ended), 2 bad option or device file,
 * 3 cannot listen on the port (or, with --call, cannot reach the head-end).
 */
public final class SimulatorMain {

    static final int OK = 0;
    static final int BAD_INPUT = 2;
    static final int CANNOT_LISTEN = 3;
    /** --call: the pause after the first failed connection attempt, doubled each time. */
    static final long CALL_RETRY_MILLIS = 1000;

    /**
     * gurux.dlms logs to the console through java.util.logging, e.g. the HLS answer it computed
     * from the secret when a client's does not match. The simulator has its own log, which
     * never carries secrets; the library's is switched off. Held here so that the setting
     * stays (java.util.logging keeps loggers weakly).
     */
    private static final Logger GURUX_LOG = Logger.getLogger("gurux");

    private SimulatorMain() {
    }

    /** @param args command line arguments; see --help */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the simulator; serves until the process is killed (or the calling thread is
     * interrupted), except for --help, --save-device and errors, which return at once.
     *
     * @param args command line arguments
     * @param out normal output
     * @param err error messages, one line each
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SimulatorCommandLine cl;
        try {
            cl = SimulatorCommandLine.parse(args);
        } catch (SimulatorCommandLine.UsageException e) {
            err.println("simulator: " + e.getMessage() + " (see --help)");
            return BAD_INPUT;
        }
        if (cl.help) {
            printHelp(out);
            return OK;
        }
        if (cl.saveDevice != null) {
            try {
                DeviceFile.save(DefaultDevice.create(), cl.saveDevice);
            } catch (DeviceFileException e) {
                err.println("simulator: --save-device: " + e.getMessage());
                return BAD_INPUT;
            }
            out.println("Built-in device written to " + cl.saveDevice);
            return OK;
        }
        SimulatorOptions options;
        try {
            options = cl.options().log(out, cl.trace)
                    .trace(cl.trace == TraceLevel.VERBOSE ? out : null);
        } catch (SimulatorCommandLine.UsageException e) {
            err.println("simulator: " + e.getMessage() + " (see --help)");
            return BAD_INPUT;
        }
        GURUX_LOG.setLevel(Level.OFF);
        AutoCloseable running;
        String startLine;
        List<FleetMeter> targets;
        try {
            if (options.isFleet()) {
                MeterFleet fleet = MeterFleet.start(options);
                running = fleet;
                startLine = StartLine.of(fleet, cl);
                targets = fleet.meters();
            } else if (cl.call != null) {
                MeterSimulator meter = MeterSimulator.call(options, cl.call, CALL_RETRY_MILLIS,
                        cl.pushEvery * 1000L);
                out.println(StartLine.of(meter));
                out.flush();
                return CallEnd.await(meter, err);
            } else {
                MeterSimulator meter = MeterSimulator.start(options);
                running = meter;
                startLine = StartLine.of(meter);
                targets = meter.address() == null ? List.of() : List.of(new FleetMeter(
                        "meter-" + meter.serialNumber(), meter.address().getHostAddress(),
                        meter.port(), meter.serialNumber(), ""));
            }
        } catch (DeviceFileException e) {
            err.println("simulator: -x/--device: " + e.getMessage());
            return BAD_INPUT;
        } catch (BindException e) {
            String hint = String.valueOf(e.getMessage()).contains("in use")
                    ? " (another simulator running? try -p)" : " (check -b)";
            err.println("simulator: cannot listen on " + where(cl) + ": " + e.getMessage() + hint);
            return CANNOT_LISTEN;
        } catch (Exception e) {
            err.println("simulator: cannot start on " + (cl.serial != null
                    ? "serial port " + cl.serial.port() : where(cl)) + ": "
                    + (cl.serial != null ? e.getMessage() : e));
            return CANNOT_LISTEN;
        }
        if (cl.writeTargets != null) {
            try {
                FleetTargets.write(cl.writeTargets, targets, "bin/simulator" + (cl.count == 1
                        ? "" : " -N " + cl.count) + (cl.onePort ? " -X" : ""));
            } catch (IOException | RuntimeException e) {
                err.println("simulator: --write-targets: cannot write " + cl.writeTargets + ": "
                        + e);
                closeQuietly(running);
                return BAD_INPUT;
            }
        }
        out.println(startLine);
        out.flush();
        serveUntilStopped(running);
        return OK;
    }

    /** @return e.g. "127.0.0.1 port 4061" or "127.0.0.1 ports 4061-5060" */
    private static String where(SimulatorCommandLine cl) {
        String address = cl.bind.getHostAddress();
        if (cl.count == 1 || cl.onePort) {
            return address + " port " + cl.port;
        }
        return address + (cl.port == 0 ? " free ports"
                : " ports " + cl.port + "-" + (cl.port + cl.count - 1));
    }

    private static void serveUntilStopped(AutoCloseable running) {
        Thread hook = new Thread(() -> closeQuietly(running), "simulator shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            interrupted = true; // set again after close, which waits for the port's threads
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook closes the meter.
            }
            closeQuietly(running);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(AutoCloseable running) {
        try {
            running.close();
        } catch (Exception e) {
            // The meters' close methods throw nothing.
        }
    }

    private static void printHelp(PrintStream out) {
        PrintWriter writer = new PrintWriter(out);
        HelpFormatter formatter = new HelpFormatter();
        formatter.printHelp(writer, 100, "simulator [options]",
                "Simulated DLMS/COSEM electricity meter.", SimulatorCommandLine.definitions(),
                2, 2, "");
        writer.flush();
        try (InputStream in = SimulatorMain.class.getResourceAsStream("/simulator/help.txt")) {
            if (in != null) {
                out.println();
                out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The option list above is still useful.
        }
        out.flush();
    }
}
