package dlms.xmlclient.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.commons.cli.HelpFormatter;

import gurux.common.enums.TraceLevel;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSObject;

/**
 * Command line entry point of the stand-alone simulator ({@code bin/simulator}).
 * Exit codes: 0 done (help, device saved, or serving ended), 2 bad option or device file,
 * 3 cannot listen on the port.
 */
public final class SimulatorMain {

    static final int OK = 0;
    static final int BAD_INPUT = 2;
    static final int CANNOT_LISTEN = 3;

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
    public static void main(final String[] args) {
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
    public static int run(final String[] args, final PrintStream out, final PrintStream err) {
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
        MeterSimulator meter;
        try {
            meter = MeterSimulator.start(options);
        } catch (DeviceFileException e) {
            err.println("simulator: -x/--device: " + e.getMessage());
            return BAD_INPUT;
        } catch (BindException e) {
            String hint = String.valueOf(e.getMessage()).contains("in use")
                    ? " (another simulator running? try -p)" : " (check -b)";
            err.println("simulator: cannot listen on " + cl.bind.getHostAddress() + " port "
                    + cl.port + ": " + e.getMessage() + hint);
            return CANNOT_LISTEN;
        } catch (Exception e) {
            err.println("simulator: cannot start on " + (cl.serial != null
                    ? "serial port " + cl.serial.port() : cl.bind.getHostAddress() + " port "
                            + cl.port) + ": " + (cl.serial != null ? e.getMessage() : e));
            return CANNOT_LISTEN;
        }
        out.println(startLine(meter));
        out.flush();
        serveUntilStopped(meter);
        return OK;
    }

    private static void serveUntilStopped(final MeterSimulator meter) {
        Thread hook = new Thread(meter::close, "simulator shutdown");
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
            meter.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Says how the meter is reached and names the clients, never their secrets (--help
     * documents those of the built-in device).
     *
     * @param meter the running meter
     * @return e.g. "Simulator listening on port 4061 (127.0.0.1, HDLC, LN, server address 1 /
     *         physical 6678 / serial number 12345678, clients 1 HighGMAC ciphered / ... / 16
     *         public / 17 Low / 18 High; secrets and keys: see --help)", or "... on serial
     *         /dev/pts/5 300 7E1 (HDLC, mode E, SN, ..."
     */
    static String startLine(final MeterSimulator meter) {
        List<GXDLMSAssociationLogicalName> associations = new ArrayList<>();
        for (GXDLMSObject it : meter.device().getObjects(ObjectType.ASSOCIATION_LOGICAL_NAME)) {
            GXDLMSAssociationLogicalName a = (GXDLMSAssociationLogicalName) it;
            // With short names: no HLS, no ciphering.
            if (!meter.isShortNames() || !Associations.isCiphered(a) && a
                    .getAuthenticationMechanismName().getMechanismId().getValue()
                    <= Authentication.LOW.getValue()) {
                associations.add(a);
            }
        }
        associations.sort(Comparator.comparingInt(GXDLMSAssociationLogicalName::getClientSAP));
        StringBuilder clients = new StringBuilder();
        for (GXDLMSAssociationLogicalName a : associations) {
            if (clients.length() != 0) {
                clients.append(" / ");
            }
            clients.append(a.getClientSAP()).append(' ')
                    .append(mechanismName(a.getAuthenticationMechanismName().getMechanismId()));
            if (Associations.isCiphered(a)) {
                clients.append(" ciphered");
            }
        }
        return "Simulator listening on " + meter.listening() + " ("
                + (meter.address() == null ? "" : meter.address().getHostAddress() + ", ")
                + (meter.isWrapper() ? "WRAPPER" : "HDLC") + (meter.isModeE() ? ", mode E" : "")
                + (meter.isShortNames() ? ", SN, " : ", LN, ")
                + meter.serverAddress().describe() + ", clients " + clients
                + (meter.fault() == null ? "" : "; fault " + meter.fault().optionName())
                + "; secrets and keys: see --help)";
    }

    /** @return "public", "Low", "High", "HighGMAC", "HighSHA256", ... */
    static String mechanismName(final Authentication mechanism) {
        if (mechanism == Authentication.NONE) {
            return "public";
        }
        String[] words = mechanism.name().split("_");
        StringBuilder name = new StringBuilder(words[0].charAt(0)
                + words[0].substring(1).toLowerCase(Locale.ROOT));
        for (int i = 1; i != words.length; ++i) {
            name.append(words[i]);
        }
        return name.toString();
    }

    private static void printHelp(final PrintStream out) {
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
